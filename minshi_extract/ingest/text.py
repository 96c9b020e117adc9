"""Plain-text notices: UTF-8 (with or without BOM), UTF-16 (with or without BOM), GB18030/GBK, Big5.

A legacy-encoded file is decoded every way that succeeds and the decoding that reads most like
Chinese wins (share of common characters, `chinese_score`); bytes that read like Chinese in no
encoding (random high bytes, a mislabelled file) are refused, never passed on as mojibake.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from ..errors import InputError
from .layout import text_layout
from .rawdoc import RawDoc

# Share of control characters above which bytes are not text.
_MAX_CONTROL_SHARE = 0.01
# Share of common characters among the non-ASCII letters a right decoding reaches (real notices ~0.99;
# GB18030 read as Big5 or the reverse ~0.05; random high bytes ~0.2).
MIN_CHINESE_SCORE = 0.8
# Legacy encodings tried when the bytes are not UTF-8, best guess first (ties keep this order).
LEGACY_ENCODINGS = ("gb18030", "cp950", "utf-16-le", "utf-16-be")
_SAMPLE = 200_000  # characters scored (a prefix, the middle and the end)
_LINE_CONTROLS = "\n\r\t\f\v\x1c\x1d\x1e"


@cache
def common_chars() -> frozenset[str]:
    """lexicon/common_hanzi.txt plus common CJK punctuation and full-width forms."""
    raw = resources.files("minshi_extract.lexicon").joinpath("common_hanzi.txt").read_text(encoding="utf-8")
    chars = {ch for line in raw.splitlines() if not line.startswith("#") for ch in line.strip()}
    chars.update(chr(c) for c in range(0x3000, 0x3020))  # 、。〈〉《》「」『』【】〔〕
    chars.update(chr(c) for c in range(0xFF01, 0xFF5F))  # full-width ASCII forms
    chars.update("“”‘’—…·－～％×√ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ①②③④⑤⑥⑦⑧⑨⑩●○■□▲△◆◇★☆\u00a0\u2002\u2003\u2028\u2029\u0085")
    return frozenset(chars)


def _sample(text: str) -> str:
    if len(text) <= _SAMPLE:
        return text
    third = _SAMPLE // 3
    mid = len(text) // 2
    return text[:third] + text[mid : mid + third] + text[-third:]


def chinese_score(text: str) -> float | None:
    """Share of the non-ASCII characters of `text` that are common Chinese characters or punctuation
    (traditional forms counted as their simplified character); None when there are none."""
    from ..normalize import to_simplified

    sample = _sample(text)
    wide = [ch for ch in to_simplified(sample) if ord(ch) > 0x7F]
    if not wide:
        return None
    common = common_chars()
    return sum(ch in common for ch in wide) / len(wide)


def best_decoding(data: bytes, candidates: tuple[str, ...]) -> tuple[str, str, float | None] | None:
    """(text, encoding, score) of the candidate decoding that reads most like Chinese; None when
    no candidate decodes the bytes. Ties keep the candidates' order."""
    best: tuple[str, str, float | None] | None = None
    for enc in candidates:
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        score = chinese_score(text)
        if best is None or (score or 0.0) > (best[2] or 0.0):
            best = (text, enc, score)
    return best


def decode_text(data: bytes, where: str) -> str:
    """Decode notice bytes; raise InputError naming `where` when they are not text."""
    score: float | None = None
    enc = "utf-8"
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            text = data[3:].decode("utf-8", errors="strict")
        except UnicodeDecodeError as exc:
            raise InputError(f"{where}: starts with a UTF-8 byte-order mark but is not UTF-8 text "
                             f"(undecodable byte at offset {exc.start + 3})") from None
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(f"{where}: starts with a UTF-16 byte-order mark but is not UTF-16 text") from None
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text, enc, score = _decode_legacy(data, where)
    sample = _sample(text)
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in _LINE_CONTROLS)
    if sample and controls / len(sample) > _MAX_CONTROL_SHARE:
        if "\x00" in sample:
            raise InputError(f"{where}: binary file (NUL bytes), not a text notice")
        raise InputError(f"{where}: binary file ({controls} control characters), not a text notice")
    if score is not None and score < MIN_CHINESE_SCORE:
        raise InputError(
            f"{where}: not UTF-8 or GB18030 text (nor Big5 or UTF-16): the best decoding ({enc}) "
            f"has only {score:.0%} common Chinese characters"
        )
    return text


def _decode_legacy(data: bytes, where: str) -> tuple[str, str, float | None]:
    """(text, encoding, score) of the best legacy decoding; InputError when none decodes."""
    candidates = LEGACY_ENCODINGS if len(data) % 2 == 0 else LEGACY_ENCODINGS[:2]
    if b"\x00" in data and not _utf16_like(data):
        raise InputError(f"{where}: binary file (NUL bytes), not a text notice")
    best = best_decoding(data, candidates)
    if best is None and b"\x00" in data:
        raise InputError(f"{where}: binary file (NUL bytes), not a text notice")
    if best is None:
        try:
            data.decode("gb18030")
        except UnicodeDecodeError as exc:
            raise InputError(f"{where}: not UTF-8 or GB18030 text (undecodable byte at offset {exc.start})") from None
        raise InputError(f"{where}: not UTF-8 or GB18030 text")  # pragma: no cover - gb18030 decoded above
    return best


def _utf16_like(data: bytes) -> bool:
    """NUL bytes mostly on one side of the byte pairs, as in UTF-16 text with ASCII in it (a CJK
    character such as U+4E00 puts a few on the other side)."""
    sample = data[:65536]
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    return len(data) % 2 == 0 and (even >= 4 * odd or odd >= 4 * even)


def read_text(data: bytes, path: str | None, sha256: str) -> RawDoc:
    where = path or "<bytes>"
    text = decode_text(data, where)
    if not text.strip():
        raise InputError(f"{where}: empty notice (no text)")
    return RawDoc(text=text_layout(text), format="text", path=path, sha256=sha256)
