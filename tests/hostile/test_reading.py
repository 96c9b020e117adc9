"""Reading with real caps: FIFOs and devices refused without blocking, bytes capped while read,
sniffing by structure, the same result by path and by bytes, one exception family for the API."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hostile_fixtures import FOUNDING, marker_in_text

from minshi_extract import extract
from minshi_extract.errors import InputError, LimitError, MinshiError
from minshi_extract.ingest import load, load_bytes, read_capped, sniff
from minshi_extract.pipeline import extract_text


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "notice.txt"
    os.mkfifo(fifo)  # nobody writes to it: opening it for reading the usual way blocks forever
    with pytest.raises(InputError) as err:
        load(fifo)
    assert str(err.value) == f"{fifo}: not a regular file (a device, FIFO or socket); save the notice to a file first"


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_devices_are_refused(device: str) -> None:
    if not os.path.exists(device):
        pytest.skip(f"{device} missing")
    with pytest.raises(InputError, match="not a regular file"):
        load(device)


def test_a_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        load(tmp_path)
    assert str(err.value) == f"{tmp_path}: is a directory, not a notice file"


def test_the_cap_holds_while_reading(tmp_path: Path) -> None:
    f = tmp_path / "n.txt"
    f.write_bytes(b"x" * 101)
    assert read_capped(f, 101) == b"x" * 101
    with pytest.raises(InputError) as err:
        read_capped(f, 100)
    assert str(err.value) == f"{f}: file is 101 bytes, over the limit of 100 (raise it with --max-bytes)"


def test_bytes_over_the_cap_are_refused() -> None:
    with pytest.raises(InputError, match=r"<bytes>: file is 11 bytes, over the limit of 10"):
        load_bytes(b"0123456789A", None, max_bytes=10)


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"%PDF-1.7\n1 0 obj", "pdf"),
        (b"\n  %PDF-1.4\n", "pdf"),
        (b"<!DOCTYPE html><html>", "html"),
        (b"\xef\xbb\xbf<html lang='zh'>", "html"),
        (b"<?xml version='1.0'?>\n<html>", "html"),
        (b"<!-- saved page -->\n<div id='zoom'>", "html"),
        ("一、目标任务\n文件格式 %PDF-1.7\n".encode(), "text"),
        ("一、目标任务\n网页 <body> 标签\n".encode(), "text"),
        (b"PK\x03\x04not a zip", "zip"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy"),
    ],
)
def test_sniffing_by_structure(head: bytes, kind: str) -> None:
    assert sniff(head) == kind


def test_a_name_does_not_change_the_reader() -> None:
    data = "一、目标任务\n<b>新建学校12所</b>\n".encode()
    assert sniff(data, "n.html") == sniff(data, "n.txt") == sniff(data) == "text"


@pytest.mark.parametrize("marker", ["%PDF-1.7", "<body>"])
def test_a_text_notice_mentioning_a_marker_is_read_as_text(marker: str, tmp_path: Path) -> None:
    data = marker_in_text(marker)
    f = tmp_path / "notice.html"  # a misleading name on purpose
    f.write_bytes(data)
    by_path, by_bytes = extract(f), extract(data)
    assert by_path.source.format == by_bytes.source.format == "text"
    assert len(by_path.programmes) == len(by_bytes.programmes) == 17
    assert [r.text for r in by_path.all_records()] == [r.text for r in by_bytes.all_records()]


def test_same_result_by_path_and_by_bytes() -> None:
    by_path, by_bytes = extract(FOUNDING), extract(FOUNDING.read_bytes())
    assert by_path.text == by_bytes.text
    assert [(r.type, r.span) for r in by_path.all_records()] == [(r.type, r.span) for r in by_bytes.all_records()]


def test_notice_text_is_not_taken_as_a_path() -> None:
    text = "关于印发2025年为民实事实施方案的通知\n一、目标任务\n新增学位1080个。\n"
    assert extract(text).model_dump() == extract_text(text).model_dump()  # a line break: text, never a path
    with pytest.raises(InputError) as err:
        extract("新增学位1080个" * 300)  # no line break: a path, and not a readable one
    assert "extract_text()" in str(err.value)


@pytest.mark.parametrize("bad", [None, 12, 3.5, ["a.txt"], {"a": 1}])
def test_wrong_argument_types_raise_minshi_errors(bad: object) -> None:
    with pytest.raises(MinshiError):
        extract(bad)  # type: ignore[arg-type]
    with pytest.raises(MinshiError):
        extract_text(bad)  # type: ignore[arg-type]


def test_lines_and_line_length_are_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    import minshi_extract.normalize as norm

    monkeypatch.setattr(norm, "MAX_LINE_CHARS", 50)
    with pytest.raises(LimitError) as err:
        extract_text("为民实事\n" + "新建学校" * 20 + "\n")
    assert str(err.value) == "<text>: characters in line 2: 80 is over the limit of 50; not a notice this tool can read"
    monkeypatch.setattr(norm, "MAX_LINES", 3)
    with pytest.raises(LimitError, match=r"^<text>: lines: 4 is over the limit of 3"):
        extract_text("一\n二\n三\n四")
