"""The batch runner: failures isolated per file, interrupt + --resume, no stale outputs, symlinks."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ALL, CORPUS, copy_corpus

from minshi_extract.cli import main
from minshi_extract.dataset import convert
from minshi_extract.dataset.tables import TABLES

pq = pytest.importorskip("pyarrow.parquet")
GOOD3 = ["variants/baoji_2023.txt", "variants/guilin_2025.txt", "variants/yanan_2023.txt"]
CORRUPT_PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage\n%%EOF\n"


def _read_csv(path: Path) -> list[list[str]]:
    import csv

    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_three_failures_isolated_and_listed(tmp_path: Path, monkeypatch, capsys, jobs: str) -> None:
    src = copy_corpus(tmp_path / "in", GOOD3)
    (src / "corrupt.pdf").write_bytes(CORRUPT_PDF)
    (src / "empty.txt").write_bytes(b"")
    (src / "boom.txt").write_bytes((CORPUS / "variants/quzhou_2022.txt").read_bytes())
    real = convert.convert_bytes

    def faulty(data: bytes, name: str, max_bytes: int = 0):  # an internal error in one file only
        if name.endswith("boom.txt"):
            raise RuntimeError("injected fault")
        return real(data, name, max_bytes)

    monkeypatch.setattr(convert, "convert_bytes", faulty)  # worker processes are forked: they see it too
    out = tmp_path / "out"
    code = main(["batch", str(src), "-o", str(out), "-j", jobs])
    captured = capsys.readouterr()
    assert code == 1
    header, *rows = _read_csv(out / "errors.csv")
    errors = {r[header.index("source_file")]: r for r in rows}
    assert sorted(errors) == ["boom.txt", "corrupt.pdf", "empty.txt"]
    reason = header.index("reason")
    assert "RuntimeError: injected fault" in errors["boom.txt"][reason]
    assert errors["boom.txt"][header.index("error")] == "internal error"
    assert "empty file" in errors["empty.txt"][reason]
    assert "PDF is damaged" in errors["corrupt.pdf"][reason]
    header, *rows = _read_csv(out / "notices.csv")
    assert sorted(r[header.index("source_file")] for r in rows) == GOOD3
    assert "3 failed" in captured.out
    assert captured.err.count("failed: ") == 3


def _tables(out: Path, src: Path) -> dict[str, list[dict]]:
    tables = {t: pq.read_table(out / f"{t}.parquet").to_pylist() for t in TABLES}
    for e in tables["errors"]:  # a reason names the file as the command was given it
        e["reason"] = e["reason"].replace(str(src), "DIR")
    return tables


def test_interrupted_then_resumed_equals_one_run(dataset, mini_corpus: Path, tmp_path: Path, capsys) -> None:
    _, reference = dataset
    src = copy_corpus(tmp_path / "in")
    # a long notice converted last (files go in path order) keeps the batch busy when the interrupt
    # comes, however fast the others are; it is gone again before the resumed run
    slow = src / "zzz_long_notice.txt"
    slow.write_text((CORPUS / "wuwei_2025.txt").read_text(encoding="utf-8") * 60, encoding="utf-8")
    out = tmp_path / "out"
    # leftovers of an earlier run: its tables and a cached notice whose file is gone
    (out / "json").mkdir(parents=True)
    (out / "json" / ".minshi-batch").write_text("")
    (out / "json" / "gone.txt.json").write_text("{}")
    (out / "records.parquet").write_bytes(b"stale")
    cmd = [sys.executable, "-m", "minshi_extract.cli", "batch", str(src), "-o", str(out), "--format", "parquet",
           "-q"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while len(list((out / "json").rglob("*.json"))) < 4 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err.decode()
    assert b"--resume" in err and b"Traceback" not in err
    done = list((out / "json").rglob("*.json"))
    assert 4 <= len(done) < len(ALL)
    assert not (out / "records.parquet").exists() and not (out / "json" / "gone.txt.json").exists()

    slow.unlink()
    assert main(["batch", str(src), "-o", str(out), "--format", "parquet", "--resume", "-j", "2", "-q"]) == 1
    assert f"{len(done)} reused from an earlier run" in capsys.readouterr().out
    assert _tables(out, src) == _tables(reference, mini_corpus)


def test_resume_reconverts_a_changed_file(tmp_path: Path, capsys) -> None:
    src = copy_corpus(tmp_path / "in", GOOD3)
    out = tmp_path / "out"
    assert main(["batch", str(src), "-o", str(out), "-q"]) == 0
    (src / GOOD3[0]).write_bytes((CORPUS / "variants/quzhou_2022.txt").read_bytes())
    assert main(["batch", str(src), "-o", str(out), "-q", "--resume"]) == 0
    assert "2 reused" in capsys.readouterr().out
    header, *rows = _read_csv(out / "notices.csv")
    # corpus/variants/quzhou_2022.txt is titled 衢州市 ... 2022年
    row = next(r for r in rows if r[header.index("source_file")] == GOOD3[0])
    assert "衢州" in row[header.index("title")] and row[header.index("year")] == "2022"
    # a notice cached by another version of the extractor is converted again
    cached = out / "json" / f"{GOOD3[1]}.json"
    cached.write_text(cached.read_text(encoding="utf-8").replace('"extractor": "minshi-extract ',
                                                               '"extractor": "minshi-extract 0.0.0-old'),
                      encoding="utf-8")
    assert main(["batch", str(src), "-o", str(out), "-q", "--resume"]) == 0
    assert "2 reused" in capsys.readouterr().out
    assert "0.0.0-old" not in cached.read_text(encoding="utf-8")


def test_tables_of_an_earlier_run_in_another_format_are_removed(tmp_path: Path, capsys) -> None:
    src = copy_corpus(tmp_path / "in", GOOD3[:1])
    out = tmp_path / "out"
    assert main(["batch", str(src), "-o", str(out), "-q", "--format", "csv,xlsx"]) == 0
    assert (out / "records.csv").is_file() and (out / "dataset.xlsx").is_file()
    assert main(["batch", str(src), "-o", str(out), "-q", "--format", "parquet"]) == 0
    assert sorted(p.name for p in out.iterdir() if p.is_file()) == sorted(f"{t}.parquet" for t in TABLES)


def test_symlink_out_of_the_folder_not_followed(tmp_path: Path, capsys) -> None:
    src = copy_corpus(tmp_path / "in", GOOD3[:1])
    outside = copy_corpus(tmp_path / "outside", GOOD3[1:2])
    os.symlink(outside / GOOD3[1], src / "link.txt")
    os.symlink(src / GOOD3[0], src / "inside.txt")
    out = tmp_path / "out"
    assert main(["batch", str(src), "-o", str(out), "-q", "--all-formats"]) == 0
    header, *rows = _read_csv(out / "notices.csv")
    assert sorted(r[header.index("source_file")] for r in rows) == sorted([GOOD3[0], "inside.txt"])
    header, *rows = _read_csv(out / "warnings.csv")
    assert any(r[header.index("source_file")] == "link.txt" and "not followed" in r[header.index("warning")]
               for r in rows)


def test_a_foreign_folder_named_like_the_cache_is_not_deleted(tmp_path: Path, capsys) -> None:
    src = copy_corpus(tmp_path / "in", GOOD3[:1])
    (tmp_path / "out" / "json").mkdir(parents=True)
    (tmp_path / "out" / "json" / "mine.json").write_text("{}")
    assert main(["batch", str(src), "-o", str(tmp_path / "out")]) == 2
    assert "is not a batch cache" in capsys.readouterr().err
    assert (tmp_path / "out" / "json" / "mine.json").exists()


def test_help_documents_the_exit_codes(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["batch", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "1 some files failed" in out and "130 interrupted" in out
