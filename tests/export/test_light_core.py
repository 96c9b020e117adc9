"""The core install: no spaCy, pandas, pyarrow or dask among its dependencies, none imported to extract."""

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("spacy", "pandas", "pyarrow", "dask", "matplotlib")


def test_core_dependencies_have_no_heavy_package() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    core = [d.lower() for d in project["dependencies"]]
    assert not [d for d in core if d.startswith(HEAVY)]
    extras = project["optional-dependencies"]
    assert any(d.startswith("spacy") for d in extras["spacy"])
    assert any(d.startswith("pyarrow") for d in extras["parquet"])
    assert any(d.startswith("dask") for d in extras["dask"])
    dev = " ".join(extras["dev"])
    assert all(x in dev for x in ("parquet", "pandas", "dask", "spacy", "notebook"))  # CI tests them all
    assert project["license"] == "MIT" and project["requires-python"] == ">=3.11"


def test_extracting_and_writing_csv_xlsx_imports_no_heavy_package(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from minshi_extract.cli import main\n"
        f"main(['extract', {str(ROOT / 'corpus/variants/baoji_2023.txt')!r}, '-o', {str(tmp_path / 'a.xlsx')!r}])\n"
        f"main(['extract', {str(ROOT / 'corpus/variants/baoji_2023.txt')!r}, '-o', {str(tmp_path / 'a.csv')!r}])\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.splitlines()[-1] == "[]"
