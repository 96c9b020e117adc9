"""Answers remembered for the document being read (the structure parser's per-line decisions, the
table reader's column kinds): a module of its own, so that any module can use it without importing
the structure parser."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import TypeVar

__all__ = ["new_document", "per_document"]

F = TypeVar("F", bound=Callable)
_PER_DOCUMENT: list = []


def per_document(fn: F) -> F:
    """Memoise a pure per-line decision (is_furniture, parse_marker, ...) for the document being
    parsed: the parser asks about the same line many times; `new_document` forgets all answers, so a
    cache never outgrows one notice and a benchmark never reads answers of an earlier run."""
    cached = cache(fn)
    _PER_DOCUMENT.append(cached)
    return cached  # type: ignore[return-value]


def new_document() -> None:
    """Forget the per-line answers of the previous document."""
    for fn in _PER_DOCUMENT:
        fn.cache_clear()
