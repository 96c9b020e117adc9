"""Clean-up that OCR of Chinese needs, and where the OCR confidence of each character ends up.

Every rule maps one character to one character (a figure keeps its length, a box keeps its
glyph) and fires only where the context makes the reading certain:
- `一` (the numeral one) between an Arabic digit (or 月/日) and a digit is a dash: `1一2月`, `5月一8月`;
- `。` / `·` between digits before a unit is a decimal point: `3。86亿元` -> `3.86亿元`;
- `O` / `o` inside a figure is a zero: `1O8O个` -> `1080个`;
- `l` / `I` / `|` inside a figure is a one: `2l个`, `l0万元` -> `21个`, `10万元`.
Full-width / half-width mix-ups (`，` / `,`, `（` / `(`, `：` / `:`, `１` / `1`) need nothing here:
normalize() maps both forms to one. Spaces between CJK characters never appear: the line is rebuilt
from the characters' boxes, and a blank is only set between two Latin letters or digits.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import regex as re

TIMEOUT = 1.0
LOW_CONFIDENCE = 0.7  # a figure with a character read below this is flagged

_UNIT = r"[万亿%‰元个人户所座名项处台套辆件次天米亩平吨千百十]"
_RULES: list[tuple[re.Pattern, str]] = [
    (re.compile(r"(?<=[\d月日])一(?=\d)"), "—"),
    (re.compile(r"(?<=\d)[-－–](?=\d{1,2}月)"), "—"),
    (re.compile(rf"(?<=\d)[。·](?=\d+{_UNIT})"), "."),
    (re.compile(rf"(?<=\d)[Oo](?=[\d.]|{_UNIT})|(?<![A-Za-z])[Oo](?=\d)"), "0"),
    (re.compile(rf"(?<=\d)[lI|](?=[\d.]|{_UNIT})|(?<![A-Za-z])[lI|](?=\d)"), "1"),
]


# `《3—4月)`, `〈12月20日前)`: Tesseract reads an opening `（` as `《` / `〈` / `\\`; one that closes
# with `)` before any other bracket is a `(` (a book title closes with `》`)
_OPEN = (re.compile(r"[《〈【\\](?=[^()（）《》〈〉【】\n]{0,40}[)）])"), "(")
# `(志)集中建设阶段`: Tesseract's chi_sim reads the heading number `(二)` as `(志)`; at the start
# of a line, before a heading, no other reading is possible
_TWO = (re.compile(r"(?<=^[(（])志(?=[)）])"), "二")
# `4:总结评估`: a numbered item's `4.` read as `4:` at the start of a line
_ITEM = (re.compile(r"(?<=^\d{1,2})[:：](?=\p{Han})"), ".")
# `三季度未前`, `11月未前`: `末` (end) read as its look-alike `未` (not) between a span of time and `前`
_END = (re.compile(r"(?<=季度|[年月旬])未(?=前(?![往来进]))"), "末")
# `牵头单位;市人社局`: the colon after a responsibility label read as `;` / `,`


@cache
def _label_colon() -> tuple[re.Pattern, str]:
    """The labels of lexicon/roles.yaml followed by `;` / `,` (a misread `：`)."""
    import yaml

    raw = resources.files("minshi_extract.lexicon").joinpath("roles.yaml").read_text("utf-8")
    labels = sorted((yaml.safe_load(raw).get("labels") or {}), key=len, reverse=True)
    alt = "|".join(re.escape(k) for k in labels)
    return re.compile(rf"(?<=(?:^|[(（])(?:{alt}))[;；,，.](?=\p{{Han}})"), ":"


def clean_line(text: str) -> str:
    """Apply the one-for-one OCR fixes to a line (the result has the same length)."""
    for _ in range(2):  # `1O8O` needs the second O after the first became 0
        for pattern, repl in [*_RULES, _OPEN, _ITEM, _TWO, _END, _label_colon()]:
            text = pattern.sub(repl, text, timeout=TIMEOUT)
    return text


def clean_joined(text: str) -> str:
    """The fixes that need the joined paragraph (a bracket opened on one line, closed on the next);
    the result has the same length."""
    return _OPEN[0].sub(_OPEN[1], text, timeout=TIMEOUT)


# `一3一`, `-5-`, `一&一`: a page number between dashes as OCR reads it (digits misread too)
PAGE_NUMBER = re.compile(r"^[一—\-－_~～]\s*[\w&$]{1,3}\s*[一—\-－_~～]$")


def clean_chars(chars: list[dict]) -> None:
    """Fix the characters of one OCR line in place (left to right)."""
    fixed = clean_line("".join(c["text"] for c in chars))
    for c, t in zip(chars, fixed, strict=True):
        c["text"] = t
    chars[:] = reshape(chars)


# The fixes that change a line's length (a character read as two, or lost):
# `3--9月`: a dash read as two hyphens, between digits
_DOUBLE_DASH = re.compile(r"(?<=\d)[-－]{2}(?=\d)")
# `〈(3—9月)`, `【〈县卫健委)`: an opening bracket read twice
_DOUBLE_OPEN = re.compile(r"[〈《【\\](?=[(（])|[〈【\\](?=[〈《【])")
# `验收阶段12月)。`: the `(` of a time in brackets lost (a `)` closes what was never opened)
_LOST_OPEN = re.compile(
    r"(?<=\p{Han})(?=\d{1,2}(?:[—\-]\d{1,2})?月(?:\d{1,2}日)?(?:[上中下]旬|底|份)?(?:前|以前)?[)）])"
)


# `3月了7日`, `12月10上日前`: a speck read as a character inside a date, where nothing can stand:
# between the month and the day's digits (but a word that joins two dates: `3月至7日`), or
# between the day's digits and 日
_STRAY_IN_DATE = re.compile(
    r"(?<=\d月)(?![至到及和与或])[\p{Han}|丨'`](?=\d{1,2}日)|(?<=\d月\d{1,2})[\p{Han}|丨'`](?=日)"
)


def reshape_text(text: str) -> str:
    """`reshape` on a bare string (what the characters' texts become)."""
    return "".join(c["text"] for c in reshape([{"text": ch} for ch in text]))


def reshape(chars: list[dict]) -> list[dict]:
    """A line's characters with the length-changing fixes made: a doubled mark merged into one
    (its box the two boxes'), a stray character in a date dropped, a lost `(` put back (a copy
    of the next character's box, no width)."""
    text = "".join(c["text"] for c in chars)
    drop = {m.start() + 1 for m in _DOUBLE_DASH.finditer(text, timeout=TIMEOUT)}
    drop.update(m.start() for m in _DOUBLE_OPEN.finditer(text, timeout=TIMEOUT))
    drop.update(m.start() for m in _STRAY_IN_DATE.finditer(text, timeout=TIMEOUT))
    out: list[dict] = []
    for i, c in enumerate(chars):
        if i in drop:
            if out and "x1" in c:
                out[-1]["x1"] = c["x1"]
            if out and out[-1]["text"] in "-－":
                out[-1]["text"] = "—"
            continue
        out.append(c)
    text = "".join(c["text"] for c in out)
    for m in reversed(list(_LOST_OPEN.finditer(text, timeout=TIMEOUT))):
        before = text[: m.start()]
        if before.count("(") + before.count("（") <= before.count(")") + before.count("）"):
            c = out[m.start()]
            out.insert(m.start(), {**c, "text": "(", "x1": c.get("x0", 0.0)})
    return out


def locate(text: str, lines: list[tuple[str, list[float]]], start: int = 0, window: int = 12) -> dict[int, float]:
    """Offsets in `text` of the characters of OCR lines (see locate_from)."""
    return locate_from(text, lines, start, window)[0]


def locate_from(
    text: str, lines: list[tuple[str, list[float]]], start: int = 0, window: int = 12
) -> tuple[dict[int, float], int]:
    """Offsets in `text` of the characters of OCR lines (in reading order): line text -> its
    characters' confidences (blanks carry none). A line not found just after the last one (page
    furniture that was dropped) is skipped. Returns them and where the last line found ends."""
    out: dict[int, float] = {}
    cursor = start
    for line, confs in lines:
        if not line:
            continue
        at = text.find(line, cursor, cursor + window + len(line))
        if at < 0:
            continue
        k = 0
        for i, ch in enumerate(line):
            if ch.strip():
                if k < len(confs):
                    out[at + i] = confs[k]
                k += 1
        cursor = at + len(line)
    return out, cursor


# --- one phrase read twice -----------------------------------------------------------------------

_NUMERALS = frozenset("0123456789一二三四五六七八九十百千万亿零〇两壹贰叁肆伍陆柒捌玖拾")
MIN_REPEAT = 8  # a line this long read elsewhere but for one character is the same phrase


def agree_repeats(text: str, conf: dict[int, float], keep: frozenset[str] = frozenset()) -> str:
    """The text with each whole line (of MIN_REPEAT characters or more, not in `keep`) that is
    read elsewhere in the text but for one ideograph (a programme's heading and its name in the
    notice's 《…》: `流感疫盏实施方案` / `流感疫苗实施方案`) given the other reading where that
    reading is the surer; numerals never (`第一批` and `第二批` are two phrases). A shorter line
    is taken with the line before it (a heading wrapped onto a second line), and a phrase may be
    found across a line break. Same length; `conf` (offset -> confidence) follows the characters
    taken."""
    pos = [i for i, ch in enumerate(text) if ch != "\n"]  # the text without line breaks -> text
    flat = "".join(text[i] for i in pos)
    at_flat = {i: k for k, i in enumerate(pos)}
    conf_flat = {k: conf[i] for k, i in enumerate(pos) if i in conf}
    out = list(text)
    start, before = 0, None
    for line in text.split("\n"):
        if line:
            phrase = line if len(line) >= MIN_REPEAT or before is None or before[0].endswith(_ENDS) else before[0] + line
            first = at_flat[start] if phrase is line else at_flat[before[1]]
            cells = line in keep or (phrase is not line and before is not None and before[0] in keep)
            if (len(line) >= MIN_REPEAT or phrase is not line) and not cells:
                _agree(flat, phrase, first, conf_flat, out, pos, conf)
            before = (line, start)
        start += len(line) + 1
    return "".join(out)


_ENDS = ("。", "；", ";", "！", "？", ":", "：")


def _agree(flat: str, phrase: str, first: int, conf_flat: dict[int, float], out: list[str], pos: list[int],
           conf: dict[int, float]) -> None:
    """Give each weak ideograph of `phrase` (at `first` in the text without line breaks) the
    surest other reading of it (see agree_repeats)."""
    if len(phrase) > 80:
        return
    for j, ch in enumerate(phrase):
        at = first + j
        if not re.match(r"\p{Han}", ch) or ch in _NUMERALS or conf_flat.get(at, 1.0) >= 0.9:
            continue
        best = _surest_other(flat, phrase, j, at, conf_flat)
        if best is not None:
            out[pos[at]] = flat[best]
            conf[pos[at]] = conf_flat[at] = conf_flat[best]


def _surest_other(text: str, line: str, j: int, at: int, conf: dict[int, float]) -> int | None:
    """The offset of the surest other reading of `line`'s character j elsewhere in the text (the
    rest of the line the same), when surer than the one at `at`."""
    left, right = line[:j], line[j + 1:]
    best, best_conf = None, conf.get(at, 1.0)
    # found by the longer side of the line (an empty one is found everywhere)
    anchor, shift = (left, len(left)) if len(left) >= len(right) else (right, -1)
    k = text.find(anchor)
    while k >= 0:
        mid = k + shift
        other = text[mid:mid + 1] if mid >= len(left) else ""
        if (mid != at and other and other != line[j] and re.match(r"\p{Han}", other) and other not in _NUMERALS
                and text.startswith(left, mid - len(left)) and text.startswith(right, mid + 1)
                and conf.get(mid, 0.0) > best_conf):
            best, best_conf = mid, conf[mid]
        k = text.find(anchor, k + 1)
    return best
