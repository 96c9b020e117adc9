"""The lexicon data files, and `built.json`: every YAML lexicon parsed, made by
`python scripts/build_lexicon.py` (issue 14: start-up).

Parsing the YAML files cost ~20 ms of every process's first extraction (PyYAML's import, and its
resolver and constructor run in Python even with the C loader); the same data read as JSON takes
well under a millisecond. An entry is used only while its YAML file has the SHA-256 it was built
from: a lexicon edited without rebuilding is parsed from the YAML as before (slower, never stale),
and `tests/test_lexicon_built.py` fails until the artefact is rebuilt.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from importlib import resources
from typing import Any

BUILT = "built.json"
FORMAT = 1


def read_text(name: str) -> str:
    """lexicon/<name> as text."""
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


def yaml_names() -> list[str]:
    """The YAML lexicons, sorted."""
    return sorted(p.name for p in resources.files(__name__).iterdir() if p.name.endswith(".yaml"))


def parse_yaml(text: str) -> Any:
    """A YAML lexicon's data, with libyaml's C loader when PyYAML has it; {} for an empty file."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(text, Loader=loader) or {}


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def build() -> str:
    """The text of built.json: every YAML lexicon's SHA-256 and parsed data, in name order."""
    files = {}
    for name in yaml_names():
        text = read_text(name)
        files[name] = {"sha256": digest(text), "data": parse_yaml(text)}
    return json.dumps({"format": FORMAT, "files": files}, ensure_ascii=False, indent=1) + "\n"


@cache
def _built() -> dict[str, Any]:
    try:
        doc = json.loads(read_text(BUILT))
    except (OSError, ValueError):  # not built (a source checkout before the script ran) or damaged
        return {}
    files = doc.get("files") if isinstance(doc, dict) and doc.get("format") == FORMAT else None
    return files if isinstance(files, dict) else {}


def from_built(name: str, text: str) -> tuple[bool, Any]:
    """(True, data) when built.json has `name` built from exactly `text`; else (False, None)."""
    entry = _built().get(name)
    if isinstance(entry, dict) and entry.get("sha256") == digest(text) and "data" in entry:
        return True, entry["data"]
    return False, None


def load(name: str) -> Any:
    """lexicon/<name> (a YAML file) parsed: from built.json when it is current, else from the YAML."""
    text = read_text(name)
    found, data = from_built(name, text)
    return data if found else parse_yaml(text)
