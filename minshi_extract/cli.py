"""minshi-extract extract | eval | show | batch."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import __version__
from .errors import MinshiError
from .ingest import DEFAULT_MAX_BYTES


def _write(out: str | None, content: str) -> None:
    if out:
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        Path(out).write_text(content if content.endswith("\n") else content + "\n", encoding="utf-8")
    else:
        sys.stdout.write(content if content.endswith("\n") else content + "\n")


_EXTRACT_SUFFIXES = {".json": "json", ".txt": "tree"}


def _extract_format(args: argparse.Namespace) -> str:
    """--format, else -o's suffix (.json .txt .csv .xlsx .parquet), else json; never a silent guess."""
    from .dataset.writers import FORMATS, format_of

    if args.output and Path(args.output).suffix.lower() in _EXTRACT_SUFFIXES:
        by_suffix: str | None = _EXTRACT_SUFFIXES[Path(args.output).suffix.lower()]
    elif args.output:
        by_suffix = format_of(args.output)
        if by_suffix is None:
            raise MinshiError(f"-o {args.output}: name a file (.json .txt .csv .xlsx .parquet)")
    else:
        by_suffix = None
    fmt = args.format or by_suffix or "json"
    if fmt in ("xlsx", "parquet") and not args.output:
        raise MinshiError(f"--format {fmt} writes a binary file: pass -o FILE.{fmt}")
    if args.format and by_suffix and by_suffix != args.format and by_suffix in FORMATS:
        raise MinshiError(f"-o {args.output} names a .{by_suffix} file but --format says {args.format}")
    return fmt


def cmd_extract(args: argparse.Namespace) -> int:
    from .export import to_json, to_tree
    from .pipeline import extract

    fmt = _extract_format(args)
    notice = extract(args.file, max_bytes=args.max_bytes)
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
        _write(args.output, to_json(notice))
    else:
        _write(args.output, to_tree(notice))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from .pipeline import extract
    from .render import render_html

    notice = extract(args.file, max_bytes=args.max_bytes)
    out = args.output or str(Path(args.file).with_suffix(".html").name)
    if Path(out).resolve() == Path(args.file).resolve():
        raise MinshiError(f"{out}: refusing to overwrite the input file; pass -o")
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
        variants = [s for s in per if "/" in s.name]
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
    if args.min_grounding is not None and total.grounding < args.min_grounding:
        print(f"FAIL: grounding {total.grounding:.4f} below {args.min_grounding}", file=sys.stderr)
        return 1
    return 0


def _agreement_gate(total, gate: str) -> str | None:
    """`quantity.item.lenient=0.9` -> a failure message when that agreement is below 0.9."""
    name, _, value = gate.partition("=")
    key, _, measure = name.rpartition(".")
    counts = total.fields.counts.get(key)
    if counts is None or measure not in ("exact", "lenient") or not value:
        raise MinshiError(f"--min-agreement {gate!r}: expected TYPE.FIELD.(exact|lenient)=X, "
                          f"TYPE.FIELD one of {', '.join(total.fields.counts)}")
    got = counts.exact_rate if measure == "exact" else counts.lenient_rate
    return f"{name} {got:.4f} below {value}" if got < float(value) else None


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="minshi-extract", description=__doc__)
    p.add_argument("--version", action="version", version=f"minshi-extract {__version__}")
    p.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    sub = p.add_subparsers(dest="command", required=True)

    def add_max(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES,
                        help=f"refuse files larger than this (default {DEFAULT_MAX_BYTES})")

    e = sub.add_parser("extract", help="extract one notice (text, PDF, HTML, .docx)")
    e.add_argument("file")
    e.add_argument("--format", choices=["json", "tree", "csv", "xlsx", "parquet"],
                   help="default: by -o's suffix (.json .txt .csv .xlsx .parquet), else json; csv, xlsx "
                        "and parquet write the dataset tables (records, notices, programmes, ...)")
    e.add_argument("-o", "--output")
    add_max(e)
    e.set_defaults(func=cmd_extract)

    s = sub.add_parser("show", help="write an HTML view of a notice with its records highlighted")
    s.add_argument("file")
    s.add_argument("-o", "--output")
    add_max(s)
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

    v = sub.add_parser("eval", help="score the extractor against the gold set")
    v.add_argument("--gold", default="gold")
    v.add_argument("--corpus", default="corpus")
    v.add_argument("--notice", help="only gold files whose name matches this glob (e.g. 'variants/*')")
    v.add_argument("--json", help="also write the scores as JSON here")
    v.add_argument("--errors", action="store_true", help="list every missed and spurious record")
    v.add_argument("--programmes", action="store_true", help="per-programme rows for every notice")
    v.add_argument("--min-f1", type=float, help="exit 1 when micro F1 is below this")
    v.add_argument("--min-grounding", type=float, help="exit 1 when grounding is below this")
    v.add_argument("--min-agreement", action="append", metavar="TYPE.FIELD.MEASURE=X",
                   help="exit 1 when a meaning field agrees less, e.g. quantity.item.lenient=0.9 (repeatable)")
    v.set_defaults(func=cmd_eval)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
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
