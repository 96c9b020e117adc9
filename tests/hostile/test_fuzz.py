"""Fuzz harness (hypothesis, bounded: few examples, no deadline): the readers on random and
mutated bytes of real notices, the normaliser's offset map, the line rules on hostile text.
Whatever the input: a result or a MinshiError, never another exception; spans always grounded."""

from __future__ import annotations

from functools import cache

from hostile_fixtures import CORPUS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minshi_extract.errors import MinshiError
from minshi_extract.ingest import load_bytes
from minshi_extract.normalize import normalize
from minshi_extract.pipeline import _line_rules
from minshi_extract.rules.context import Context

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@cache
def seeds() -> dict[str, bytes]:
    return {ext: (CORPUS / f"wuwei_2025.{ext}").read_bytes() for ext in ("txt", "html", "docx", "pdf")}


def _read(data: bytes) -> None:
    try:
        doc = load_bytes(data, "fuzz")
    except MinshiError:
        return
    assert isinstance(doc.text, str) and doc.text.strip()


@st.composite
def mutated(draw) -> bytes:
    """A real notice file with a few bytes changed, a slice cut out, or cut short."""
    data = bytearray(seeds()[draw(st.sampled_from(["txt", "html", "docx", "pdf"]))])
    for _ in range(draw(st.integers(0, 8))):
        i = draw(st.integers(0, len(data) - 1))
        data[i] = draw(st.integers(0, 255))
    how = draw(st.sampled_from(["flip", "cut", "truncate"]))
    if how == "cut":
        a = draw(st.integers(0, len(data) - 1))
        del data[a : a + draw(st.integers(1, 4096))]
    elif how == "truncate":
        del data[draw(st.integers(1, len(data))) :]
    return bytes(data)


HEADS = st.sampled_from([b"", b"%PDF-1.7\n", b"PK\x03\x04", b"<html><body>", b"\xef\xbb\xbf", b"\xff\xfe",
                         b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "一、目标任务\n".encode()])


@FUZZ
@given(HEADS, st.binary(max_size=2048))
def test_readers_on_random_bytes(head: bytes, body: bytes) -> None:
    _read(head + body)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_readers_on_mutated_notices(data: bytes) -> None:
    _read(data)


HOSTILE_CHARS = st.sampled_from(list("\v\f\x1c\x1d\x1e\x85\u2028\u2029\r\n\t\x00\u202b\u202e\u2066\u200f\u200b\ufeff\u00ad"
                                     "一二三四五六七八九十百千万亿零〇两0123456789.,%:：、（）()年月日个元万元所人户—~ "))


@FUZZ
@given(st.text(HOSTILE_CHARS | st.characters(), max_size=400))
def test_normalize_keeps_a_true_offset_map(raw: str) -> None:
    text, offsets = normalize(raw)
    assert len(offsets) == len(text)
    assert list(offsets) == sorted(offsets)
    for ch, o in zip(text, offsets, strict=True):
        if ch != "\n":
            assert raw[o] not in "\n\v\f\x1c\x1d\x1e\x85\u2028\u2029\r\x00\u202b\u202e\u2066\u200f\u200b\ufeff"
    assert not any(c in text for c in "\v\f\x1c\x1d\x1e\x85\u2028\u2029\r\u202b\u202e\u2066\u200f")


@FUZZ
@given(st.text(HOSTILE_CHARS, max_size=600), st.integers(0, 3))
def test_line_rules_on_hostile_text(line: str, base: int) -> None:
    line = normalize(line)[0].replace("\n", "")
    ctx = Context(year=2025, section="三、实施步骤", kind="steps", in_steps=True)
    text = " " * base + line
    for rule in _line_rules():
        for rec in rule(line, base, ctx):
            assert base <= rec.span[0] <= rec.span[1] <= base + len(line)
            assert text[rec.span[0]:rec.span[1]] == rec.text
