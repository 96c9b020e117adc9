"""spaCy integration: blank("zh") with the jieba segmenter and a `minshi_records` component.

    import spacy
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp.add_pipe("minshi_records")
    doc = nlp(text)
    doc.spans["minshi"]          # one labelled span per record
    span._.minshi_record         # the record as a plain dict (RECORDS.md fields)
    doc._.minshi_notice          # the notice's meta and programmes (id, title), a plain dict

Plain dicts, so a Doc keeps them through DocBin(store_user_data=True). spaCy is an optional extra:
pip install 'minshi-extract[spacy]'.

The rules run on the text, not on tokens (jieba splits `10040万元` into `10040|万元`), and
their character spans are mapped onto tokens with alignment_mode="expand".
"""

from __future__ import annotations

from typing import Any

SPANS_KEY = "minshi"


def _spacy() -> Any:
    try:
        import spacy
    except ImportError:
        from .errors import MinshiError

        raise MinshiError("the spaCy component needs spaCy: pip install 'minshi-extract[spacy]'") from None
    return spacy


def blank_zh() -> Any:
    """A blank Chinese pipeline with the jieba segmenter (no model download)."""
    spacy = _spacy()

    return spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})


class MinshiRecords:
    """Pipeline component: extract records from doc.text and store them as doc.spans[SPANS_KEY]."""

    def __init__(self, nlp: Any, name: str, spans_key: str = SPANS_KEY) -> None:
        from spacy.tokens import Doc, Span

        self.name = name
        self.spans_key = spans_key
        if not Span.has_extension("minshi_record"):
            Span.set_extension("minshi_record", default=None)
        if not Doc.has_extension("minshi_notice"):
            Doc.set_extension("minshi_notice", default=None)

    def __call__(self, doc: Any) -> Any:
        from .pipeline import extract_text

        notice = extract_text(doc.text)
        spans = []
        # normalisation keeps one character per raw character except blanks at line ends,
        # so map through the notice's own text when it differs from the doc's
        offsets = _offset_map(doc.text, notice.text)
        for rec in notice.all_records():
            s, e = offsets(rec.span[0]), offsets(rec.span[1] - 1) + 1
            span = doc.char_span(s, e, label=rec.type, alignment_mode="expand")
            if span is None:
                continue
            span._.minshi_record = rec.model_dump(mode="json")
            spans.append(span)
        doc.spans[self.spans_key] = spans
        doc._.minshi_notice = {
            "schema_version": notice.schema_version,
            "meta": notice.meta.model_dump(mode="json"),
            "programmes": [{"id": p.id, "title": p.title} for p in notice.programmes],
            "warnings": list(notice.warnings),
        }
        return doc


def _offset_map(raw: str, norm: str):
    if raw == norm:
        return lambda i: i
    from .normalize import normalize

    _, offsets = normalize(raw)
    return lambda i: offsets[min(i, len(offsets) - 1)] if len(offsets) else 0


def make_minshi_records(nlp: Any, name: str, spans_key: str = SPANS_KEY) -> MinshiRecords:
    return MinshiRecords(nlp, name, spans_key)


def _register() -> None:
    _spacy()
    from spacy.language import Language

    if "minshi_records" not in Language.factories:
        Language.factory("minshi_records", default_config={"spans_key": SPANS_KEY})(make_minshi_records)


_register()
