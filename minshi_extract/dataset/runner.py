"""`minshi-extract batch`: a folder of notices -> one dataset, in worker processes, resumable.

Each converted notice is saved at once as contract JSON in the cache folder (`OUT/json/` for a
directory OUT, `corpus.json/` beside `corpus.parquet`), written to a temporary name and renamed,
so an interrupt or a crash loses nothing done. `--resume` keeps every cached notice whose source
file still has the same sha256 and converts the rest. The tables are built from the cache at the
end; the tables of an earlier run are removed first, so none outlives an interrupted run.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import sys
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError, MinshiError
from ..ingest import DEFAULT_MAX_BYTES, read_capped
from . import convert
from .convert import Converted, tables_of
from .tables import EXTRACTOR, Row, Tables, combine, drop_duplicates
from .writers import FORMATS, _pyarrow, format_of, remove_dataset, write_dataset

NOTICE_SUFFIXES = {".txt", ".pdf", ".html", ".htm", ".docx", ".doc", ".wps"}
CACHE_MARK = ".minshi-batch"
EXIT_SOME_FAILED = 1


@dataclass
class BatchOptions:
    src: Path
    out: Path
    formats: list[str]
    jobs: int = 1
    resume: bool = False
    all_formats: bool = False
    quiet: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES


@dataclass
class BatchResult:
    tables: Tables
    files: int
    reused: int
    duplicates: int
    written: list[Path] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.tables["errors"])


def cache_dir(out: Path) -> Path:
    return out / "json" if format_of(out) is None else out.with_name(f"{out.stem}.json")


def find_notices(src: Path, skip: Path | None = None) -> tuple[list[str], list[Row]]:
    """Notice files under src as posix paths relative to it; symlinks leading out are not followed."""
    root = src.resolve()
    found: list[str] = []
    skipped: list[Row] = []
    for dirpath, dirnames, filenames in os.walk(src, followlinks=False):
        d = Path(dirpath)
        dirnames[:] = sorted(n for n in dirnames if skip is None or (d / n).resolve() != skip)
        for name in sorted(filenames):
            p = d / name
            if p.suffix.lower() not in NOTICE_SUFFIXES:
                continue
            rel = p.relative_to(src).as_posix()
            if p.is_symlink() and not p.resolve().is_relative_to(root):
                skipped.append({"sha256": None, "source_file": rel,
                                "warning": f"{rel}: symlink to {os.readlink(p)} leads out of {src}: not followed"})
                continue
            found.append(rel)
    return sorted(found), skipped


def _prepare_cache(cache: Path, resume: bool) -> None:
    if cache.exists() and not (cache / CACHE_MARK).exists():
        raise MinshiError(f"{cache}: exists and is not a batch cache; choose another -o")
    if cache.exists() and not resume:
        shutil.rmtree(cache)
    cache.mkdir(parents=True, exist_ok=True)
    (cache / CACHE_MARK).write_text("minshi-extract batch cache: one contract JSON per notice\n")
    for tmp in cache.rglob(".*.tmp-*"):
        tmp.unlink()


def _cached(path: Path, sha: str) -> bool:
    """A cached notice counts when its file is unchanged and this version of the extractor wrote it."""
    try:
        source = json.loads(path.read_text(encoding="utf-8"))["source"]
    except (OSError, ValueError, KeyError, TypeError):
        return False
    return isinstance(source, dict) and source.get("sha256") == sha and source.get("extractor") == EXTRACTOR


def _save(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    tmp.write_text(text + "\n", encoding="utf-8")
    os.replace(tmp, path)


def _work(path: str, rel: str, max_bytes: int) -> Converted:
    """One file in a worker: read it and convert it; never raises."""
    try:
        data = read_capped(path, max_bytes)  # a FIFO or device is refused without blocking
    except InputError as exc:
        return Converted(rel, "", error=type(exc).__name__, reason=str(exc))
    return convert.convert_one(data, path, rel, max_bytes)


def _quiet_worker() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent alone handles Ctrl-C


def _run(jobs: list[tuple[str, str]], n: int, max_bytes: int) -> Iterator[Converted]:
    """Converted results in completion order; at most 2*n files in flight."""
    if n <= 1:
        for path, rel in jobs:
            yield _work(path, rel, max_bytes)
        return
    pending = iter(jobs)
    with ProcessPoolExecutor(max_workers=n, initializer=_quiet_worker) as pool:
        running: dict[Future[Converted], str] = {}
        try:
            while True:
                while len(running) < 2 * n and (job := next(pending, None)):
                    running[pool.submit(_work, job[0], job[1], max_bytes)] = job[1]
                if not running:
                    return
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for fut in done:
                    rel = running.pop(fut)
                    try:
                        yield fut.result()
                    except Exception as exc:  # a worker that died (killed, out of memory)
                        yield Converted(rel, "", error="internal error",
                                        reason=f"{rel}: worker failed: {type(exc).__name__}: {exc}")
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise


class _Progress:
    """N/M, rate and ETA on a terminal (tqdm); nothing when stderr is not a TTY or with --quiet."""

    def __init__(self, total: int, quiet: bool) -> None:
        self.quiet = quiet
        self.bar = None
        if not quiet and sys.stderr.isatty():
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="notice", file=sys.stderr, dynamic_ncols=True)

    def update(self) -> None:
        if self.bar is not None:
            self.bar.update(1)

    def note(self, msg: str) -> None:
        if self.quiet:
            return
        if self.bar is not None:
            self.bar.write(msg, file=sys.stderr)
        else:
            print(msg, file=sys.stderr)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def run_batch(opts: BatchOptions) -> BatchResult:
    if not opts.src.is_dir():
        raise MinshiError(f"{opts.src}: not a directory")
    if format_of(opts.out) is None and opts.out.exists() and not opts.out.is_dir():
        raise MinshiError(f"{opts.out}: a file, not a directory; name a .csv, .xlsx or .parquet file or a directory")
    if "parquet" in opts.formats:
        _pyarrow()  # a missing extra fails now, not after the whole folder is converted
    cache = cache_dir(opts.out)
    files, skipped = find_notices(opts.src, skip=cache.resolve())
    if not files:
        raise MinshiError(f"{opts.src}: no notice files (.txt .pdf .html .docx)")
    # a directory may hold the tables of an earlier run in any format; a file name only its own
    remove_dataset(opts.out, FORMATS if format_of(opts.out) is None else opts.formats)
    _prepare_cache(cache, opts.resume)
    wanted = {cache / f"{rel}.json" for rel in files}
    for old in cache.rglob("*.json"):
        if old not in wanted:
            old.unlink()  # a notice no longer in the folder
    todo: list[tuple[str, str]] = []
    reused = 0
    for rel in files:
        src = opts.src / rel
        if opts.resume and _cached(cache / f"{rel}.json", _sha(src, opts.max_bytes)):
            reused += 1
        else:
            todo.append((str(src), rel))
    bar = _Progress(len(todo), opts.quiet)
    errors: list[Converted] = []
    try:
        for res in _run(todo, opts.jobs, opts.max_bytes):
            target = cache / f"{res.source_file}.json"
            if res.notice_json is None:
                target.unlink(missing_ok=True)
                errors.append(res)
                bar.note(f"failed: {res.reason}")
            else:
                _save(target, res.notice_json)
            bar.update()
    finally:
        bar.close()
    return _finish(opts, files, skipped, errors, reused)


def _sha(path: Path, max_bytes: int) -> str:
    try:
        return hashlib.sha256(read_capped(path, max_bytes)).hexdigest()
    except InputError:
        return ""


def _finish(opts: BatchOptions, files: list[str], skipped: list[Row], errors: list[Converted],
            reused: int) -> BatchResult:
    cache = cache_dir(opts.out)
    failed = {e.source_file: e for e in errors}
    per_file: list[Tables] = []
    for rel in files:  # folder order, whatever order the workers finished in
        if rel in failed:
            per_file.append(tables_of(failed[rel]))
            continue
        text = (cache / f"{rel}.json").read_text(encoding="utf-8")
        per_file.append(tables_of(Converted(rel, "", notice_json=text)))
    kept = per_file if opts.all_formats else drop_duplicates(per_file)
    tables = combine(kept)
    tables["warnings"] = skipped + tables["warnings"]
    result = BatchResult(tables, len(files), reused, len(per_file) - len(kept))
    for fmt in opts.formats:
        result.written.extend(write_dataset(tables, opts.out, fmt))
    return result


def summary(r: BatchResult) -> str:
    t = r.tables
    return (f"{len(t['notices'])} notices ({r.files} files, {r.reused} reused from an earlier run, "
            f"{r.duplicates} duplicates of a notice in another format dropped), "
            f"{len(t['programmes'])} programmes, {len(t['records'])} records, "
            f"{len(t['warnings'])} warnings, {r.failed} failed")
