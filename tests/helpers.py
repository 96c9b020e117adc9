"""Small builders the tests share (importable because tests/conftest.py puts tests/ on the path)."""

from __future__ import annotations

import io


def assemble_pdf(objs: list[bytes]) -> bytes:
    """A PDF file from its numbered objects (object 1 the catalog), with a correct xref table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref))
    return out.getvalue()


def table_layout(label: str, header: list[str], rows: list[list[str]]) -> tuple[str, list[list[tuple[int, int]]]]:
    """A table written one cell per line under `label`, as a text notice does, and each cell's span."""
    text, spans = f"{label}\n", []
    for row in [header, *rows]:
        row_spans = []
        for cell in row:
            row_spans.append((len(text), len(text) + len(cell)))
            text += cell + "\n"
        spans.append(row_spans)
    return text, spans
