"""Grid recovery by arithmetic: flattened tables whose empty cells vanished. Every expected
value is read from the table text written in each test."""

from minshi_extract.models import Money
from minshi_extract.pipeline import extract_text

HEAD = """某市人民政府办公室关于印发2025年民生实事项目的通知

各县(区)人民政府,市政府各部门:

现将2025年民生实事项目资金安排印发给你们,请认真贯彻落实。

附件:2025年民生实事项目资金分配表

某市人民政府办公室

2025年3月1日

附件

2025年民生实事项目资金分配表

单位:万元

序号

项目名称

合计

中央财政

省级财政

市县财政

"""


def _notice(body: str):
    return extract_text(HEAD + "\n\n".join(body.split()) + "\n")


def _money(notice) -> list[tuple[str, int, str | None]]:
    return [(r.text, r.amount_cny, r.source) for r in notice.all_records() if isinstance(r, Money)]


def test_vanished_empty_cells_placed_by_the_sums() -> None:
    # row 1: 500 = 300 + 200 and row 2: 800 = 500 + 300 fit three payer columns several ways;
    # only 中央 300 / 市县 200 and 省级 500 / 市县 300 give the 合计 row 300 | 500 | 500
    notice = _notice("1 城区学校扩容工程 500 300 200 2 农村供水保障工程 800 500 300 合计 1300 300 500 500")
    table = notice.attachments[0].tables[0]
    assert table.header == ["序号", "项目名称", "合计(万元)", "中央财政(万元)", "省级财政(万元)", "市县财政(万元)"]
    assert table.rows == [
        ["1", "城区学校扩容工程", "500", "300", "", "200"],
        ["2", "农村供水保障工程", "800", "", "500", "300"],
        ["", "合计", "1300", "300", "500", "500"],
    ]
    got = _money(notice)
    assert ("300", 3_000_000, "中央财政") in got and ("200", 2_000_000, "市县财政") in got
    assert ("800", 8_000_000, None) in got and ("300", 3_000_000, "市县财政") in got
    assert notice.warnings == []


def test_payer_cells_are_part_of_their_row_total() -> None:
    notice = _notice("1 城区学校扩容工程 500 300 200 2 农村供水保障工程 800 500 300 合计 1300 300 500 500")
    prog = notice.programmes[0]
    recs = {r.text: r for r in prog.all_records()}
    assert recs["300"].part_of == recs["500"].id
    assert recs["200"].part_of == recs["500"].id
    assert recs["500"].part_of is None


def test_broken_number_rejoined_when_the_sums_confirm() -> None:
    # `1234.` / `5` is one figure: 1234.5 = 1000 + 234.5, and the 合计 row needs it
    notice = _notice("1 城区学校扩容工程 1234. 5 1000 234.5 2 农村供水保障工程 100 100 合计 1334.5 1000 234.5 100")
    table = notice.attachments[0].tables[0]
    assert table.rows[0] == ["1", "城区学校扩容工程", "1234.5", "1000", "234.5", ""]
    assert table.rows[1] == ["2", "农村供水保障工程", "100", "", "", "100"]
    got = _money(notice)
    assert ("1234.\n\n5", 12_345_000, None) in got
    assert not table._unplaced and notice.warnings == []


def test_unplaceable_figure_kept_with_a_warning() -> None:
    # 500 is not 300 + 100 whatever the columns: the row's figures cannot be placed
    notice = _notice("1 城区学校扩容工程 500 300 100 2 农村供水保障工程 800 500 300")
    table = notice.attachments[0].tables[0]
    assert [notice.text[a:b] for _, (a, b) in table._unplaced] == ["500", "300", "100"]
    assert table.rows[0] == ["1", "城区学校扩容工程", "", "", "", ""]
    assert any("城区学校扩容工程" in w and "figures 500, 300, 100 kept unplaced" in w for w in notice.warnings)
    # every figure column is money in 万元: the figures still count, without a payer
    got = _money(notice)
    assert ("100", 1_000_000, None) in got and ("500", 5_000_000, None) in got


REGION_HEAD = """某市人民政府办公室关于印发2025年农村供水实施方案的通知

各县(区)人民政府:

现将方案印发给你们。

某市人民政府办公室

2025年3月1日

2025年农村供水保障工程实施方案

一、目标任务

新建改造供水工程40处。资金安排见附件1。

附件1

资金安排表

单位:万元

"""


def test_region_table_without_serials_placed_by_the_sums() -> None:
    # no 序号 column and no word column after the figures: each county name starts a row; the
    # 合计 row (400 | 600 | 400) alone says which payer each county's pair of figures belongs to
    cells = ["县区", "资金合计", "中央财政", "省级财政", "市县财政", "凉州区", "600", "400", "200",
             "民勤县", "300", "100", "200", "古浪县", "500", "300", "200", "合计", "1400", "400", "600", "400"]
    notice = extract_text(REGION_HEAD + "\n\n".join(cells) + "\n")
    table = notice.attachments[0].tables[0]
    assert table.rows == [["凉州区", "600", "400", "200", ""], ["民勤县", "300", "", "100", "200"],
                          ["古浪县", "500", "", "300", "200"], ["合计", "1400", "400", "600", "400"]]
    got = {(r.text, r.region, r.source) for r in notice.all_records() if isinstance(r, Money)}
    assert ("100", "民勤县", "省级财政") in got and ("200", "古浪县", "市县财政") in got
    assert notice.warnings == []


def test_cells_whose_row_and_header_name_nothing_take_the_captions_funds() -> None:
    # GUIDELINES rule 8: a county row under 资金合计 / 中央财政 names no thing; the caption says the
    # table lists 农村供水保障工程资金 (its year left out)
    head = REGION_HEAD.replace("附件1\n\n资金安排表", "附件1\n\n2025年农村供水保障工程资金安排表")
    cells = ["县区", "资金合计", "中央财政", "省级财政", "市县财政", "凉州区", "600", "400", "200",
             "民勤县", "300", "100", "200", "古浪县", "500", "300", "200", "合计", "1400", "400", "600", "400"]
    notice = extract_text(head + "\n\n".join(cells) + "\n")
    items = {(r.text, r.region, r.item) for r in notice.all_records() if isinstance(r, Money)}
    assert ("600", "凉州区", "农村供水保障工程资金") in items
    assert ("100", "民勤县", "农村供水保障工程资金") in items


def test_a_header_of_generic_words_adds_nothing_to_the_row_name() -> None:
    body = "1 城区学校扩容工程 500 300 200 2 农村供水保障工程 800 500 300 合计 1300 300 500 500"
    head = HEAD.replace("项目名称\n\n合计", "项目名称\n\n资金合计")
    notice = extract_text(head + "\n\n".join(body.split()) + "\n")
    recs = {r.text: r.item for r in notice.programmes[0].all_records() if isinstance(r, Money)}
    assert recs["500"] == "城区学校扩容工程"  # under 资金合计(万元): 资金 + 合计, both generic
