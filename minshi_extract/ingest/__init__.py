"""Readers: file bytes -> RawDoc. The reader is chosen by content (magic bytes), not by name."""

from __future__ import annotations

import hashlib
import zipfile
from io import BytesIO
from pathlib import Path

from ..errors import InputError
from .rawdoc import Page, RawDoc, RawTable
from .text import read_text

__all__ = ["DEFAULT_MAX_BYTES", "Page", "RawDoc", "RawTable", "load", "load_bytes", "sniff"]

DEFAULT_MAX_BYTES = 50 * 1024 * 1024  # 50 MiB: far above any notice, below a runaway file

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc / .wps / .xls container


def sniff(data: bytes, name: str = "") -> str:
    """Say which reader fits the bytes: pdf | docx | html | image | text | legacy."""
    head = data[:1024].lstrip()
    if data[:1024].find(b"%PDF-") != -1:
        return "pdf"
    if data.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")):
        return "image"  # a scanned page: PNG, JPEG, TIFF
    if data.startswith(_OLE2):
        return "legacy"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(BytesIO(data)) as zf:
                if "word/document.xml" in zf.namelist():
                    return "docx"
        except zipfile.BadZipFile:
            pass
        return "zip"
    low = head[:512].lower()
    if low.startswith(b"\xef\xbb\xbf"):
        low = low[3:]
    if low.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in low or b"<body" in low:
        return "html"
    if name.lower().endswith((".htm", ".html")) and b"<" in low:
        return "html"
    return "text"


def load_bytes(data: bytes, path: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> RawDoc:
    where = path or "<bytes>"
    if len(data) > max_bytes:
        raise InputError(
            f"{where}: file is {len(data)} bytes, over the limit of {max_bytes} (raise it with --max-bytes)"
        )
    if not data.strip():
        raise InputError(f"{where}: empty file")
    sha = hashlib.sha256(data).hexdigest()
    kind = sniff(data, path or "")
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


def load(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> RawDoc:
    """Read a notice file (text, PDF, HTML or .docx) into a RawDoc."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p}: is a directory, not a notice file")
    size = p.stat().st_size
    if size > max_bytes:
        raise InputError(
            f"{p}: file is {size} bytes, over the limit of {max_bytes} (raise it with --max-bytes)"
        )
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror})") from None
    return load_bytes(data, str(path), max_bytes)
