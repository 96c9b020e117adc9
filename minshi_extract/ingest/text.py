"""Plain-text notices: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK."""

from __future__ import annotations

from ..errors import InputError
from .rawdoc import RawDoc

# Share of control characters above which bytes are not text.
_MAX_CONTROL_SHARE = 0.01


def decode_text(data: bytes, where: str) -> str:
    """Decode notice bytes; raise InputError naming `where` when they are not text."""
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="strict")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(f"{where}: starts with a UTF-16 byte-order mark but is not UTF-16 text") from None
    elif b"\x00" in data:
        raise InputError(f"{where}: binary file (NUL bytes), not a text notice")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = data.decode("gb18030")
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"{where}: not UTF-8 or GB18030 text (undecodable byte at offset {exc.start})"
                ) from None
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    if text and controls / len(text) > _MAX_CONTROL_SHARE:
        raise InputError(f"{where}: binary file ({controls} control characters), not a text notice")
    return text


def read_text(data: bytes, path: str | None, sha256: str) -> RawDoc:
    where = path or "<bytes>"
    text = decode_text(data, where)
    if not text.strip():
        raise InputError(f"{where}: empty notice (no text)")
    return RawDoc(text=text, format="text", path=path, sha256=sha256)
