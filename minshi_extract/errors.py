"""Errors a user can act on: the CLI prints them as one line and exits non-zero."""


class MinshiError(Exception):
    """Base of every error the toolkit raises on bad input."""


class InputError(MinshiError):
    """A notice file that cannot be read: missing, empty, binary, scanned, encrypted, too large."""


class GoldError(MinshiError):
    """A gold file that is not valid JSON or breaks the contract."""
