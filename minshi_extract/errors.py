"""Errors a user can act on: the CLI prints them as one line and exits 2 (exit 3 is a real bug)."""


class MinshiError(Exception):
    """Base of every error the toolkit raises on bad input."""


class InputError(MinshiError):
    """A notice file that cannot be read: missing, empty, binary, scanned, encrypted, too large."""


class LimitError(InputError):
    """A notice over a resource limit: bytes, decompressed bytes, pages, glyphs, nesting, lines."""


class BudgetError(InputError):
    """A notice that did not finish within the whole-document time budget (`--timeout`)."""


class OutputError(MinshiError):
    """An output path that cannot be written: read-only, a directory, the input itself, disk full."""


class GoldError(MinshiError):
    """A gold file that is not valid JSON or breaks the contract."""
