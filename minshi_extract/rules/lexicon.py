"""Loading the YAML lexicons: once per process, from the built artefact lexicon/built.json when it
matches the YAML file (start-up, issue 14), else parsed with libyaml's C loader."""

from __future__ import annotations

from functools import cache
from typing import Any

from .. import lexicon


@cache
def load_yaml(name: str) -> Any:
    """lexicon/<name> parsed (shared: callers must not modify it); {} for an empty file."""
    return lexicon.load(name)
