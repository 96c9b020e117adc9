"""The library: extract() from a path, bytes, a file object or the text itself; extract_text exported;
py.typed shipped; the extractor's version in every output; DataFrame helpers."""

import io
from pathlib import Path

import pytest

import minshi_extract
from minshi_extract import extract, extract_text
from minshi_extract.errors import InputError

NOTICE = (
    "某县人民政府办公室关于印发2024年民生实事实施方案的通知\n"
    "各乡镇人民政府:\n现将方案印发给你们。\n"
    "城区停车泊位建设实施方案\n一、目标任务\n新建停车泊位5200个,总投资1200万元。\n"
    "二、责任主体\n牵头单位:县住建局\n"
)


def _figures(notice) -> list[tuple[str, str]]:
    return [(r.type, r.text) for r in notice.all_records()]


EXPECTED = [("quantity", "5200个"), ("money", "1200万元"), ("responsibility", "县住建局")]


def test_every_kind_of_source_gives_the_same_records(tmp_path: Path) -> None:
    f = tmp_path / "n.txt"
    f.write_text(NOTICE, encoding="utf-8")
    data = NOTICE.encode("utf-8")
    for source in (f, str(f), data, io.BytesIO(data), NOTICE):
        assert _figures(extract(source)) == EXPECTED
    with f.open("rb") as fh:
        notice = extract(fh)
    assert _figures(notice) == EXPECTED and notice.source.path == str(f)
    assert _figures(extract_text(NOTICE)) == EXPECTED


def test_a_long_line_that_is_no_file_is_a_clear_error() -> None:
    line = "城区停车泊位建设实施方案新建停车泊位5200个" * 30  # no newline: a path, too long for one
    with pytest.raises(InputError, match="extract_text"):
        extract(line)


def test_version_and_schema_version_in_every_output(tmp_path: Path) -> None:
    notice = extract_text(NOTICE)
    assert notice.source.extractor == f"minshi-extract {minshi_extract.__version__}"
    assert notice.schema_version == "2"
    from minshi_extract.dataset.tables import notice_tables

    row = notice_tables(notice)["notices"][0]
    assert row["extractor"] == notice.source.extractor and row["schema_version"] == "2"


def test_package_is_typed() -> None:
    assert (Path(minshi_extract.__file__).parent / "py.typed").is_file()
    assert "extract_text" in minshi_extract.__all__


def test_frames() -> None:
    pytest.importorskip("pandas")
    notice = extract_text(NOTICE)
    rec = notice.records_frame()
    assert list(rec["text"]) == ["5200个", "1200万元", "县住建局"]
    assert rec.loc[rec["type"] == "money", "amount_cny"].tolist() == [12000000]
    prog = notice.programmes_frame()
    assert prog["programme"].tolist() == ["城区停车泊位建设实施方案"]
    assert prog["money_total_cny"].tolist() == [12000000.0]
    assert prog["lead_units"].tolist() == [["县住建局"]]
    assert prog["category"].tolist() == ["transport"]  # 停车 in the title: lexicon/categories.yaml
