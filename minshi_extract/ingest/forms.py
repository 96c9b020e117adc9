"""A form laid out as a table (项目名称 | … / 牵头单位 | 市商务局 / 配合单位 | …: a label a row, its value
beside it): read as `label:value` lines by the .docx and the PDF readers alike."""

from __future__ import annotations

from ..rules.lexicon import load_yaml


def form_text(rows: list[list[str]]) -> str | None:
    """A form (项目名称 | … / 牵头单位 | 市商务局 / 配合单位 | …: a label a row, its value beside it, a role
    label among them) as `label:value` lines, so a value reads as what its label says; a value of
    several lines (a table nested in it, a label cell merged down over rows of values) stays below its
    label. None for any other table."""
    if len(rows) < 3 or any(len([c for c in r if c]) > 2 for r in rows):
        return None
    pairs: list[tuple[str, list[str]]] = []
    for r in rows:
        cells = [c for c in r if c]
        if len(r) >= 2 and not r[0] and len(cells) == 1 and pairs:
            pairs[-1][1].append(cells[0])  # 任务分解 merged down: one more line of its value
            continue
        label, value = [*cells, "", ""][:2]
        pairs.append((label, [value] if value else []))
    labels = [label for label, _ in pairs]
    if any(len(x) > 10 or any(ch.isdigit() for ch in x) for x in labels):
        return None
    roles = load_yaml("roles.yaml").get("labels") or {}
    if not any(x in roles for x in labels):
        return None
    out = []
    for label, values in pairs:
        value = "\n".join(values)
        out.append(f"{label}:{value}" if value and "\n" not in value else f"{label}\n\n{value}".rstrip())
    return "\n\n".join(out)
