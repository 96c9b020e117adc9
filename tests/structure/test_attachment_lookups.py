"""The lookups attachment ownership makes for every block (issue 14: linear in long documents),
checked against what a pass over every title or programme would answer."""

from __future__ import annotations

from minshi_extract.models import Programme
from minshi_extract.structure import _Programmes
from minshi_extract.structure.attachments import Reference, _Wanted
from minshi_extract.structure.lines import split_lines


def _refs(*titles: str) -> list[Reference]:
    line = split_lines("附件:\n")[0]
    return [Reference(title=t, number=k + 1, line=line) for k, t in enumerate(titles)]


def test_wanted_titles_answer_as_a_pass_over_them() -> None:
    wanted = _Wanted(_refs("农村清洁取暖改造任务分解表", "农村清洁取暖", "城镇老旧小区 改造清单"))
    assert "农村清洁取暖" in wanted and "城镇老旧小区改造清单" in wanted  # titles compacted
    assert "农村清洁" not in wanted
    assert wanted.prefixed("农村清洁") and wanted.prefixed("城镇老旧") and not wanted.prefixed("城乡")
    # another title goes on after `农村清洁取暖`; none after the whole `…任务分解表`
    assert wanted.longer("农村清洁取暖") and not wanted.longer("农村清洁取暖改造任务分解表")
    assert not _Wanted([]).prefixed("附件") and not _Wanted([]).longer("")


def _prog(pid: str, title: str, start: int) -> Programme:
    return Programme(id=pid, title=title, span=(start, start + 10))


def test_the_programme_sharing_most_title_words_wins_only_when_ahead() -> None:
    progs = [_prog("P01", "农村清洁取暖改造工程实施方案", 0), _prog("P02", "城镇老旧小区改造实施方案", 20),
             _prog("P03", "农村公路建设实施方案", 40)]
    index = _Programmes(progs, "x" * 60, None)
    assert index.by_title("2026年农村清洁取暖改造任务分解表").id == "P01"  # type: ignore[union-attr]
    assert index.by_title("老旧小区改造任务表").id == "P02"  # type: ignore[union-attr]
    assert index.by_title("农村任务分解表") is None  # 农村 alone: one bigram, P01 and P03 tie
    assert index.by_title("医疗机构名单") is None
    assert index.before(25).id == "P02" and index.before(0).id == "P01"  # type: ignore[union-attr]
    assert index.before(-1) is None
