"""Loading the YAML lexicons: once per process, with libyaml's C loader when PyYAML has it
(the pure-Python loader was a third of the first extraction's start-up)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any


@cache
def load_yaml(name: str) -> Any:
    """lexicon/<name> parsed (shared: callers must not modify it); {} for an empty file."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    text = resources.files("minshi_extract.lexicon").joinpath(name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=loader) or {}
