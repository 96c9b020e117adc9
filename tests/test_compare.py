"""compare: programme pairing and reported changes against the gold pairings of corpus/series/."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from minshi_extract.cli import main
from minshi_extract.compare import (
    Comparison,
    compare_notices,
    figure_rows,
    issuer_key,
    load_notice,
    programme_links,
    similarity,
    title_key,
)
from minshi_extract.compare_view import compare_html, format_table, row_text
from minshi_extract.errors import MinshiError
from minshi_extract.models import Deadline, Money, Programme, Quantity, Responsibility
from minshi_extract.pipeline import extract_text

ROOT = Path(__file__).resolve().parents[1]
GOLD = sorted((ROOT / "gold" / "series").glob("*.pairing.json"))


@cache
def _compared(name: str) -> tuple[dict, Comparison]:
    gold = json.loads((ROOT / "gold" / "series" / name).read_text(encoding="utf-8"))
    old = load_notice(ROOT / "corpus" / gold["old"])
    new = load_notice(ROOT / "corpus" / gold["new"])
    return gold, compare_notices(old, new)


def _flat(s: str) -> str:
    return "".join(s.split())


def _change_key(kind: str, unit: str | None, old: object, new: object) -> tuple:
    def num(v: object) -> object:
        return round(float(v), 4) if isinstance(v, int | float) else tuple(v) if isinstance(v, list) else v

    return (kind, unit if kind in ("target", "money") else None, num(old), num(new))


def test_three_series_with_gold() -> None:
    assert len(GOLD) >= 3


def test_pairing_f1_on_the_series() -> None:
    tp = fp = fn = 0
    for g in GOLD:
        gold, cmp = _compared(g.name)
        want = {(_flat(p["old"]), _flat(p["new"])) for p in gold["pairs"]}
        got = {(_flat(p.old_title), _flat(p.new_title)) for p in cmp.pairs}
        tp += len(want & got)
        fp += len(got - want)
        fn += len(want - got)
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 >= 0.95, (tp, fp, fn)


@pytest.mark.parametrize("name", [g.name for g in GOLD])
def test_new_and_dropped_programmes(name: str) -> None:
    gold, cmp = _compared(name)
    assert sorted(_flat(u.title) for u in cmp.new_programmes) == sorted(map(_flat, gold["new_programmes"]))
    assert sorted(_flat(u.title) for u in cmp.dropped) == sorted(map(_flat, gold["dropped"]))


@pytest.mark.parametrize("name", [g.name for g in GOLD])
def test_every_reported_change_is_the_gold_one(name: str) -> None:
    gold, cmp = _compared(name)
    by_titles = {(_flat(p.old_title), _flat(p.new_title)): p for p in cmp.pairs}
    for gp in gold["pairs"]:
        pair = by_titles[(_flat(gp["old"]), _flat(gp["new"]))]
        want = sorted((_change_key(c["kind"], c.get("unit"), c["old"], c["new"]) for c in gp["changes"]), key=repr)
        got = sorted((_change_key(r.kind, r.unit, r.old, r.new) for r in pair.changes), key=repr)
        assert got == want, gp["old"]


# --- small exact examples ------------------------------------------------------------------------


def _prog(pid: str, title: str, records: list) -> Programme:
    return Programme(id=pid, title=title, span=(0, 1), records=records)


def test_row_text_shows_both_sides_and_the_change() -> None:
    old = _prog("P01", "增学位", [Quantity(text="1080个", span=(0, 5), value=1080, unit="个", item="学位")])
    new = _prog("P01", "增学位", [Quantity(text="1500个", span=(0, 5), value=1500, unit="个", item="学位")])
    (row,) = figure_rows(old, new)
    assert row_text(row) == "学位 1080个 -> 1500个 (+39%)"
    assert row.status == "changed"


def test_deadline_moving_with_the_year_is_unchanged_and_an_earlier_one_is_reported() -> None:
    old = _prog("P01", "x", [Deadline(text="10月底前", span=(0, 5), date="2024-10", what="完工"),
                             Deadline(text="8月31日前", span=(6, 9), date="2024-08-31", what="投用")])
    new = _prog("P01", "x", [Deadline(text="9月底前", span=(0, 4), date="2025-09", what="完工"),
                             Deadline(text="8月31日前", span=(6, 9), date="2025-08-31", what="投用")])
    rows = {r.label: r for r in figure_rows(old, new, years=1)}
    assert rows["完工"].status == "changed" and rows["完工"].change == "-1 months"
    assert rows["投用"].status == "same"


def test_repeated_items_pair_in_order_and_an_extra_one_is_added() -> None:
    def q(v: int, at: int) -> Quantity:
        return Quantity(text=f"{v}个", span=(at, at + 3), value=v, unit="个", item="学位")

    old = _prog("P01", "x", [q(2700, 0), q(1800, 10), q(900, 20)])
    new = _prog("P01", "x", [q(3600, 0), q(1800, 10), q(1350, 20), q(450, 30)])
    got = [(r.old, r.new, r.status) for r in figure_rows(old, new)]
    assert got == [(2700, 3600, "changed"), (1800, 1800, "same"), (900, 1350, "changed"), (None, 450, "added")]


def test_money_rates_pair_only_with_the_same_rate() -> None:
    old = _prog("P01", "x", [Money(text="每人次70元", span=(0, 5), amount_cny=70, text_unit="元", per="人次"),
                             Money(text="1.5亿元", span=(6, 9), amount_cny=1.5e8, text_unit="亿元")])
    new = _prog("P01", "x", [Money(text="1.8亿元", span=(0, 3), amount_cny=1.8e8, text_unit="亿元"),
                             Money(text="每人次80元", span=(6, 9), amount_cny=80, text_unit="元", per="人次")])
    got = {(r.unit, r.old, r.new) for r in figure_rows(old, new)}
    assert got == {("元/人次", 70, 80), ("元", 1.5e8, 1.8e8)}


def test_lead_unit_change() -> None:
    old = _prog("P01", "x", [Responsibility(text="市教体局", span=(0, 4), role="lead", unit="市教体局"),
                             Responsibility(text="市财政局", span=(5, 9), role="support", unit="市财政局")])
    new = _prog("P01", "x", [Responsibility(text="市教育局", span=(0, 4), role="lead", unit="市教育局")])
    (row,) = figure_rows(old, new)
    assert (row.kind, row.old, row.new, row.status) == ("lead", ["市教体局"], ["市教育局"], "changed")


def test_title_key_drops_numbers_and_filler() -> None:
    assert title_key("新建城市书房8个实施方案") == title_key("新建城市书房10个实施方案")
    assert similarity(title_key("新增城镇就业8000人"), title_key("城镇新增就业9000人以上")) > 0.6
    assert similarity("", "书房") == 0.0


def test_issuer_key_joins_the_office_and_the_government() -> None:
    a = extract_text("安丘市人民政府关于印发2024年为民办实事项目的通知\n\n安政发〔2024〕3号\n\n正文。\n")
    a.meta.issuer = "安丘市人民政府办公室"
    b = a.model_copy(deep=True)
    b.meta.issuer = "安丘市人民政府"
    assert issuer_key(a) == issuer_key(b) == "安丘市"


# --- the views, JSON input, the dataset table, the CLI -------------------------------------------


def test_table_and_html_list_new_and_dropped() -> None:
    _, cmp = _compared("jiande.pairing.json")
    table = format_table(cmp)
    assert "城市书房 8个 -> 10个 (+25%)" in table
    assert "+ P04 新增城市公共充电桩500个实施方案" in table
    assert "- P04 农村饮用水达标提标实施方案" in table
    html = compare_html(cmp)
    assert html.startswith("<section") and "农村饮用水达标提标实施方案" in html


def test_compare_reads_extract_json(tmp_path: Path) -> None:
    old_json = tmp_path / "old.json"
    assert main(["extract", str(ROOT / "corpus/series/jiande_2025.txt"), "-o", str(old_json)]) == 0
    data = json.loads(old_json.read_text(encoding="utf-8"))
    for p in data["programmes"]:
        p.pop("category")  # JSON written before categories existed: filled in on reading
    old_json.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    notice = load_notice(old_json)
    assert notice.programmes[0].category is not None
    _, cmp = _compared("jiande.pairing.json")
    new = load_notice(ROOT / "corpus/series/jiande_2026.txt")
    assert compare_notices(notice, new).model_dump() == cmp.model_dump()


def test_bad_json_is_a_minshi_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"x": 1}', encoding="utf-8")
    with pytest.raises(MinshiError, match="not a notice JSON"):
        load_notice(bad)


def test_cli_compare_json_and_html(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    html = tmp_path / "v.html"
    rc = main(["compare", str(ROOT / "corpus/series/dengzhou_2025.txt"),
               str(ROOT / "corpus/series/dengzhou_2026.txt"), "--json", "--html", str(html)])
    assert rc == 0
    out = json.loads(capsys.readouterr().out)
    assert [u["title"] for u in out["dropped"]] == ["新建城市口袋公园15个", "发放困难群众冬季取暖补贴"]
    assert "minshi-compare" in html.read_text(encoding="utf-8")


def test_cli_compare_missing_file_exits_2(tmp_path: Path) -> None:
    assert main(["compare", str(tmp_path / "none.json"), str(tmp_path / "none.txt")]) == 2


def test_programme_links_over_a_dataset() -> None:
    names = ["anqiu_2024", "anqiu_2025", "dengzhou_2025", "dengzhou_2026"]
    rows = programme_links([load_notice(ROOT / f"corpus/series/{n}.txt") for n in names])
    by_status: dict[str, int] = {}
    for r in rows:
        by_status[r["status"]] = by_status.get(r["status"], 0) + 1  # type: ignore[index]
    assert by_status == {"paired": 11, "dropped": 4, "new": 4}
    assert {r["issuer"] for r in rows} == {"安丘市", "邓州市"}


def test_a_notice_compared_with_itself_has_no_change() -> None:
    notice = load_notice(ROOT / "corpus/series/dengzhou_2025.txt")
    cmp = compare_notices(notice, notice)
    assert len(cmp.pairs) == len(notice.programmes) == 7
    assert all(p.old_id == p.new_id and not p.changes for p in cmp.pairs)
    assert cmp.new_programmes == cmp.dropped == []


def test_notices_without_programmes() -> None:
    empty = extract_text("某市人民政府关于做好有关工作的通知\n\n正文。\n")
    other = load_notice(ROOT / "corpus/series/jiande_2026.txt")
    cmp = compare_notices(empty, other)
    assert cmp.pairs == [] and len(cmp.new_programmes) == 4
    assert "new programmes (4)" in format_table(cmp)


def test_reworded_programme_pairs_on_its_category_words_and_items() -> None:
    # quzhou 2024 新增普惠性托育托位2000个 and 2026 婴幼儿照护服务扩容实施方案 are both about 托位
    old = load_notice(ROOT / "corpus/variants/quzhou_2024.txt")
    new = load_notice(ROOT / "corpus/variants/quzhou_2026.txt")
    pairs = {(p.old_title, p.new_title) for p in compare_notices(old, new).pairs}
    assert ("新增普惠性托育托位2000个", "婴幼儿照护服务扩容实施方案") in pairs
