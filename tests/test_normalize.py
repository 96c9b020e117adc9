import pytest

from minshi_extract.normalize import normalize, raw_span

CASES = [
    # (raw, normalised) — each a phrase seen in notices
    ("（一）准备阶段（1—2月）", "(一)准备阶段(1—2月)"),
    ("牵头单位：市教育局", "牵头单位:市教育局"),
    ("按照5∶2∶3的比例", "按照5:2:3的比例"),
    ("新增学位１０８０个", "新增学位1080个"),
    ("比例达到９８％以上", "比例达到98%以上"),
    ("（1–3月）", "(1—3月)"),
    ("（1―3月）", "(1—3月)"),
    ("\u3000\u3000为全面完成目标任务，", "为全面完成目标任务,"),
    ("资金\u00a0100万元  ", "资金 100万元"),
    ("武\u200b威", "武威"),
    ("一行\r\n二行\r三行", "一行\n二行\n三行"),
    ("武政办发〔2025〕7号", "武政办发〔2025〕7号"),  # document-number brackets stay
]


@pytest.mark.parametrize(("raw", "expected"), CASES)
def test_normalize_text(raw: str, expected: str) -> None:
    assert normalize(raw)[0] == expected


@pytest.mark.parametrize(("raw", "_"), CASES)
def test_offsets_point_at_the_raw_character(raw: str, _: str) -> None:
    text, offsets = normalize(raw)
    assert len(offsets) == len(text)
    for i, ch in enumerate(text):
        src = raw[offsets[i]]
        # the raw character is the same one, or its full-width / variant form
        assert normalize(src)[0] in (ch, "") or ch == "\n" or src in "\r\n"


def test_raw_span_maps_back() -> None:
    raw = "  资金：１０万元\r\n"
    text, offsets = normalize(raw)
    s = text.index("10万元")
    a, b = raw_span(offsets, (s, s + 4), len(raw))
    assert raw[a:b] == "１０万元"
