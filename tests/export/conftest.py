"""A copy of part of corpus/ (every format of two notices, ten variants, the bad files) and one batch
run over it, shared by the dataset tests."""

import shutil
from pathlib import Path

import pytest

from minshi_extract.cli import main

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
SAME_NOTICE = {  # one notice saved in several formats: the text is kept, the rest are duplicates
    "wuwei_2025.txt": ["wuwei_2025.html"],  # its .pdf and .docx too, left out for speed
    "variants/xinzheng_2026.txt": ["variants/xinzheng_2026.html", "variants/xinzheng_2026.pdf"],
    "variants/huzhou_2024.txt": ["variants/huzhou_2024.pdf"],
}
VARIANTS = sorted(p.relative_to(CORPUS).as_posix() for p in (CORPUS / "variants").glob("*.txt"))[:10]
# corpus/bad/binary.bin has no notice suffix: batch does not pick it up
BAD = sorted(p.relative_to(CORPUS).as_posix() for p in (CORPUS / "bad").iterdir() if p.suffix != ".bin")
GOOD = sorted({*SAME_NOTICE, *VARIANTS})
ALL = sorted({*GOOD, *BAD, *(f for dups in SAME_NOTICE.values() for f in dups)})


def copy_corpus(dst: Path, files: list[str] = ALL) -> Path:
    for rel in files:
        (dst / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(CORPUS / rel, dst / rel)
    return dst


@pytest.fixture(scope="session")
def mini_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="session")
def dataset(mini_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[int, Path]:
    out = tmp_path_factory.mktemp("dataset") / "out"
    code = main(["batch", str(mini_corpus), "-o", str(out), "--format", "all", "-j", "2", "-q"])
    return code, out
