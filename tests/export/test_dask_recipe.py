"""The README's Dask recipe (dask.bag over file paths, worker processes) gives batch's tables."""

import shutil
from pathlib import Path

import pytest
from conftest import CORPUS, copy_corpus

from minshi_extract.cli import main
from minshi_extract.dataset.tables import TABLES

db = pytest.importorskip("dask.bag")  # the optional extra minshi-extract[dask]; dev (CI) installs it
pq = pytest.importorskip("pyarrow.parquet")
FILES = ["variants/baoji_2023.txt", "variants/huzhou_2024.pdf", "variants/huzhou_2024.txt", "wuwei_2025.html"]


def _sorted(rows: list[dict]) -> list[dict]:
    return sorted(rows, key=lambda r: (r["source_file"], str(r.get("id") or r.get("programme_id") or ""),
                                       str(r.get("warning") or "")))


def test_dask_bag_recipe_matches_batch(tmp_path: Path, capsys) -> None:
    import dask

    from minshi_extract.dataset.dask_recipe import convert_path, write_parts

    src = copy_corpus(tmp_path / "in", FILES)
    (src / "empty.txt").write_bytes(b"")
    shutil.copy2(CORPUS / "bad/encrypted.pdf", src / "locked.pdf")
    batch_out = tmp_path / "batch"
    assert main(["batch", str(src), "-o", str(batch_out), "--format", "parquet", "--all-formats", "-q"]) == 1

    paths = [(str(p), p.relative_to(src).as_posix()) for p in sorted(src.rglob("*")) if p.is_file()]
    bag = db.from_sequence(paths, npartitions=3).map(convert_path)
    with dask.config.set({"scheduler": "processes", "num_workers": 2, "multiprocessing.context": "fork"}):
        written = bag.map_partitions(write_parts, str(tmp_path / "dask")).compute()
    assert len(written) == 3 * len(TABLES)
    for table in TABLES:
        got = pq.read_table(tmp_path / "dask" / table).to_pylist()
        want = pq.read_table(batch_out / f"{table}.parquet").to_pylist()
        assert _sorted(got) == _sorted(want), table
    records = pq.read_table(tmp_path / "dask" / "records")
    assert records.num_rows > 0
    errors = pq.read_table(tmp_path / "dask" / "errors").column("source_file").to_pylist()
    assert sorted(errors) == ["empty.txt", "locked.pdf"]
