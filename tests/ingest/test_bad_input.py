"""Every bad input gives ONE line naming the file and what is wrong (corpus/bad/, tmp_path)."""

from __future__ import annotations

import pytest
from ingest_facts import CORPUS

from minshi_extract.errors import InputError
from minshi_extract.ingest import load

BAD = CORPUS / "bad"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("scanned.pdf", "PDF has no text layer (scanned image?); run OCR first, e.g. ocrmypdf {p} out.pdf"),
        ("encrypted.pdf", "PDF is encrypted (password protected); save an unprotected copy first"),
        ("truncated.pdf", "PDF is truncated (no %%EOF at the end); get the complete file again"),
        ("no_article.html", "HTML page has no article text (no content container found); save the notice page itself"),
        ("empty.txt", "empty file"),
        ("binary.bin", "binary file (NUL bytes), not a text notice"),
        ("legacy.doc", "legacy Word/WPS binary format is not supported; convert it first: "
                       "libreoffice --headless --convert-to docx {p}"),
        ("not_gb18030.txt", "not UTF-8 or GB18030 text (undecodable byte at offset 12)"),
    ],
)
def test_bad_fixture_message(name, message):
    path = BAD / name
    with pytest.raises(InputError) as err:
        load(path)
    assert str(err.value) == f"{path}: " + message.format(p=path)
    assert "\n" not in str(err.value)


def test_over_the_size_limit():
    path = CORPUS / "wuwei_2025.pdf"
    with pytest.raises(InputError) as err:
        load(path, max_bytes=10)
    size = path.stat().st_size
    assert str(err.value) == f"{path}: file is {size} bytes, over the limit of 10 (raise it with --max-bytes)"


def test_damaged_pdf_body(tmp_path):
    path = tmp_path / "damaged.pdf"
    path.write_bytes(b"%PDF-1.7\n1 0 obj <</Type /Catalog /Pages 9 0 R>> garbage ((( \nxref\nzz\n%%EOF\n")
    with pytest.raises(InputError) as err:
        load(path)
    msg = str(err.value)
    assert msg.startswith(f"{path}: PDF is damaged and cannot be read (") and "\n" not in msg


def test_empty_html_container(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><body><div id='zoom'>  </div></body></html>", encoding="utf-8")
    with pytest.raises(InputError, match=r"HTML page has no article text"):
        load(path)


def test_broken_docx(tmp_path):
    import zipfile

    path = tmp_path / "broken.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("word/document.xml", "<not-xml")
    with pytest.raises(InputError) as err:
        load(path)
    assert str(err.value).startswith(f"{path}: ") and "docx" in str(err.value)
