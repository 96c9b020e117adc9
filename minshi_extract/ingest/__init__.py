"""Readers: file bytes -> RawDoc. The reader is chosen by the bytes' structure, never by name, so
a path and its bytes give the same result."""

from __future__ import annotations

import hashlib
import os
import stat
import zipfile
from io import BytesIO
from pathlib import Path

import regex

from ..errors import InputError
from ..limits import check_budget
from .rawdoc import Page, RawDoc, RawTable
from .text import read_text

__all__ = ["DEFAULT_MAX_BYTES", "Page", "RawDoc", "RawTable", "load", "load_bytes", "read_capped", "shown", "sniff"]

DEFAULT_MAX_BYTES = 50 * 1024 * 1024  # 50 MiB: far above any notice, below a runaway file

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc / .wps / .xls container
# a PDF header: `%PDF-1.7` at the start, or after a little binary junk some writers put first
_PDF_HEAD = regex.compile(rb"%PDF-\d\.\d")
# an HTML page starts with markup: a doctype, an XML declaration, a comment or a tag
_HTML_HEAD = regex.compile(
    rb"(?:<\?xml[^>]{0,200}\?>\s*)?(?:<!--.{0,2000}?-->\s*)*"
    rb"<(?:!doctype\s+html|html|head|body|meta|title|link|script|style|div|p|table|span|center|font|"
    rb"article|section|h[1-6]|base|form|br|ul)[\s>/]",
    regex.I | regex.S,
)
_BLANKS = b" \t\r\n\f\v"


def sniff(data: bytes, name: str = "") -> str:
    """Say which reader fits the bytes: pdf | docx | html | image | text | legacy | zip.

    By structure: a PDF header at the start (or after binary junk, with the trailer at the end),
    a zip holding word/document.xml, an image's magic bytes (a scanned page: PNG, JPEG, TIFF), a
    page that starts with markup. A text notice that merely mentions `%PDF-` or `<body` is text.
    `name` is not used (kept for callers)."""
    del name
    if data.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")):
        return "image"
    if data.startswith(_OLE2):
        return "legacy"
    if data.startswith(b"PK\x03\x04"):
        return "docx" if _is_docx(data) else "zip"
    head = data[:1024]
    body = head[3:] if head.startswith(b"\xef\xbb\xbf") else head
    body = body.lstrip(_BLANKS)
    if _PDF_HEAD.match(body) or _pdf_after_junk(data):
        return "pdf"
    if _HTML_HEAD.match(body):
        return "html"
    return "text"


def _pdf_after_junk(data: bytes) -> bool:
    m = _PDF_HEAD.search(data[:1024])
    if m is None:
        return False
    junk = data[: m.start()]
    binary = any(b < 9 or 13 < b < 32 for b in junk)
    return binary and b"%%EOF" in data[-2048:]


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(BytesIO(data)) as zf:
            return "word/document.xml" in zf.namelist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return False


def _size_error(where: str, size: int | str, max_bytes: int) -> InputError:
    return InputError(f"{where}: file is {size} bytes, over the limit of {max_bytes} (raise it with --max-bytes)")


def shown(name: str) -> str:
    """A file name as text: the bytes of a name that is not UTF-8 (kept by Python as lone surrogates,
    which no UTF-8 output can hold: JSON, CSV and Parquet writers failed on them) as U+FFFD."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace") if not name.isascii() else name


def load_bytes(data: bytes, path: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> RawDoc:
    path = shown(path) if path else path
    where = path or "<bytes>"
    if not isinstance(data, bytes | bytearray | memoryview):
        raise InputError(f"{where}: expected bytes, got {type(data).__name__}")
    data = bytes(data)
    if len(data) > max_bytes:
        raise _size_error(where, len(data), max_bytes)
    if not data.strip():
        raise InputError(f"{where}: empty file")
    sha = hashlib.sha256(data).hexdigest()
    kind = sniff(data)
    check_budget(where)
    if kind == "legacy":
        raise InputError(
            f"{where}: legacy Word/WPS binary format is not supported; convert it first: "
            f"libreoffice --headless --convert-to docx {where}"
        )
    if kind == "zip":
        raise InputError(f"{where}: a zip archive that is not a .docx document")
    if kind == "pdf":
        from .pdf import read_pdf

        return read_pdf(data, path, sha)
    if kind == "image":
        from .ocr_doc import read_image

        return read_image(data, path, sha)
    if kind == "docx":
        from .docx import read_docx

        return read_docx(data, path, sha)
    if kind == "html":
        from .html import read_html

        return read_html(data, path, sha)
    return read_text(data, path, sha)


def read_capped(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of a regular file, at most `max_bytes` of them (read with a real cap, not trusting
    the size on disk). Devices, FIFOs and sockets are refused without blocking."""
    p = Path(path)
    try:
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except ValueError:  # a NUL byte in the path
        raise InputError(f"{str(p)!r}: not a usable path (NUL byte)") from None
    except IsADirectoryError:
        raise InputError(f"{p}: is a directory, not a notice file") from None
    except OSError as exc:
        if p.is_dir():
            raise InputError(f"{p}: is a directory, not a notice file") from None
        raise InputError(f"{p}: cannot read ({exc.strerror or type(exc).__name__})") from None
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        os.close(fd)
        if stat.S_ISDIR(st.st_mode):
            raise InputError(f"{p}: is a directory, not a notice file")
        raise InputError(f"{p}: not a regular file (a device, FIFO or socket); save the notice to a file first")
    with os.fdopen(fd, "rb", buffering=0) as f:
        if st.st_size > max_bytes:
            raise _size_error(str(p), st.st_size, max_bytes)
        try:
            chunks: list[bytes] = []
            got = 0
            while got <= max_bytes:
                chunk = f.read(min(1 << 20, max_bytes + 1 - got))
                if not chunk:
                    break
                chunks.append(chunk)
                got += len(chunk)
        except OSError as exc:
            raise InputError(f"{p}: cannot read ({exc.strerror or type(exc).__name__})") from None
    if got > max_bytes:
        raise _size_error(str(p), f"more than {max_bytes}", max_bytes)
    return b"".join(chunks)


def load(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> RawDoc:
    """Read a notice file (text, PDF, HTML or .docx) into a RawDoc."""
    data = read_capped(path, max_bytes)
    return load_bytes(data, str(path), max_bytes)
