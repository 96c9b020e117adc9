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


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("總投資3.5億元", "总投资3.5亿元"),
        ("新增就業1.8萬人,建設10個", "新增就业1.8万人,建设10个"),
        ("責任單位:市住建局", "责任单位:市住建局"),
        ("就業(yè)崗位2000個", "就业岗位2000个"),
        ("新增1.8萬(wàn)人", "新增1.8万人"),
        ("2024 年完成 10 件民生实事", "2024年完成10件民生实事"),
        ("项 目 总 投 资 5 0 0 万元", "项目总投资5 0 0万元"),
        ("异常反应(AEFI)处置", "异常反应(AEFI)处置"),  # upper-case abbreviation is not a gloss
        ("发布机构: 市政府办 组配分类: 武政办发", "发布机构: 市政府办 组配分类: 武政办发"),  # few gaps: kept
        ("索引号: 11622300013930944B/2025-01527 公开方式: 主动公开", "索引号: 11622300013930944B/2025-01527 公开方式: 主动公开"),
    ],
)
def test_traditional_glosses_and_pdf_spacing(raw: str, expected: str) -> None:
    assert normalize(raw)[0] == expected


def test_long_text_translated_like_short_text() -> None:
    # past 64 characters the translation replaces each distinct character once (issue 14)
    raw = "（一）總投資３.５億元，責任單位：市住建局\u200b\r\n" * 8
    assert normalize(raw)[0] == "(一)总投资3.5亿元,责任单位:市住建局\n" * 8


def test_long_text_with_a_traditional_character_whose_simplified_form_is_traditional_too() -> None:
    # 薴 -> 苧 and 苧 -> 苎, one step each (a chain of str.replace would turn 薴 into 苎)
    raw = "薴苧" + "种植" * 40
    assert normalize(raw)[0] == "苧苎" + "种植" * 40


def test_long_text_with_characters_beyond_the_basic_plane() -> None:
    # the table's characters are found by a character class of the basic plane and, apart, among
    # the other planes' characters (a traditional 𠁞 -> 𠀾, a tag character dropped, an emoji kept)
    raw = "𠁞\U000e0001億元😀" + "种植" * 40
    assert normalize(raw, keep_offsets=False)[0] == "𠀾亿元😀" + "种植" * 40
    assert normalize(raw)[0] == "𠀾亿元😀" + "种植" * 40


def test_text_without_the_map_is_the_same_text() -> None:
    # normalize(keep_offsets=False) works on the whole text at once (issue 14): same result
    raw = "项 目 总 投 资\r\n就業(yè)岗位2000個\r\n  2024 年完成 10 件\t\r\n\u200b（一）目标\r\n" * 3
    expected = "项目总投资\n就业岗位2000个\n2024年完成10件\n(一)目标\n" * 3
    assert normalize(raw, keep_offsets=False)[0] == expected
    assert normalize(raw)[0] == expected


def test_a_long_run_of_blanks_inside_a_line_is_kept() -> None:
    # only the ends of a line are stripped; a run of 20,000 blanks inside it made a regex for the
    # line ends backtrack for seconds (a linear strip: milliseconds)
    raw = "资金" + " " * 20_000 + "x\n  y  "
    assert normalize(raw, keep_offsets=False)[0] == "资金" + " " * 20_000 + "x\ny"
