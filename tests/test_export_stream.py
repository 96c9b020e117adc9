"""The JSON of a notice written in pieces (issue 14: a 4 MB notice never becomes one string) is,
character for character, `json.dumps(notice.model_dump(mode="json"))`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from minshi_extract import extract
from minshi_extract.cli import main
from minshi_extract.export import _TEXT_PIECE, _str_pieces, iter_json, to_json
from minshi_extract.models import Notice
from minshi_extract.outfiles import write_atomic

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.fixture(scope="module")
def notice() -> Notice:
    # two parts, three attachments (one with tables), cover-letter records, programmes
    n = extract(CORPUS / "variants" / "guyuan_2021.txt")
    assert any(p.parts for p in n.programmes) and n.attachments and n.records
    return n


@pytest.mark.parametrize("indent", [1, 2, 0, None])
def test_pieces_make_the_json_of_the_whole_dump(notice: Notice, indent: int | None) -> None:
    whole = json.dumps(notice.model_dump(mode="json"), ensure_ascii=False, indent=indent)
    assert to_json(notice, indent) == whole
    assert "".join(iter_json(notice, indent)) == whole


def test_no_piece_holds_two_records(notice: Notice) -> None:
    texts = [r.text for r in notice.all_records()]
    pieces = list(iter_json(notice))
    assert len(pieces) > len(texts)
    assert all(sum(f'"text": {json.dumps(t, ensure_ascii=False)}' in p for t in set(texts)) <= 1 for p in pieces)


def test_an_empty_notice_streams_like_its_dump() -> None:
    n = Notice(text="")
    assert "".join(iter_json(n)) == json.dumps(n.model_dump(mode="json"), ensure_ascii=False, indent=1)


def test_write_atomic_takes_text_in_pieces(tmp_path: Path) -> None:
    out = write_atomic(tmp_path / "x.json", iter(["{", '"a": ', '"武威"', "}\n"]))
    assert out.read_text(encoding="utf-8") == '{"a": "武威"}\n'


def test_cli_json_file_and_stdout_are_the_dump(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                               notice: Notice) -> None:
    src = CORPUS / "variants" / "guyuan_2021.txt"
    assert main(["extract", str(src), "-o", str(tmp_path / "n.json")]) == 0
    written = (tmp_path / "n.json").read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["extract", str(src)]) == 0
    printed = capsys.readouterr().out
    assert written == printed
    data = json.loads(written)
    data["source"]["path"] = notice.source.path
    assert data == notice.model_dump(mode="json")
    assert written.endswith("}\n") and not written.endswith("\n\n")


def test_a_long_string_in_pieces_is_its_json() -> None:
    s = 'a"b\\c\n\t\x01武威\u2028😀' * 7
    for size in (1, 2, 3, 5, 64):
        assert "".join(_str_pieces(s, size)) == json.dumps(s, ensure_ascii=False)
    assert len(list(_str_pieces(s, 5))) == 2 + -(-len(s) // 5)


def test_a_long_notice_text_is_written_in_pieces_and_is_the_dump() -> None:
    text = ('一、目标任务\n"引号"与\\反斜杠\t制表\n' * 5000)[: _TEXT_PIECE * 2 + 7]
    n = Notice(text=text)
    pieces = list(iter_json(n))
    assert "".join(pieces) == json.dumps(n.model_dump(mode="json"), ensure_ascii=False, indent=1)
    assert max(len(p) for p in pieces) < _TEXT_PIECE * 2  # the escaped text is three pieces
