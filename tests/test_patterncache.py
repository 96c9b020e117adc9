"""Compiled patterns kept between runs (issue 14: start-up): a later run rebuilds the same patterns
from the cache file and extracts the same records; a damaged or switched-off cache only means
compiling."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTICE = ROOT / "corpus" / "variants" / "baoji_2023.txt"
# prints the notice's JSON, then whether the run compiled a pattern the cache file did not hold
RUN = (
    "import sys\n"
    "from minshi_extract import patterncache\n"
    "from minshi_extract.export import to_json\n"
    "from minshi_extract.pipeline import extract\n"
    "print(to_json(extract(sys.argv[1])))\n"
    "print(patterncache._new)\n"
)


def _run(cache: Path, **env: str) -> tuple[str, str]:
    environ = {**os.environ, "XDG_CACHE_HOME": str(cache), **env}
    out = subprocess.run([sys.executable, "-c", RUN, str(NOTICE)], capture_output=True, text=True,
                         check=True, env=environ).stdout
    body, _, last = out.rstrip("\n").rpartition("\n")
    return body, last


def _files(cache: Path) -> list[Path]:
    return sorted((cache / "minshi-extract").glob("patterns-*.marshal"))


@pytest.fixture(scope="module")
def uncached(tmp_path_factory: pytest.TempPathFactory) -> str:
    return _run(tmp_path_factory.mktemp("off"), MINSHI_PATTERN_CACHE="0")[0]


def test_the_second_run_rebuilds_every_pattern_from_the_file(tmp_path: Path, uncached: str) -> None:
    first, flags1 = _run(tmp_path)
    assert flags1 == "True"  # patterns compiled and stored
    [stored] = _files(tmp_path)
    written = stored.stat().st_mtime_ns
    second, flags2 = _run(tmp_path)
    assert flags2 == "False"  # every pattern held: nothing compiled, nothing written
    assert stored.stat().st_mtime_ns == written
    assert first == second == uncached


def test_a_damaged_file_only_means_compiling(tmp_path: Path, uncached: str) -> None:
    _run(tmp_path)
    [stored] = _files(tmp_path)
    stored.write_bytes(b"\x00not marshal data")
    body, flags = _run(tmp_path)
    assert body == uncached and flags == "True"
    assert _files(tmp_path) == [stored] and stored.read_bytes()[:1] != b"\x00"  # written again


def test_switched_off_it_writes_nothing(tmp_path: Path) -> None:
    _run(tmp_path, MINSHI_PATTERN_CACHE="0")
    assert _files(tmp_path) == []


def test_a_rebuilt_pattern_matches_like_a_compiled_one() -> None:
    import regex
    from regex import _regex

    for pattern, flags in [(r"(?P<y>(?:19|20)\d{2})\s*年(?P<m>\d{1,2})月(?:底|末)?前?", 0),
                           (r"\p{Han}{2,}(?:局|委)", regex.V1), (r"payer|资金", regex.I)]:
        compiled = regex.compile(pattern, flags, cache_pattern=False)
        rebuilt = _regex.compile(*compiled._pickled_data)
        for s in ("2025年11月底前完成", "市教育局、市卫健委", "PAYER资金"):
            assert [m.span() for m in rebuilt.finditer(s)] == [m.span() for m in compiled.finditer(s)]


def test_no_home_means_no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    from minshi_extract import patterncache

    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    assert patterncache.cache_file() is None
    monkeypatch.setenv("XDG_CACHE_HOME", "/somewhere/cache")
    assert str(patterncache.cache_file()).startswith("/somewhere/cache/minshi-extract/patterns-")
    monkeypatch.setenv("MINSHI_PATTERN_CACHE", "0")
    assert patterncache.cache_file() is None


def test_other_code_compiles_as_before() -> None:
    import regex

    from minshi_extract import patterncache

    pattern = r"(?P<other>\d+)号文件"  # compiled here, in a test module: not the package's
    compiled = regex.compile(pattern)
    assert compiled.search("第7号文件").group("other") == "7"
    assert not any(k[0] == pattern for k in patterncache._memo)
    assert not any(k[0] == pattern for k in patterncache._stored)
