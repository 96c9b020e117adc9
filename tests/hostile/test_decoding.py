"""Decoding refuses what it cannot read; every Unicode line break and format control handled.

The founding notice (corpus/wuwei_2025.txt) has 17 programmes; its Big5, GB18030, UTF-16,
mislabelled-charset and other-line-break versions must give the same programmes and records."""

from __future__ import annotations

import pytest
from hostile_fixtures import (
    bidi_founding,
    big5_founding,
    breaks_founding,
    founding_text,
    gbk_founding,
    mislabelled_html,
    random_high_bytes,
    utf16_founding,
)

from minshi_extract import extract
from minshi_extract.errors import InputError
from minshi_extract.ingest.text import chinese_score, decode_text
from minshi_extract.normalize import normalize, normalize_fragment

PROGRAMMES = 17  # 一、 … 十七、 plans of the founding notice


def _records(notice) -> list[tuple[str, str]]:
    return sorted((r.type, normalize_fragment(r.text)) for r in notice.all_records())


@pytest.fixture(scope="module")
def reference():
    return extract(founding_text().encode("utf-8"))


@pytest.mark.parametrize(
    "make",
    [big5_founding, gbk_founding, utf16_founding, lambda: utf16_founding("be"), breaks_founding,
     lambda: breaks_founding("\f"), lambda: breaks_founding("\u2028"), lambda: breaks_founding("\u2029"),
     lambda: breaks_founding("\x85"), lambda: breaks_founding("\x1e"), lambda: breaks_founding("\r"),
     lambda: breaks_founding("\r\n"), bidi_founding],
    ids=["big5", "gb18030", "utf16le", "utf16be", "vt", "ff", "u2028", "u2029", "nel", "rs", "cr", "crlf", "bidi"],
)
def test_other_encodings_and_breaks_give_the_same_notice(make, reference) -> None:
    notice = extract(make())
    assert len(notice.programmes) == PROGRAMMES
    assert [p.title for p in notice.programmes] == [p.title for p in reference.programmes]
    assert _records(notice) == _records(reference)
    for rec in notice.all_records():
        assert notice.text[rec.span[0]:rec.span[1]] == rec.text


@pytest.mark.parametrize(("declared", "actual"), [("iso-8859-1", "utf-8"), ("utf-8", "gb18030"), ("gb2312", "utf-8")])
def test_a_mislabelled_charset_is_read_by_what_reads_as_chinese(declared, actual, reference) -> None:
    notice = extract(mislabelled_html(declared, actual))
    assert len(notice.programmes) == PROGRAMMES
    assert "为民实事" in notice.meta.title


def test_random_high_bytes_are_refused_not_read_as_gb18030() -> None:
    data = random_high_bytes()
    data.decode("gb18030")  # they do decode ...
    with pytest.raises(InputError) as err:
        extract(data)  # ... but read as nothing
    assert str(err.value).startswith("<bytes>: not UTF-8 or GB18030 text (nor Big5 or UTF-16): the best decoding (")


def test_big5_read_as_gb18030_would_be_mojibake() -> None:
    data = big5_founding()
    assert chinese_score(data.decode("gb18030", errors="replace")) < 0.5
    assert chinese_score(data.decode("cp950")) > 0.95
    assert "为民实事" in normalize(decode_text(data, "x"))[0]


def test_format_controls_are_dropped_with_offsets_kept() -> None:
    raw = "\u202b新建\u200f学校\u202c12\u2066所\u2069\u00ad"
    text, offsets = normalize(raw)
    assert text == "新建学校12所"
    assert [raw[o] for o in offsets] == list(text)


@pytest.mark.parametrize("brk", ["\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029", "\r", "\r\n", "\n"])
def test_every_line_break_is_one_line_break(brk: str) -> None:
    raw = f"一、目标任务{brk}新建学校12所{brk}{brk}二、资金安排"
    text, offsets = normalize(raw)
    assert text == "一、目标任务\n新建学校12所\n\n二、资金安排"
    assert len(offsets) == len(text)
    assert all(raw[o] == ch for o, ch in zip(offsets, text, strict=True) if ch != "\n")
