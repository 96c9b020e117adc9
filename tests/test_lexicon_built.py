"""lexicon/built.json (the parsed YAML lexicons read at start-up) equals the YAML files."""

from __future__ import annotations

import json

import yaml

from minshi_extract import lexicon
from minshi_extract.rules.lexicon import load_yaml


def test_built_json_is_current():
    # rebuild with `python scripts/build_lexicon.py` after editing a lexicon/*.yaml
    assert lexicon.read_text(lexicon.BUILT) == lexicon.build()


def test_every_yaml_lexicon_is_built_from_its_file():
    names = lexicon.yaml_names()
    assert "categories.yaml" in names and "roles.yaml" in names
    for name in names:
        text = lexicon.read_text(name)
        found, data = lexicon.from_built(name, text)
        assert found, name
        # the data as PyYAML's pure-Python loader reads the file, independent of the build
        assert data == (yaml.load(text, Loader=yaml.SafeLoader) or {}), name


def test_an_edited_yaml_is_not_read_from_the_artefact():
    text = lexicon.read_text("roles.yaml")
    assert lexicon.from_built("roles.yaml", text + "\n# edited\n") == (False, None)
    assert lexicon.from_built("no-such.yaml", "") == (False, None)


def test_load_reads_the_yaml_when_the_artefact_is_stale(monkeypatch):
    monkeypatch.setattr(lexicon, "read_text", lambda name: "labels:\n  牵头单位: lead\n")
    assert lexicon.load("roles.yaml") == {"labels": {"牵头单位": "lead"}}


def test_a_damaged_artefact_is_ignored(monkeypatch):
    lexicon._built.cache_clear()
    try:
        monkeypatch.setattr(lexicon, "read_text", lambda name: "{not json" if name == lexicon.BUILT else "a: 1\n")
        assert lexicon.load("x.yaml") == {"a": 1}
    finally:
        monkeypatch.undo()
        lexicon._built.cache_clear()


def test_load_yaml_is_the_built_data():
    built = json.loads(lexicon.read_text(lexicon.BUILT))["files"]
    assert load_yaml("section_kinds.yaml") == built["section_kinds.yaml"]["data"]
    assert load_yaml("roles.yaml")["labels"]["牵头单位"] == "lead"
