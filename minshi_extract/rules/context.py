"""What a rule knows about where its text sits: the notice year and the section."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Context:
    year: int | None = None  # the notice year (Meta.year); dates without a year take it
    programme_id: str | None = None
    part: int | None = None
    section: str | None = None  # marker+title path, e.g. "三、实施步骤 > (一)准备阶段(1—2月)"
    kind: str | None = None  # kind of the innermost section (targets, funding, steps, ...)
    in_steps: bool = False  # inside a 实施步骤-kind section
    is_heading: bool = False  # the text is a heading line (marker + title)
    # an earlier line said 列第一位者为牵头单位: the first unit of each list leads
    first_is_lead: bool = False
