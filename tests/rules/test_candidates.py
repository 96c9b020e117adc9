"""The candidates pass (issue 14): each gate is a necessary condition of its line rule, so a line
that fails a gate would have given no record of that rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from minshi_extract.normalize import normalize
from minshi_extract.pipeline import _gated_line_rules, _lines
from minshi_extract.rules.candidates import Candidates, holds
from minshi_extract.rules.context import Context

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
# the founding notice and some variants of other layouts (news items, tables, run-in steps)
NOTICES = [CORPUS / "wuwei_2025.txt", *sorted((CORPUS / "variants").glob("*.txt"))[:6]]


def _gate(text: str, name: str, a: int, b: int) -> bool:
    return holds(Candidates(text).starts(name), a, b)


def test_gates_on_written_lines() -> None:
    text = "补助标准每人每月1500元\n新增学位1080个\n牵头单位:市教育局\n4月底前完成\n接种率达到95%\n按照5:3:2分担"
    lines = text.split("\n")
    at = [text.index(ln) for ln in lines]
    span = [(a, a + len(ln)) for a, ln in zip(at, lines, strict=True)]
    assert [_gate(text, "money", *s) for s in span] == [True, False, False, False, False, False]
    assert [_gate(text, "quantity", *s) for s in span][:2] == [False, True]
    assert [_gate(text, "responsibility", *s) for s in span][2] is True
    assert [_gate(text, "deadline", *s) for s in span] == [True, False, False, True, False, False]
    assert [_gate(text, "percentage", *s) for s in span] == [False, False, False, False, True, False]
    assert [_gate(text, "ratio", *s) for s in span] == [False, False, True, False, False, True]


def test_a_year_alone_opens_no_deadline_gate_but_the_phase_gate() -> None:
    text = "2022—2026年"
    assert not _gate(text, "deadline", 0, len(text))
    assert _gate(text, "date", 0, len(text))


def test_the_first_is_lead_note_is_found() -> None:
    text = "一、目标任务\n(列第一位者为牵头单位)\n"
    starts = Candidates(text).starts("note")
    assert list(starts) == [text.index("列第一位者")]


@pytest.mark.parametrize("path", NOTICES, ids=[p.name for p in NOTICES])
def test_no_rule_finds_a_record_where_its_gate_is_closed(path: Path) -> None:
    text, _ = normalize(path.read_text(encoding="utf-8"))
    cand = Candidates(text)
    # the most permissive context: every rule may fire (phases need a steps section or a heading)
    ctx = Context(year=2025, in_steps=True, is_heading=True, first_is_lead=True)
    closed = 0
    for a, b in _lines(text, 0, len(text)):
        line = text[a:b]
        for rule, name in _gated_line_rules():
            if holds(cand.starts(name), a, b):
                continue
            closed += 1
            assert rule(line, a, ctx) == [], (rule.__name__, line)
    assert closed > 0


def test_the_responsibility_gate_is_a_label_or_a_line_ending_bracket() -> None:
    lines = [
        "牵头单位:市教育局",  # a label
        "(牵头单位:县人社局;配合单位:县财政局)",  # a label after a bracket
        "新增学位2600个(县人社局、县财政局)。",  # a trailing unit bracket, then a full stop
        "时间安排:2025年12月底前",  # a colon, but no role label
        "(一)目标任务(4月底前)完成建设",  # brackets, none at the line end
    ]
    text = "\n".join(lines)
    cand = Candidates(text)
    spans = [(text.index(ln), text.index(ln) + len(ln)) for ln in lines]
    assert [holds(cand.starts("responsibility"), a, b) for a, b in spans] == [True, True, True, False, False]


def test_all_gates_of_a_line_at_once_match_each_gate() -> None:
    text, _ = normalize((CORPUS / "wuwei_2025.txt").read_text(encoding="utf-8"))
    cand = Candidates(text)
    names = [name for _, name in _gated_line_rules()] + ["note"]
    for a, b in _lines(text, 0, len(text)):
        gates = cand.gates(a, b)
        assert {n for n in names if gates & cand.bits[n]} == {n for n in names if holds(cand.starts(n), a, b)}


@pytest.mark.parametrize("path", NOTICES, ids=[p.name for p in NOTICES])
def test_quantities_from_the_whole_text_scan_are_the_line_scan_ones(path: Path) -> None:
    from minshi_extract.rules.quantity import find_quantities

    text, _ = normalize(path.read_text(encoding="utf-8"))
    cand = Candidates(text)
    ctx = Context(year=2025)
    found = 0
    for a, b in _lines(text, 0, len(text)):
        line = text[a:b]
        mine = find_quantities(line, a, ctx, cand.quantities.between(a, b))
        assert [r.model_dump() for r in mine] == [r.model_dump() for r in find_quantities(line, a, ctx)], line
        found += len(mine)
    assert found > 0


@pytest.mark.parametrize("path", NOTICES, ids=[p.name for p in NOTICES])
def test_label_starts_read_back_from_colons_hold_every_label_match(path: Path) -> None:
    from minshi_extract.rules.candidates import _label_starts
    from minshi_extract.rules.responsibility import label_pattern

    text, _ = normalize(path.read_text(encoding="utf-8"))
    starts = set(_label_starts(text))
    matches = [m.start() for m in label_pattern().finditer(text, overlapped=True)]
    assert [s for s in matches if s not in starts] == []


def test_label_starts_of_written_labels() -> None:
    text = "一、责任分工\n牵头单位:市教育局\n配合单位 :市财政局\n责任单位是市民政局"
    assert _label_starts_of(text) == [text.index("牵头单位"), text.index("配合单位")]


def _label_starts_of(text: str) -> list[int]:
    from minshi_extract.rules.candidates import _label_starts

    return sorted(_label_starts(text))


def test_the_kept_quantity_matches_read_back_as_the_pattern_reads_them() -> None:
    from minshi_extract.rules.candidates import Matches
    from minshi_extract.rules.quantity import QUANTITY_RE, Found

    text = (CORPUS / "wuwei_2025.txt").read_text(encoding="utf-8")
    kept = Matches(text, QUANTITY_RE.finditer(text))
    found = [Found.of(m, m.start()) for m in QUANTITY_RE.finditer(text)]
    assert len(found) > 100
    assert [kept.between(m.start(), m.start() + 1)[0] for m in QUANTITY_RE.finditer(text)] == found


def test_a_year_or_a_date_opens_no_quantity_gate_but_a_duration_does() -> None:
    lines = ["2025年3月15日前完成", "3年内完成", "下发后1月内办结", "2025年起"]
    text = "\n".join(lines)
    spans = [(text.index(ln), text.index(ln) + len(ln)) for ln in lines]
    assert [_gate(text, "quantity", a, b) for a, b in spans] == [False, True, True, False]


def test_word_occurrences_are_each_start_once() -> None:
    from minshi_extract.rules.candidates import _WORDS, _occurrences

    text = "年底前全年完成,上半年"
    assert sorted(_occurrences(text, _WORDS["deadline"])) == [0, 3, 9]
    assert sorted(_occurrences(text, ("年", "年底"))) == [0, 4, 10]
