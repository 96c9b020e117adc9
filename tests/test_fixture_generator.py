"""The one fixture generator (scripts/fixtures, `python -m scripts.fixtures`) still writes the
committed corpus files that need no fonts, byte for byte: the tables family's text notices and
portal pages, the founding notice's portal page, and the bad inputs that are not drawn. (The PDFs
need fonts tests do not have; scripts/fixtures/__init__.py says which outputs are reproducible.)"""

from pathlib import Path

import pytest

from scripts.fixtures import founding, tables_html, tables_text
from scripts.fixtures.__main__ import main
from scripts.fixtures.common import check_sum

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.mark.parametrize(
    ("make", "name"),
    [
        (tables_text.make_suzhou, "suzhou_ah_2024_web.txt"),
        (tables_text.make_hanzhong, "hanzhong_2021.txt"),
        (tables_text.make_jiamusi, "jiamusi_2019.txt"),
        (tables_html.make_fuzhou, "fuzhou_jx_2022.html"),
        (tables_html.make_jinhua, "jinhua_2025.html"),
    ],
)
def test_tables_family_text_and_pages_are_the_committed_ones(tmp_path: Path, make, name: str) -> None:
    make(tmp_path)
    assert (tmp_path / name).read_bytes() == (CORPUS / "variants" / "tables" / name).read_bytes()


def test_founding_portal_page_is_the_committed_one(tmp_path: Path) -> None:
    founding.make_html(founding.read_blocks(), tmp_path / "wuwei_2025.html")
    assert (tmp_path / "wuwei_2025.html").read_bytes() == (CORPUS / "wuwei_2025.html").read_bytes()


def test_bad_inputs_are_the_committed_ones(tmp_path: Path) -> None:
    founding.make_bad(tmp_path, CORPUS / "wuwei_2025.pdf")
    # scanned.pdf and encrypted.pdf carry fpdf2's run date / a random key: not compared here
    for name in ("truncated.pdf", "no_article.html", "empty.txt", "binary.bin", "legacy.doc", "not_gb18030.txt"):
        assert (tmp_path / name).read_bytes() == (CORPUS / "bad" / name).read_bytes(), name


def test_a_total_that_its_rows_do_not_sum_to_stops_the_generator() -> None:
    check_sum("ok", [1.5, 2.25], 3.75)
    with pytest.raises(SystemExit, match=r"sums to 3\.75, not 4"):
        check_sum("bad", [1.5, 2.25], 4)


def test_an_unknown_family_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as e:
        main(["foundin"])
    assert e.value.code == 2
    assert "unknown family foundin" in capsys.readouterr().err
