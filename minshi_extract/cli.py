"""minshi-extract extract | eval | show | batch | compare | summary."""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
from collections.abc import Iterable
from itertools import chain
from pathlib import Path

from . import __version__
from .errors import MinshiError
from .ingest import DEFAULT_MAX_BYTES
from .limits import DEFAULT_TIMEOUT


def _write(out: str | None, content: str) -> None:
    _write_pieces(out, [content if content.endswith("\n") else content + "\n"])


def _write_pieces(out: str | None, pieces: Iterable[str]) -> None:
    """Write text made in pieces (a big notice's JSON) as it comes: to `out`, else to stdout."""
    from .outfiles import write_atomic

    if out:
        write_atomic(out, pieces)
    else:
        for piece in pieces:
            sys.stdout.write(piece)


_EXTRACT_SUFFIXES = {".json": "json", ".txt": "tree"}


def _extract_format(args: argparse.Namespace) -> str:
    """--format, else -o's suffix (.json .txt .csv .xlsx .parquet), else json; never a silent guess."""
    if not args.output and args.format in (None, "json", "tree"):  # the dataset writers not imported
        return args.format or "json"
    from .dataset.writers import FORMATS, format_of

    if args.output and Path(args.output).suffix.lower() in _EXTRACT_SUFFIXES:
        by_suffix: str | None = _EXTRACT_SUFFIXES[Path(args.output).suffix.lower()]
    elif args.output:
        by_suffix = format_of(args.output)
        if by_suffix is None and not args.format:  # an explicit --format names the format itself
            raise MinshiError(f"-o {args.output}: name a file (.json .txt .csv .xlsx .parquet)")
    else:
        by_suffix = None
    fmt = args.format or by_suffix or "json"
    if fmt in ("xlsx", "parquet") and not args.output:
        raise MinshiError(f"--format {fmt} writes a binary file: pass -o FILE.{fmt}")
    if args.format and by_suffix and by_suffix != args.format and by_suffix in FORMATS:
        raise MinshiError(f"-o {args.output} names a .{by_suffix} file but --format says {args.format}")
    return fmt


def _progress(done: int, total: int) -> None:
    tty = sys.stderr.isatty()  # a terminal: one line rewritten; a log: the last count only
    if tty or done == total:
        print(f"\rOCR: {done}/{total} pages", end="\n" if done == total else "", file=sys.stderr, flush=True)


def _ocr_kw(args: argparse.Namespace) -> dict:
    """--ocr / -j, and OCR progress on stderr, for extract()."""
    return {"ocr": args.ocr, "jobs": args.jobs, "progress": _progress}


def cmd_extract(args: argparse.Namespace) -> int:
    from .export import iter_json, to_tree
    from .outfiles import check_target
    from .pipeline import extract

    fmt = _extract_format(args)
    if args.output:
        check_target(args.output, inputs=(args.file,), named=True)
    # a Path: a file name with a line break is still a file (a str with one is taken for the text)
    notice = extract(Path(args.file), max_bytes=args.max_bytes, timeout=args.timeout, **_ocr_kw(args))
    if fmt in ("csv", "xlsx", "parquet"):
        from .dataset.tables import notice_tables
        from .dataset.writers import table_csv, write_dataset

        tables = notice_tables(notice, notice.source.path or args.file)
        if fmt == "csv" and not args.output:
            _write(None, table_csv("records", tables["records"], bom=False))
        else:
            for path in write_dataset(tables, args.output, fmt):
                print(f"wrote {path}")
    elif fmt == "json":
        _write_pieces(args.output, chain(iter_json(notice), ["\n"]))
    else:
        _write(args.output, to_tree(notice))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from .outfiles import check_target
    from .pipeline import extract
    from .render import render_html

    out = args.output or str(Path(args.file).with_suffix(".html").name)
    check_target(out, inputs=(args.file,), named=bool(args.output), force=args.force)
    notice = extract(Path(args.file), max_bytes=args.max_bytes, timeout=args.timeout, **_ocr_kw(args))
    _write(out, render_html(notice))
    print(f"wrote {out}")
    return 0


def _dataset_formats(out: str, fmt: str | None) -> list[str]:
    from .dataset.writers import FORMATS, format_of

    by_suffix = format_of(out)
    wanted = list(FORMATS) if fmt == "all" else [f.strip() for f in (fmt or "").split(",") if f.strip()]
    bad = [f for f in wanted if f not in FORMATS]
    if bad:
        raise MinshiError(f"--format {fmt}: unknown format {bad[0]!r}; choose from {', '.join(FORMATS)} or all")
    if by_suffix is not None:
        if wanted and wanted != [by_suffix]:
            raise MinshiError(f"-o {out} names a .{by_suffix} file but --format says {fmt}")
        return [by_suffix]
    return wanted or ["csv"]


def cmd_batch(args: argparse.Namespace) -> int:
    from .dataset.runner import EXIT_SOME_FAILED, BatchOptions, run_batch, summary

    formats = _dataset_formats(args.output, args.format)
    opts = BatchOptions(src=Path(args.dir), out=Path(args.output), formats=formats, jobs=max(1, args.jobs),
                        resume=args.resume, all_formats=args.all_formats, quiet=args.quiet,
                        max_bytes=args.max_bytes)
    try:
        result = run_batch(opts)
    except KeyboardInterrupt:
        print("minshi-extract: interrupted; the notices converted so far are kept: "
              "run the same command with --resume to finish", file=sys.stderr)
        return 130
    if args.quiet:  # otherwise each failure was reported as it happened
        for err in result.tables["errors"]:
            print(f"failed: {err['reason']}", file=sys.stderr)
    print(summary(result))
    for path in result.written:
        print(f"wrote {path}")
    return EXIT_SOME_FAILED if result.failed else 0


def cmd_eval(args: argparse.Namespace) -> int:
    from .evaluate import evaluate, format_errors, format_score

    gold_dir, corpus_dir = Path(args.gold), Path(args.corpus)
    for d, what in ((gold_dir, "gold"), (corpus_dir, "corpus")):
        if not d.is_dir():
            raise MinshiError(f"{d}: {what} directory not found")
    total, per = evaluate(gold_dir, corpus_dir, args.notice)
    if not per:
        raise MinshiError(f"{gold_dir}: no gold files" + (f" matching {args.notice!r}" if args.notice else ""))
    for s in per:
        print(format_score(s, programmes=args.programmes or len(per) == 1))
        if args.errors:
            print(format_errors(s))
        print()
    if len(per) > 1:
        print(format_score(total, programmes=False))
        variants = [s for s in per if s.name.startswith("variants/")]
        if variants:
            from .evaluate import Score

            v = Score(name="variants")
            for s in variants:
                v.add(s)
            print()
            print(format_score(v, programmes=False))
    if args.json:
        _write(args.json, json.dumps({"all": total.as_dict(), "notices": [s.as_dict() for s in per]},
                                     ensure_ascii=False, indent=1))
    if args.min_f1 is not None and total.micro.f1 < args.min_f1:
        print(f"FAIL: micro F1 {total.micro.f1:.4f} below --min-f1 {args.min_f1}", file=sys.stderr)
        return 1
    for gate in args.min_agreement or []:
        failed = _agreement_gate(total, gate)
        if failed:
            print(f"FAIL: {failed}", file=sys.stderr)
            return 1
    if args.min_category_accuracy is not None and total.categories.accuracy < args.min_category_accuracy:
        print(f"FAIL: category accuracy {total.categories.accuracy:.4f} below {args.min_category_accuracy}",
              file=sys.stderr)
        return 1
    if args.min_grounding is not None and total.grounding < args.min_grounding:
        print(f"FAIL: grounding {total.grounding:.4f} below {args.min_grounding}", file=sys.stderr)
        return 1
    return 0


def _agreement_gate(total, gate: str) -> str | None:
    """`quantity.item.lenient=0.9` -> a failure message when that agreement is below 0.9;
    `part_of.f1=0.95`: the links of shares to their totals."""
    name, _, value = gate.partition("=")
    key, _, measure = name.rpartition(".")
    if key == "part_of" and measure in ("precision", "recall", "f1") and value:
        got = getattr(total.links, measure)
        return f"{name} {got:.4f} below {value}" if got < float(value) else None
    counts = total.fields.counts.get(key)
    if counts is None or measure not in ("exact", "lenient") or not value:
        raise MinshiError(f"--min-agreement {gate!r}: expected TYPE.FIELD.(exact|lenient)=X, "
                          f"TYPE.FIELD one of {', '.join(total.fields.counts)}; or part_of.(precision|recall|f1)=X")
    got = counts.exact_rate if measure == "exact" else counts.lenient_rate
    return f"{name} {got:.4f} below {value}" if got < float(value) else None


def cmd_compare(args: argparse.Namespace) -> int:
    from .compare import compare_notices, load_notice, to_json
    from .compare_view import compare_html, format_table

    old, new = load_notice(args.old), load_notice(args.new)
    cmp = compare_notices(old, new)
    if args.html:
        from .render import render_html

        _write(args.html, render_html(new, extra=compare_html(cmp)))
    _write(args.output, to_json(cmp) if args.json else format_table(cmp, all_rows=args.all))
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    from .compare import load_notice
    from .dataset.runner import NOTICE_SUFFIXES
    from .summary import summaries

    files: list[Path] = []
    for arg in args.paths:
        p = Path(arg)
        if p.is_dir():
            files += sorted(f for f in p.rglob("*")
                            if f.is_file() and f.suffix.lower() in NOTICE_SUFFIXES | {".json"})
        else:
            files.append(p)
    if not files:
        raise MinshiError(f"{' '.join(args.paths)}: no notice files")
    notices = []
    for f in files:
        try:
            notices.append(load_notice(f))
        except MinshiError as exc:  # like batch: one bad file does not stop a directory
            print(f"skipped: {exc}", file=sys.stderr)
    if not notices:
        raise MinshiError(f"{' '.join(args.paths)}: no readable notice")
    tables = summaries(notices)
    if args.csv:
        Path(args.csv).mkdir(parents=True, exist_ok=True)
        for name, df in tables.items():
            df.to_csv(Path(args.csv) / f"{name}.csv", index=name == "by_notice_category")
    names = [args.table] if args.table else [k for k in tables if k != "programmes"]
    _write(None, "\n\n".join(f"== {n}\n{tables[n].to_string()}" for n in names))
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="minshi-extract", description=__doc__)
    p.add_argument("--version", action="version", version=f"minshi-extract {__version__}")
    p.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    sub = p.add_subparsers(dest="command", required=True)

    def add_max(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES,
                        help=f"refuse files larger than this (default {DEFAULT_MAX_BYTES})")

    def add_ocr(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--ocr", choices=["auto", "always", "never"], default="auto",
                        help="OCR scanned pages: auto (pages without a text layer, and image files), always, never")
        sp.add_argument("-j", "--jobs", type=int, default=1, help="pages OCR'd at once (default 1)")

    def add_timeout(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT,
                        help=f"give up on a notice after this many CPU seconds (default {DEFAULT_TIMEOUT:g}; 0: never)")

    e = sub.add_parser("extract", help="extract one notice (text, PDF, HTML, .docx)")
    e.add_argument("file")
    e.add_argument("--format", choices=["json", "tree", "csv", "xlsx", "parquet"],
                   help="default: by -o's suffix (.json .txt .csv .xlsx .parquet), else json; csv, xlsx "
                        "and parquet write the dataset tables (records, notices, programmes, ...)")
    e.add_argument("-o", "--output", help="write here (atomically; never over the input file)")
    add_max(e)
    add_ocr(e)
    add_timeout(e)
    e.set_defaults(func=cmd_extract)

    s = sub.add_parser("show", help="write an HTML view of a notice with its records highlighted")
    s.add_argument("file")
    s.add_argument("-o", "--output", help="write here (default: the notice's name with .html, in this folder)")
    add_max(s)
    add_ocr(s)
    add_timeout(s)
    s.add_argument("--force", action="store_true",
                   help="replace an existing file at the default output path (a path named by -o is always replaced)")
    s.set_defaults(func=cmd_show)

    b = sub.add_parser(
        "batch", help="extract every notice under a directory into one dataset",
        description="Extract every notice under DIR into one dataset: tables notices, programmes, "
                    "records, warnings and errors, as CSV (UTF-8 with BOM), XLSX or Parquet.",
        epilog="exit status: 0 every file converted; 1 some files failed (the dataset holds the others "
               "and the errors table says why); 2 bad arguments or no notice files; 130 interrupted "
               "(what was converted is kept: rerun with --resume)")
    b.add_argument("dir")
    b.add_argument("-o", "--output", required=True,
                   help="a directory (tables inside it), or a file: x.parquet / x.csv (the records table, "
                        "the others beside it as x.notices.parquet ...) or x.xlsx (a sheet per table)")
    b.add_argument("--format", help="csv, xlsx, parquet, a comma list or all (default: by -o's suffix, "
                                    "else csv)")
    b.add_argument("-j", "--jobs", type=int, default=1, help="worker processes (default 1)")
    b.add_argument("--resume", action="store_true",
                   help="keep the notices an earlier run converted (same sha256) and do the rest")
    b.add_argument("--all-formats", action="store_true",
                   help="keep every file of a notice saved in several formats (default: one, text first)")
    b.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no line per failure")
    add_max(b)
    b.set_defaults(func=cmd_batch)

    c = sub.add_parser("compare", help="pair the programmes of two notices of one government and show changes")
    c.add_argument("old", help="the earlier notice (any readable format, or JSON written by extract)")
    c.add_argument("new")
    c.add_argument("--json", action="store_true", help="print the comparison as JSON")
    c.add_argument("--all", action="store_true", help="also list unchanged figures")
    c.add_argument("--html", help="also write the HTML view of NEW with the comparison section")
    c.add_argument("-o", "--output")
    c.set_defaults(func=cmd_compare)

    m = sub.add_parser("summary", help="programme counts and money by category, region, notice, year (pandas)")
    m.add_argument("paths", nargs="+", help="notice files, extract JSON files or directories")
    m.add_argument("--table", choices=["programmes", "by_category", "by_region", "by_notice_category",
                                       "by_year_category"], help="print only this table")
    m.add_argument("--csv", help="also write every table as CSV into this directory")
    m.set_defaults(func=cmd_summary)

    v = sub.add_parser("eval", help="score the extractor against the gold set")
    v.add_argument("--gold", default="gold")
    v.add_argument("--corpus", default="corpus")
    v.add_argument("--notice", help="only gold files whose name matches this glob (e.g. 'variants/*')")
    v.add_argument("--json", help="also write the scores as JSON here")
    v.add_argument("--errors", action="store_true", help="list every missed and spurious record")
    v.add_argument("--programmes", action="store_true", help="per-programme rows for every notice")
    v.add_argument("--min-f1", type=float, help="exit 1 when micro F1 is below this")
    v.add_argument("--min-grounding", type=float, help="exit 1 when grounding is below this")
    v.add_argument("--min-category-accuracy", type=float,
                   help="exit 1 when the primary category accuracy (gold/categories.json) is below this")
    v.add_argument("--min-agreement", action="append", metavar="TYPE.FIELD.MEASURE=X",
                   help="exit 1 when a meaning field agrees less, e.g. quantity.item.lenient=0.9, or the links of "
                        "shares to their totals, part_of.f1=0.95 (repeatable)")
    v.set_defaults(func=cmd_eval)
    return p


def _start(args: argparse.Namespace, command_line: bool) -> None:
    """The command line's process (main() without argv): import what a one-notice command runs
    with the garbage collector off, then freeze those objects (modules, classes, the pydantic
    models: they live as long as the process), so no collection scans them while they are built
    nor afterwards (issue 14: cold start, ~30 ms). Not when a program calls main(argv): its own
    objects are not frozen."""
    # this process builds only the project's models: no scan of every installed package's entry
    # points for pydantic plugins (start-up; a user's explicit setting wins)
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if not command_line or gc.get_freeze_count():
        return
    gc.disable()
    try:
        if args.func in (cmd_extract, cmd_show):
            from . import export, pipeline  # noqa: F401
        gc.freeze()
        from . import limits

        limits.HEAP_KEPT_FROZEN = True  # an extraction leaves it frozen (limits.gc_paused)
    finally:
        gc.enable()


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        _start(args, command_line=argv is None)
        return args.func(args)
    except MinshiError as exc:
        print(f"minshi-extract: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # never a traceback for a user; --debug shows it
        if args.debug:
            raise
        print(f"minshi-extract: internal error: {type(exc).__name__}: {exc} (run with --debug for details)",
              file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
