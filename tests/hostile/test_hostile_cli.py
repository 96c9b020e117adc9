"""Every hostile fixture through the CLI: exit 0 or 2 with one line, never exit 3 (an internal
error). Sizes here are the smallest that show each class; benchmarks/bench_hostile.py runs the
issue's full sizes (50 MB of text, 100,000 headings, 110,000 glyphs ...) and measures them."""

from __future__ import annotations

import json
from pathlib import Path

import hostile_fixtures as hf
import pytest

from minshi_extract.cli import main

CASES = {
    "lf_text_2mb.txt": lambda: hf.lf_text(2),
    "headings_20k.txt": lambda: hf.headings(20_000),
    "long_line.txt": lambda: hf.long_line(1),
    "huge_figure.txt": hf.huge_figure,
    "numeral_run.txt": hf.numeral_run,
    "random_high_bytes.txt": hf.random_high_bytes,
    "big5_founding.txt": hf.big5_founding,
    "utf16le_founding.txt": hf.utf16_founding,
    "vt_breaks_founding.txt": hf.breaks_founding,
    "bidi_founding.txt": hf.bidi_founding,
    "pdf_marker.txt": lambda: hf.marker_in_text("%PDF-1.7"),
    "body_marker.txt": lambda: hf.marker_in_text("<body>"),
    "deep_divs.html": hf.deep_divs,
    "unclosed_p.html": lambda: hf.unclosed_p(5_000),
    "nested_tables.html": hf.nested_tables,
    "utf8_as_latin1.html": hf.mislabelled_html,
    "glyphs.pdf": lambda: hf.glyph_page(25_000),
    "flate_bomb.pdf": lambda: hf.flate_bomb(80),
    "numbering_120.docx": hf.numbered_docx,
    "numbering_ilvl12.docx": lambda: hf.numbered_docx(5, ilvl="12"),
    "numbering_nonnumeric.docx": lambda: hf.numbered_docx(5, ilvl="x", start="y"),
    "numbering_negative.docx": lambda: hf.numbered_docx(3, start="-3"),
    "no_body.docx": hf.docx_no_body,
    "part_bomb.docx": lambda: hf.docx_part_bomb(80),
    "huge_xml.docx": lambda: hf.docx_huge_xml(40),
}
# the ones a right reading accepts (the rest must be refused with exit 2)
READABLE = {"lf_text_2mb.txt", "headings_20k.txt", "huge_figure.txt", "numeral_run.txt", "big5_founding.txt",
            "utf16le_founding.txt", "vt_breaks_founding.txt", "bidi_founding.txt", "pdf_marker.txt",
            "body_marker.txt", "unclosed_p.html", "utf8_as_latin1.html", "numbering_120.docx",
            "numbering_ilvl12.docx", "numbering_nonnumeric.docx", "numbering_negative.docx"}


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_fixture_exits_0_or_2(name: str, tmp_path: Path, capsys) -> None:
    f = tmp_path / name
    f.write_bytes(CASES[name]())
    out = tmp_path / "out.json"
    code = main(["extract", str(f), "-o", str(out)])
    _, err = capsys.readouterr()
    assert "internal error" not in err and "Traceback" not in err
    if name in READABLE:
        assert code == 0, err
        notice = json.loads(out.read_text(encoding="utf-8"))
        text = notice["text"]
        for prog in notice["programmes"]:
            for rec in prog["records"]:
                assert text[rec["span"][0]:rec["span"][1]] == rec["text"]
    else:
        assert code == 2
        assert err.startswith(f"minshi-extract: error: {f}: ") and err.count("\n") == 1
        assert not out.exists()


def test_a_fifo_on_the_command_line_does_not_block(tmp_path: Path, capsys) -> None:
    import os

    fifo = tmp_path / "in.txt"
    os.mkfifo(fifo)
    assert main(["extract", str(fifo)]) == 2
    assert "not a regular file" in capsys.readouterr().err


def test_timeout_option_ends_in_exit_2(capsys) -> None:
    code = main(["extract", str(hf.FOUNDING), "--timeout", "1e-9"])
    _, err = capsys.readouterr()
    assert code == 2
    assert err == (f"minshi-extract: error: {hf.FOUNDING}: not finished within the time budget of 1e-09 s "
                   "(raise it with --timeout)\n")


def test_max_bytes_still_refuses_larger_input(tmp_path: Path, capsys) -> None:
    f = tmp_path / "big.txt"
    f.write_bytes(hf.lf_text(2))
    code = main(["extract", str(f), "--max-bytes", str(1024 * 1024)])
    assert code == 2
    assert capsys.readouterr().err == (f"minshi-extract: error: {f}: file is {f.stat().st_size} bytes, over the "
                                       "limit of 1048576 (raise it with --max-bytes)\n")


def test_batch_with_files_that_used_to_crash_finishes_the_rest(tmp_path: Path, capsys) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a_no_body.docx").write_bytes(hf.docx_no_body())  # was AttributeError (exit 3)
    (src / "b_numbering.docx").write_bytes(hf.numbered_docx(3, ilvl="x"))  # was ValueError
    (src / "c_founding.txt").write_bytes(hf.gbk_founding())
    (src / "d_random.txt").write_bytes(hf.random_high_bytes())  # was read as GB18030 mojibake
    code = main(["batch", str(src), "-o", str(tmp_path / "out")])
    out, err = capsys.readouterr()
    assert code == 1  # documented: some files failed, the dataset holds the others
    errors = (tmp_path / "out" / "errors.csv").read_text(encoding="utf-8-sig")
    assert "a_no_body.docx" in errors and "d_random.txt" in errors
    assert "b_numbering.docx" not in errors and "c_founding.txt" not in errors
    assert "a_no_body.docx" in err and "d_random.txt" in err
    assert "2 failed" in out
