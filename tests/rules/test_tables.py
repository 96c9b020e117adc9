"""Attachment tables: hand-built Table objects with cell spans set by the test."""

import pytest
from helpers import table_layout

from minshi_extract.models import Deadline, Money, Percentage, Quantity, Responsibility, Table
from minshi_extract.rules.context import Context
from minshi_extract.rules.tables import is_deadline_header, read_header, records_from_table

CTX = Context(year=2025, programme_id="P06", part=0)


def _layout(header: list[str], rows: list[list[str]]) -> tuple[str, list[list[tuple[int, int]]]]:
    return table_layout("附件1", header, rows)


def test_task_table_households_and_money() -> None:
    header = ["县区", "2025年任务(户)", "资金(万元)"]
    rows = [["小计", "155", "54.25"], ["凉州区", "80", "28.00"], ["古浪县", "0", "0.00 "]]
    text, spans = _layout(header, rows)
    recs = records_from_table(Table(header=header, rows=rows), spans, text, CTX)
    got = [(type(r).__name__, r.text, getattr(r, "value", None), getattr(r, "amount_cny", None),
            r.region) for r in recs]
    assert got == [
        ("Quantity", "155", 155, None, None),
        ("Money", "54.25", None, 542500, None),
        ("Quantity", "80", 80, None, "凉州区"),
        ("Money", "28.00", None, 280000, "凉州区"),
        ("Quantity", "0", 0, None, "古浪县"),
        ("Money", "0.00", None, 0, "古浪县"),
    ]
    for r in recs:
        assert text[r.span[0]:r.span[1]] == r.text
        assert r.programme_id == "P06" and r.part == 0
    assert {r.unit for r in recs if isinstance(r, Quantity)} == {"户"}
    assert {r.text_unit for r in recs if isinstance(r, Money)} == {"万元"}


def test_serial_column_skipped_and_total_row_has_no_region() -> None:
    header = ["序号", "县区", "示范村分配名额(个)", "安置点分配名额(个)"]
    rows = [["1", "凉州区", "4", "6"], ["4", "天祝县", "3", "15"], ["合计", "", "13", "50"]]
    text, spans = _layout(header, rows)
    recs = records_from_table(Table(header=header, rows=rows), spans, text, CTX)
    assert [(r.value, r.unit, r.region) for r in recs] == [
        (4, "个", "凉州区"), (6, "个", "凉州区"), (3, "个", "天祝县"), (15, "个", "天祝县"),
        (13, "个", None), (50, "个", None),
    ]


def test_people_count_header_gives_persons() -> None:
    header = ["县(区)", "初一、初二年级接种女童目标人数"]
    rows = [["凉州区", "3433"], ["民勤县", "395"], ["合计", "5600"]]
    text, spans = _layout(header, rows)
    recs = records_from_table(Table(header=header, rows=rows), spans, text, CTX)
    assert [(r.value, r.unit, r.region) for r in recs] == [
        (3433, "人", "凉州区"), (395, "人", "民勤县"), (5600, "人", None)]


def test_wrapped_header_and_non_figure_cells() -> None:
    header = ["项目名称", "总投资\n(万元)", "年度投资金额(万元)", "备注"]
    rows = [["民勤县红崖山灌区", "1200", "800", "续建"], ["某工程", "待定", "", "新建"]]
    text, spans = _layout(header, rows)
    recs = records_from_table(Table(header=header, rows=rows), spans, text, CTX)
    assert [(r.amount_cny, r.text_unit, r.region) for r in recs] == [
        (12000000, "万元", None), (8000000, "万元", None)]
    assert all(isinstance(r, Money) for r in recs)


HEADERS = [
    ("2025年任务(户)", ("quantity", "户", None)),
    ("资金(万元)", ("money", "万元", None)),
    ("补助标准(万元)", ("money", "万元", None)),
    ("补助标准(元/人)", ("money", "元", "人")),
    ("数量(个)", ("quantity", "个", None)),
    ("目标人数", ("quantity", "人", None)),
    ("序号", None),
    ("县区", None),
    ("备注", None),
]


@pytest.mark.parametrize(("header", "expected"), HEADERS)
def test_read_header(header: str, expected: tuple | None) -> None:
    col = read_header(header)
    assert (None if col is None else (col.kind, col.unit, col.per)) == expected


def test_project_table_deadline_column_and_text_cells() -> None:
    # a project table: 完成时限 cells are deadlines, sentence cells give their percentages too
    header = ["序号", "项目名称", "主要内容", "计划投资\n(万元)", "完成时限", "牵头单位", "配合单位"]
    rows = [
        ["4", "农村生活污水治理提升", "完成3500户农户生活污水接管,农村生活污水治理率达到95%",
         "5200", "2026年10月", "区生态环境局", "区水务局、区农业农村局"],
        ["6", "困难群众医疗救助", "政策范围内住院费用救助比例不低于70%", "1300", "2026年12月底前",
         "区医保局", "区民政局"],
    ]
    text, spans = _layout(header, rows)
    ctx = Context(year=2026, programme_id="P04")
    recs = records_from_table(Table(header=header, rows=rows), spans, text, ctx)
    got = [(type(r).__name__, r.text) for r in recs]
    assert got == [
        ("Quantity", "3500户"), ("Percentage", "95%"), ("Money", "5200"), ("Deadline", "2026年10月"),
        ("Responsibility", "区生态环境局"), ("Responsibility", "区水务局"), ("Responsibility", "区农业农村局"),
        ("Percentage", "不低于70%"), ("Money", "1300"), ("Deadline", "2026年12月底前"),
        ("Responsibility", "区医保局"), ("Responsibility", "区民政局"),
    ]
    deadlines = [r for r in recs if isinstance(r, Deadline)]
    assert [d.date for d in deadlines] == ["2026-10", "2026-12"]
    assert [r.value for r in recs if isinstance(r, Percentage)] == [95, 70]
    assert [(r.role, r.unit) for r in recs if isinstance(r, Responsibility)][:3] == [
        ("lead", "区生态环境局"), ("support", "区水务局"), ("support", "区农业农村局")]
    for r in recs:
        assert text[r.span[0]:r.span[1]] == r.text


def test_period_cells_give_no_deadline() -> None:
    # 建设起止年限 is a period, not a target date; a range under 完成时限 is no single date either
    header = ["项目名称", "建设起止年限", "完成时限"]
    rows = [["城东学校", "2024.03-2024.11", "2024年3月—11月"]]
    text, spans = _layout(header, rows)
    assert records_from_table(Table(header=header, rows=rows), spans, text, CTX) == []


@pytest.mark.parametrize(("header", "expected"), [
    ("完成时限", True), ("完成 时间", True), ("时间节点", True),
    ("建设起止年限", False), ("计划投资(万元)", False), ("项目名称", False),
])
def test_deadline_header(header: str, expected: bool) -> None:
    assert is_deadline_header(header) is expected


@pytest.mark.parametrize(("note", "roles"), [
    # a note under the table: the first unit of each 责任单位 cell leads, the others stay responsible
    ("注:责任单位中列第一位者为牵头单位。", [("lead", "县住建局"), ("responsible", "县供热公司"), ("lead", "县交通运输局")]),
    ("注:项目按投资规模排序。", [("responsible", "县住建局"), ("responsible", "县供热公司"),
                                  ("responsible", "县交通运输局")]),
])
def test_note_under_table_makes_first_unit_lead(note: str, roles: list[tuple[str, str]]) -> None:
    header = ["序号", "民生实事项目", "投资估算(万元)", "责任单位", "完成时间"]
    rows = [["1", "城区老旧供热管网改造", "6800", "县住建局、县供热公司", "2026年10月15日"],
            ["2", "农村公路提档升级", "9350", "县交通运输局", "2026年10月底"]]
    text, spans = _layout(header, rows)
    text += "\n" + note + "\n"
    recs = records_from_table(Table(header=header, rows=rows), spans, text, Context(year=2026))
    assert [(r.role, r.unit) for r in recs if isinstance(r, Responsibility)] == roles
    assert [(r.amount_cny, r.per) for r in recs if isinstance(r, Money)] == [(68000000, None), (93500000, None)]
    assert [r.date for r in recs if isinstance(r, Deadline)] == ["2026-10-15", "2026-10"]


@pytest.mark.parametrize(
    ("label", "region"),
    [("鳌阳镇", "鳌阳镇"), ("竹管垅乡", "竹管垅乡"), ("城关街道", "城关街道"), ("凉州区", "凉州区"),
     ("合计", None), ("各乡镇", None), ("乡镇", None), ("特色小镇", None)],
)
def test_town_rows_are_regional_shares(label: str, region: str | None) -> None:
    from minshi_extract.rules.tables import row_region

    assert row_region([label, "12", "30"])[0] == region


@pytest.mark.parametrize(
    ("row", "region"),
    [
        (["凉州区", "清源镇", "300", "36"], "清源镇"),  # a county cell merged over its towns: the town's row
        (["", "清源镇", "300", "36"], "清源镇"),
        (["1", "凉州区", "改造户厕", "300"], "凉州区"),
        (["合计", "", "900", "108"], None),
    ],
)
def test_a_row_of_a_county_and_its_town_is_the_towns(row: list[str], region: str | None) -> None:
    from minshi_extract.rules.tables import row_region

    assert row_region(row)[0] == region


@pytest.mark.parametrize(
    ("label", "region"),
    [("镇宁自治县", "镇宁自治县"), ("曲靖经开区", "曲靖经开区"), ("黄果树旅游区", "黄果树旅游区"),
     ("开发区", None), ("示范区", None), ("管委会", None)],
)
def test_zone_and_short_county_rows(label: str, region: str | None) -> None:
    from minshi_extract.rules.tables import row_region

    assert row_region([label, "12", "30"])[0] == region


def test_header_in_ten_thousands_scales_the_cell() -> None:
    col = read_header("受益人口(万人)")
    assert (col.kind, col.unit, col.scale) == ("quantity", "人", 10000)
    assert read_header("改造户数(万户)").scale == 10000
    assert read_header("资金(万元)").kind == "money"  # 万元 stays money, not a scaled 元 count


def test_rows_of_a_source_column_name_their_payer() -> None:
    """`资金来源 | 金额(万元)`: each row's payer pays its money, the rest of its name is the item."""
    from minshi_extract import extract_text

    n = extract_text("某县2026年公厕改造实施方案\n一、资金安排\n资金来源|金额(万元)\n省级财政补助|600\n"
                     "市级财政资金|1350\n地方政府专项债券|2000\n合计|3950\n")
    money = {r.amount_cny: (r.source, r.item) for r in n.all_records() if r.type == "money"}
    assert money[6_000_000.0] == ("省级财政", "补助")
    assert money[13_500_000.0] == ("市级财政", "资金")
    assert money[20_000_000.0] == ("地方政府", "专项债券")


def test_reader_grid_in_the_body_under_no_known_header_is_a_table() -> None:
    """A .docx plan's small funding table, one cell per line in the text, found by the reader's grid."""
    from minshi_extract.normalize import normalize
    from minshi_extract.structure import build_skeleton

    text = normalize("某县2026年公厕改造实施方案\n一、资金安排\n项目总投资3950万元,资金来源如下:\n资金来源\n金额(万元)\n"
                     "省级财政补助\n600\n市级财政资金\n3350\n合计\n3950\n二、实施步骤\n3月底前完成选址。\n")[0]
    grid = [["资金来源", "金额(万元)"], ["省级财政补助", "600"], ["市级财政资金", "3350"], ["合计", "3950"]]
    n = build_skeleton(text, None, [grid])
    tables = [t for a in n.attachments for t in a.tables]
    assert [t.header for t in tables] == [["资金来源", "金额(万元)"]]
    assert tables[0].rows[0] == ["省级财政补助", "600"]


def test_county_cell_merged_down_and_sentences_in_its_rows_count_for_it() -> None:
    """A county cell merged over two rows (the second empty): both rows are that county's, the figures
    of a sentence cell included; a cell of units one per line is one list (its first unit leads)."""
    from minshi_extract import extract_text

    n = extract_text("某市2022年养老服务设施建设实施方案\n一、目标任务\n新建社区养老服务中心3个。\n注:责任单位中列第一位者为牵头单位。\n"
                     "县(市、区)|项目名称|建设规模|总投资(万元)|责任单位\n东城区|东街中心|床位60张|480|区民政局\n"
                     "|西街中心|床位40张|360|区民政局\n西城区|南街中心|床位50张|420|区民政局\n")
    beds = sorted((r.value, r.region) for r in n.all_records() if r.type == "quantity" and r.unit == "张")
    assert beds == [(40.0, "东城区"), (50.0, "西城区"), (60.0, "东城区")]
    money = sorted((r.amount_cny, r.region) for r in n.all_records() if r.type == "money")
    assert money == [(3_600_000.0, "东城区"), (4_200_000.0, "西城区"), (4_800_000.0, "东城区")]


def test_units_of_a_cell_one_per_line_are_one_list() -> None:
    from minshi_extract.rules.context import Context
    from minshi_extract.rules.table_cells import role_units

    ctx = Context(year=2025, programme_id="P01", first_is_lead=True)
    found = role_units("市教育局\n市发展改革委", 0, ctx, "responsible")
    assert [(r.role, r.unit) for r in found] == [("lead", "市教育局"), ("responsible", "市发展改革委")]


def test_a_name_under_a_county_header_is_a_region_and_a_subtotal_row_is_none() -> None:
    from minshi_extract import extract_text

    n = extract_text("某市2024年农村户厕改造实施方案\n一、目标任务\n改造农村户厕500户。\n"
                     "区县(市)|改厕任务(户)\n东湖旅游度假区|300\n市区小计|300\n西城区|200\n合计|500\n")
    qty = {(r.value, r.region) for r in n.all_records() if r.type == "quantity" and r.unit == "户"}
    assert {(300.0, "东湖旅游度假区"), (200.0, "西城区")} <= qty
    assert not any(region and region.endswith("小计") for _, region in qty)


def test_subtotals_written_before_their_rows_head_them() -> None:
    """合计 first, then each group's 小计 over its rows (the sums tell the direction): each county
    is part of its group's 小计, each 小计 part of the 合计; `市区小计` is a total label."""
    from minshi_extract import extract_text

    n = extract_text("某市2024年老旧小区改造实施方案\n一、目标任务\n改造老旧小区。\n"
                     "县区|小区数(个)\n合计|30\n市区小计|18\n东区|10\n西区|8\n县小计|12\n甲县|5\n乙县|7\n")
    recs = {r.text: r for r in n.all_records() if r.type == "quantity"}
    by_id = {r.id: r.text for r in n.all_records()}
    assert {t: by_id.get(recs[t].part_of) for t in ("10", "8", "5", "7", "18", "12")} == {
        "10": "18", "8": "18", "5": "12", "7": "12", "18": "30", "12": "30"}


def test_money_in_a_cell_of_words_is_named_and_its_payer_shares_in_the_next_cell_link() -> None:
    """`总投资1.2亿元` in one cell (named 总投资: a cell of words, not a figure cell), the payer shares in
    the next cell add up to it exactly: they split it; a 项目类别 column groups rows, it names none."""
    from minshi_extract import extract_text

    n = extract_text("某市2022年民生实事项目清单\n序号|项目类别|项目名称|投资规模|资金来源\n"
                     "1|教育|义务教育学校建设|总投资1.2亿元|争取中央资金3000万元、省级资金2000万元,市县配套7000万元\n"
                     "2|交通|农村公路建设|总投资5000万元|省级补助3000万元,县级配套2000万元\n")
    money = [r for r in n.programmes[0].records if r.type == "money"]
    total = next(r for r in money if r.text.endswith("1.2亿元"))
    assert total.item == "总投资"
    assert [(r.amount_cny, r.part_of == total.id) for r in money if r is not total] == [
        (30_000_000.0, True), (20_000_000.0, True), (70_000_000.0, True)]
    assert [p.title for p in n.programmes] == ["义务教育学校建设", "农村公路建设"]


def test_a_cell_under_a_header_naming_nothing_takes_the_header_spanning_it() -> None:
    """`计划投资(万元)` spans `小计 | 省级 | 县级`: a row's cells read `<name> 计划投资` (GUIDELINES rule 8:
    the cell is named by both headers); a spanning `资金来源` names nothing."""
    from minshi_extract.normalize import normalize
    from minshi_extract.rules.context import Context
    from minshi_extract.structure import build_skeleton, table_cell_spans

    cells = ["序号", "项目名称", "计划投资(万元)", "小计", "省级", "县级", "1", "城镇老旧小区改造", "5400", "2100", "3300"]
    text = normalize("附件\n某县2024年民生实事项目表\n" + "\n".join(cells) + "\n")[0]
    grid = [["序号", "项目名称", "计划投资(万元)", "", ""], ["", "", "小计", "省级", "县级"],
            ["1", "城镇老旧小区改造", "5400", "2100", "3300"]]
    n = build_skeleton(text, None, [grid])
    table = n.attachments[0].tables[0]
    from minshi_extract.rules.tables import records_from_table

    recs = records_from_table(table, table_cell_spans(table), text, Context(year=2024, programme_id="P01"))
    assert {r.text: r.item for r in recs if r.type == "money"} == {
        "5400": "城镇老旧小区改造 计划投资", "2100": "城镇老旧小区改造 计划投资", "3300": "城镇老旧小区改造 计划投资"}


def test_a_subtotal_closing_a_labelled_group_sums_its_rows() -> None:
    """`一、东部川区` (a label, no figures), its counties, `小计`; then the next group; `合计` last: each county
    is part of its group's 小计, each 小计 of the 合计, and the three stated sums check out."""
    from minshi_extract import extract_text
    from minshi_extract.tables.sums import check_table

    n = extract_text("某市2023年农村供水实施方案\n一、目标任务\n建设供水工程。\n序号|县(市、区)|工程数量(处)\n|一、东部川区|\n"
                     "1|崆峒区|8\n2|泾川县|7\n|小计|15\n|二、西部山区|\n3|灵台县|6\n4|庄浪县|8\n|小计|14\n|合计|29\n")
    recs = n.all_records()
    by_id = {r.id: r for r in recs}
    links = {(r.text, r.region): by_id[r.part_of].text for r in recs if r.type == "quantity" and r.part_of}
    assert links == {("8", "崆峒区"): "15", ("7", "泾川县"): "15", ("6", "灵台县"): "14", ("8", "庄浪县"): "14",
                     ("15", None): "29", ("14", None): "29"}
    table = n.attachments[0].tables[0]
    assert check_table(table) == (3, 3)  # the two 小计 and the 合计
