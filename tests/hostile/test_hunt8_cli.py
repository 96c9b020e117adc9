"""Session 8's hostile hunt, the command line's own inputs: file names that are not UTF-8 or hold a
line break, and text an XLSX cannot hold as it is (each was exit 3, or the name read as the text)."""

from __future__ import annotations

import io
import json
import os

import pytest
from hostile_fixtures import FOUNDING
from hostile_fixtures8 import many_programmes

from minshi_extract.cli import main
from minshi_extract.dataset.writers import xlsx_bytes
from minshi_extract.ingest import shown

openpyxl = pytest.importorskip("openpyxl")
_BAD = b"\xff\xfe name\nline.txt"  # not UTF-8, and a line break: both legal in a POSIX file name


def test_a_file_name_with_a_line_break_is_read_as_a_file_not_as_the_text(tmp_path) -> None:
    # the name went to extract() as a str, and a str with a line break is taken for the notice's text:
    # the records were read from the file's NAME (exit 0); and its bytes then failed the JSON (exit 3)
    src = tmp_path / os.fsdecode(_BAD)
    src.write_bytes(FOUNDING.read_bytes())
    out = tmp_path / "out.json"
    assert main(["extract", str(src), "-o", str(out)]) == 0
    notice = json.loads(out.read_text(encoding="utf-8"))
    assert notice["source"]["path"].endswith("\ufffd\ufffd name\nline.txt")
    assert notice["text"].startswith(FOUNDING.read_text(encoding="utf-8")[:20])
    assert len(notice["programmes"]) == 17  # the founding notice's 17 programmes


def test_a_name_is_shown_with_its_undecodable_bytes_as_replacement_characters() -> None:
    assert shown(os.fsdecode(b"a\xffb.txt")) == "a\ufffdb.txt"
    assert shown("通知.txt") == "通知.txt"


@pytest.mark.parametrize("fmt", ["parquet", "csv", "xlsx"])
def test_batch_over_names_that_are_not_utf8_writes_its_dataset(tmp_path, fmt: str) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "ok.txt").write_bytes(FOUNDING.read_bytes())
    (src / os.fsdecode(b"bad\xffname.txt")).write_bytes(b"\x00junk")
    out = tmp_path / "out"
    assert main(["batch", str(src), "-o", str(out), "--format", fmt, "-q"]) == 1  # one file failed
    if fmt == "csv":
        errors = (out / "errors.csv").read_text(encoding="utf-8-sig")
        assert "bad\ufffdname.txt" in errors
        assert "ok.txt" in (out / "notices.csv").read_text(encoding="utf-8-sig")
    else:
        assert any(out.iterdir())


def test_xlsx_holds_text_xml_cannot_and_text_that_looks_like_a_formula() -> None:
    # U+FFFE in a notice's text made lxml refuse the whole workbook (exit 3); a cell starting with
    # `=` was written as a formula Excel would run
    data = xlsx_bytes({"records": [{"text": "新建\ufffe学校12所", "item": "=HYPERLINK(\"x\")"}]})
    ws = openpyxl.load_workbook(io.BytesIO(data))["records"]
    header = [c.value for c in ws[1]]
    row = ws[2]
    assert row[header.index("text")].value == "新建\ufffd学校12所"
    cell = row[header.index("item")]
    assert cell.value == "=HYPERLINK(\"x\")" and cell.data_type == "s"


def test_extract_to_xlsx_of_a_text_with_noncharacters(tmp_path) -> None:
    src = tmp_path / "n.txt"
    src.write_text("关于印发为民实事实施方案的通知\n一、城乡学校建设工程\n新建学校\uffff12所，投资3000万元。\n",
                   encoding="utf-8")
    assert main(["extract", str(src), "-o", str(tmp_path / "o.xlsx")]) == 0


@pytest.mark.parametrize("name", ["../../../../etc/passwd", "/etc/passwd", ".", "", "C:/x.txt", 5])
def test_a_gold_file_names_a_notice_inside_the_corpus_only(tmp_path, name, capsys) -> None:
    # `../../../../etc/passwd` was read and its text searched for the gold records
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "n.json").write_text(json.dumps({"corpus_file": name, "programmes": []}), encoding="utf-8")
    assert main(["eval", "--gold", str(gold), "--corpus", str(tmp_path)]) == 2
    assert "`corpus_file` must name a file inside the corpus folder" in capsys.readouterr().err


def test_compare_of_notices_with_too_many_programmes_is_refused(tmp_path, monkeypatch, capsys) -> None:
    # every pair of programmes is scored (2,000 on each side ran past a minute)
    import minshi_extract.compare as compare

    old, new = tmp_path / "a.txt", tmp_path / "b.txt"
    old.write_bytes(many_programmes(20))
    new.write_bytes(many_programmes(20, shift=7))
    assert main(["compare", str(old), str(new), "--json"]) == 0
    capsys.readouterr()
    monkeypatch.setattr(compare, "MAX_COMPARE", 100)
    assert main(["compare", str(old), str(new)]) == 2
    assert "compare: comparisons of programmes and their items: 800 is over the limit of 100" in capsys.readouterr().err
