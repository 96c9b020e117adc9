"""Memory and start-up (issue 14): what keeps a record, a section and a line small, the text path
that needs no map back to the raw offsets."""

from __future__ import annotations

import sys

from minshi_extract.models import Money, Quantity, Section
from minshi_extract.normalize import normalize
from minshi_extract.structure.lines import split_lines


def test_normalize_without_the_map_gives_the_same_text() -> None:
    raw = "  一、目标任务\r\n新建１２所学校，投资4.68億元。\u200b\n"
    text, offsets = normalize(raw)
    assert text == "一、目标任务\n新建12所学校,投资4.68亿元。\n"
    assert len(offsets) == len(text)
    assert normalize(raw, keep_offsets=False) == (text, offsets[:0])


def test_records_of_a_type_share_one_set_of_field_names() -> None:
    a = Money(text="5万元", span=(0, 3), amount_cny=50000, text_unit="万元")
    b = Money(text="6元", span=(4, 6), amount_cny=6, text_unit="元", item="补助")
    q = Quantity(text="3个", span=(0, 2), value=3, unit="个")
    assert a.model_fields_set is b.model_fields_set
    assert a.model_fields_set == set(Money.model_fields)
    assert q.model_fields_set == set(Quantity.model_fields)
    a.id = "N-001"  # setting a field after construction leaves the shared set as it was
    assert b.model_fields_set == set(Money.model_fields) and b.id is None
    assert a.model_dump(exclude_unset=True) == a.model_dump()


def test_sections_share_it_too_and_stay_independent() -> None:
    s = Section(marker="一、", level=1, title="目标任务", span=(0, 6))
    t = Section(marker="(一)", level=2, title="学位", span=(7, 12))
    s.children.append(t)
    assert s.model_fields_set is Section(marker="二、", level=1, title="x", span=(0, 1)).model_fields_set
    assert t.children == [] and s.children == [t]


def test_a_line_has_no_instance_dict() -> None:
    line = split_lines("一、目标任务\n")[0]
    assert (line.no, line.start, line.end, line.text) == (0, 0, 6, "一、目标任务")
    assert not hasattr(line, "__dict__")


def test_dropped_controls_are_every_format_and_control_character() -> None:
    import unicodedata

    from minshi_extract.normalize import _BREAKS, _DROP, _controls

    want = {c for c in [*range(0x10000), *range(0xE0000, 0xE0080)]
            if (unicodedata.category(chr(c)) in ("Cf", "Cc") or chr(c) in _DROP)
            and chr(c) not in "\t\n" and chr(c) not in _BREAKS}
    table = _controls()
    assert {c for c, v in table.items() if v == "\x00"} == want
    assert {0x200B, 0xFEFF, 0x00AD, 0x202E, 0x0007, 0xE0001} <= want


def test_a_record_without_a_total_stores_none_and_reads_none() -> None:
    share = Money(text="1000万元", span=(10, 16), amount_cny=10_000_000, text_unit="万元")
    total = Money(text="1850万元", span=(0, 6), amount_cny=18_500_000, text_unit="万元")
    assert share._total is None and share.__pydantic_private__ is None  # no dict until one is set
    share._total = total
    assert share._total is total and share.model_copy()._total is total
    assert total._total is None


def test_a_record_keeps_its_fields_in_a_dict_sharing_its_keys() -> None:
    a = Quantity(text="3个", span=(0, 2), value=3, unit="个")
    b = Quantity(text="5人", span=(3, 5), value=5, unit="人", region="凉州区")
    # CPython's key-sharing dict holds only the values: smaller than a dict of the same items
    assert sys.getsizeof(a.__dict__) < sys.getsizeof(dict(a.__dict__))
    assert list(a.__dict__) == list(Quantity.model_fields)
    a.unit = "所"  # setting a field changes that object only
    assert (a.unit, b.unit, b.region, a.region) == ("所", "人", "凉州区", None)
    c = b.model_copy()
    c.value = 6
    assert (b.value, c.value) == (5, 6) and c.region == "凉州区"
    assert b == Quantity(text="5人", span=(3, 5), value=5, unit="人", region="凉州区")
    assert b.model_dump()["unit"] == "人"


def test_extract_drops_the_text_only_of_a_rawdoc_it_read_itself() -> None:
    from minshi_extract.ingest import RawDoc
    from minshi_extract.pipeline import extract, extract_raw

    text = "一、目标任务\n新建12所学校。\n"
    given = RawDoc(text=text, format="text")
    n = extract(given)
    assert given.text == text  # the caller's RawDoc is left as it was
    own = RawDoc(text=text, format="text")
    m = extract_raw(own, release_text=True)
    assert own.text == "" and m.text == n.text
    assert [r.model_dump() for r in m.all_records()] == [r.model_dump() for r in n.all_records()]
    assert [(r.type, r.value) for r in n.all_records()] == [("quantity", 12)]


def test_main_with_argv_freezes_nothing_the_command_line_freezes_its_start_up(tmp_path) -> None:
    import gc
    import subprocess
    from pathlib import Path

    from minshi_extract.cli import main

    src = tmp_path / "n.txt"
    src.write_text("一、目标任务\n新建12所学校。\n", encoding="utf-8")
    before = gc.get_freeze_count()
    assert main(["extract", str(src), "-o", str(tmp_path / "a.json")]) == 0
    assert gc.get_freeze_count() == before and gc.isenabled()
    code = ("import gc, sys; from minshi_extract.cli import main; sys.argv = ['minshi-extract', 'extract', "
            f"{str(src)!r}, '-o', {str(tmp_path / 'b.json')!r}]; code = main(); "
            "print(code, gc.get_freeze_count() > 1000, gc.isenabled())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[1])
    assert out.stdout.split() == ["0", "True", "True"]
    assert (tmp_path / "a.json").read_text(encoding="utf-8") == (tmp_path / "b.json").read_text(encoding="utf-8")


def test_setting_fields_goes_to_the_object_and_unknown_names_still_fail() -> None:
    import pytest

    a = Money(text="5万元", span=(0, 3), amount_cny=50000, text_unit="万元")
    b = Money(text="5万元", span=(0, 3), amount_cny=50000, text_unit="万元")
    a.programme_id, a.section = "P02", "一、目标任务"
    assert (a.programme_id, a.section, b.programme_id) == ("P02", "一、目标任务", None)
    assert a.model_dump()["programme_id"] == "P02" and a != b
    with pytest.raises(ValueError, match="no field"):
        a.amount = 1  # type: ignore[attr-defined]
    s = Section(marker="一、", level=1, title="目标任务", span=(0, 6))
    s.kind = "targets"
    assert s.model_dump()["kind"] == "targets"
    with pytest.raises(ValueError, match="no field"):
        s.name = "x"  # type: ignore[attr-defined]
    b._total = a  # the total lives in the private dict: equal records with different totals differ
    c = Money(text="5万元", span=(0, 3), amount_cny=50000, text_unit="万元")
    assert b._total is a and b != c and "_total" not in b.model_dump()


def test_a_trusted_object_is_the_one_validation_builds() -> None:
    import pytest

    from minshi_extract.models import Category, CategoryEvidence, Programme, Table

    s = Section.trusted(marker="一、", level=1, title="目标任务", kind="targets", span=(0, 6))
    v = Section(marker="一、", level=1, title="目标任务", kind="targets", span=(0, 6))
    assert s == v and list(s.__dict__) == list(v.__dict__) and s.model_dump() == v.model_dump()
    assert s.model_fields_set is v.model_fields_set
    assert (s.__pydantic_private__, s.__pydantic_extra__) == (None, None)
    t = Section.trusted(marker="二、", level=1, title="资金", span=(7, 9))
    assert t.kind == "other" and t.children == [] and t.children is not s.children  # a default, a fresh list
    p = Programme.trusted(id="P01", title="x", span=(0, 9), sections=[s])
    assert p == Programme(id="P01", title="x", span=(0, 9), sections=[v]) and p.category is None
    e = CategoryEvidence.trusted(category="health", word="医院", where="title")
    assert e.count == 1 and Category.trusted(primary="health", name="医疗卫生", evidence=[e]).secondary == []
    with pytest.raises(TypeError, match="span"):
        Section.trusted(marker="一、", level=1, title="目标任务")
    with pytest.raises(TypeError, match="private"):
        Table.trusted(header=[], rows=[])


def test_an_extraction_gives_the_heap_back_to_the_collector() -> None:
    """The heap around an extraction is set aside from the cyclic collector only while it runs."""
    import gc

    from minshi_extract import extract_text

    assert gc.get_freeze_count() == 0
    extract_text("关于印发2025年为民实事实施方案的通知\n一、目标\n新增学位100个。\n")
    assert gc.isenabled() and gc.get_freeze_count() == 0
    gc.disable()
    try:
        extract_text("关于印发2025年为民实事实施方案的通知\n一、目标\n新增学位100个。\n")
        assert not gc.isenabled() and gc.get_freeze_count() == 0  # a caller's choice is kept
    finally:
        gc.enable()
