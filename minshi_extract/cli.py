"""minshi-extract extract | eval | show | batch."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import __version__
from .errors import MinshiError
from .ingest import DEFAULT_MAX_BYTES

_NOTICE_SUFFIXES = {".txt", ".pdf", ".html", ".htm", ".docx", ".doc", ".wps"}


def _write(out: str | None, content: str) -> None:
    if out:
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        Path(out).write_text(content if content.endswith("\n") else content + "\n", encoding="utf-8")
    else:
        sys.stdout.write(content if content.endswith("\n") else content + "\n")


def _progress(done: int, total: int) -> None:
    tty = sys.stderr.isatty()  # a terminal: one line rewritten; a log: the last count only
    if tty or done == total:
        print(f"\rOCR: {done}/{total} pages", end="\n" if done == total else "", file=sys.stderr, flush=True)


def _ocr_kw(args: argparse.Namespace) -> dict:
    """--ocr / -j, and OCR progress on stderr, for extract()."""
    return {"ocr": args.ocr, "jobs": args.jobs, "progress": _progress}


def cmd_extract(args: argparse.Namespace) -> int:
    from .export import to_csv, to_json, to_tree
    from .pipeline import extract

    notice = extract(args.file, max_bytes=args.max_bytes, **_ocr_kw(args))
    if args.format == "json":
        _write(args.output, to_json(notice))
    elif args.format == "csv":
        _write(args.output, to_csv([notice]))
    else:
        _write(args.output, to_tree(notice))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from .pipeline import extract
    from .render import render_html

    notice = extract(args.file, max_bytes=args.max_bytes, **_ocr_kw(args))
    out = args.output or str(Path(args.file).with_suffix(".html").name)
    if Path(out).resolve() == Path(args.file).resolve():
        raise MinshiError(f"{out}: refusing to overwrite the input file; pass -o")
    _write(out, render_html(notice))
    print(f"wrote {out}")
    return 0


def cmd_batch(args: argparse.Namespace) -> int:
    from .export import to_csv, to_json
    from .pipeline import extract

    src = Path(args.dir)
    if not src.is_dir():
        raise MinshiError(f"{src}: not a directory")
    files = sorted(p for p in src.rglob("*") if p.is_file() and p.suffix.lower() in _NOTICE_SUFFIXES)
    if not files:
        raise MinshiError(f"{src}: no notice files (.txt .pdf .html .docx)")
    outdir = Path(args.output)
    outdir.mkdir(parents=True, exist_ok=True)
    notices = []
    failed = 0
    for f in files:
        try:
            n = extract(f, max_bytes=args.max_bytes, **_ocr_kw(args))
        except MinshiError as exc:
            print(f"skipped: {exc}", file=sys.stderr)
            failed += 1
            continue
        notices.append(n)
        rel = f.relative_to(src).with_name(f.name + ".json")  # x.txt and x.pdf both kept
        (outdir / rel).parent.mkdir(parents=True, exist_ok=True)
        (outdir / rel).write_text(to_json(n) + "\n", encoding="utf-8")
        print(f"{f}: {len(n.programmes)} programmes, {len(n.all_records())} records")
    (outdir / "records.csv").write_text(to_csv(notices), encoding="utf-8")
    print(f"wrote {len(notices)} notices to {outdir} (records.csv has every record); {failed} skipped")
    return 1 if failed and not notices else 0


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
        sp.add_argument("--ocr", choices=["auto", "always", "never"], default="auto",
                        help="OCR scanned pages: auto (pages without a text layer, and image files), always, never")
        sp.add_argument("-j", "--jobs", type=int, default=1, help="pages OCR'd at once (default 1)")

    e = sub.add_parser("extract", help="extract one notice (text, PDF, HTML, .docx)")
    e.add_argument("file")
    e.add_argument("--format", choices=["json", "tree", "csv"], default="json")
    e.add_argument("-o", "--output")
    add_max(e)
    e.set_defaults(func=cmd_extract)

    s = sub.add_parser("show", help="write an HTML view of a notice with its records highlighted")
    s.add_argument("file")
    s.add_argument("-o", "--output")
    add_max(s)
    s.set_defaults(func=cmd_show)

    b = sub.add_parser("batch", help="extract every notice under a directory to JSON + one CSV")
    b.add_argument("dir")
    b.add_argument("-o", "--output", required=True)
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
