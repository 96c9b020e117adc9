"""Place names misread by OCR set right from the gazetteer of divisions (ocr_places, issue 13):
only in the notice's own county or city, only a low-confidence character, only where exactly
one division can be meant. No engine needed but for the character set test."""

from __future__ import annotations

import shutil
import struct
from pathlib import Path

import pytest

from minshi_extract.ingest import load, ocr
from minshi_extract.ingest.ocr_places import (
    apply,
    area_of,
    charset,
    corrections,
    divisions_under,
    fix_places,
    gazetteer,
)
from minshi_extract.ingest.rawdoc import RawDoc, RawTable

GAZ = gazetteer()
# 商城县 (信阳市, 河南省): 19 townships, among them 鄢岗镇 and 汪岗镇 (one character apart), 上石桥镇,
# 鲇鱼山街道; the engine of these tests cannot produce 鄢 nor 鲇
SHANGCHENG = divisions_under(area_of("商城县人民政府办公室", None, GAZ), GAZ)
ENGINE = frozenset("汪上石桥镇岗鱼山街道赤城余集导于钻在各新建个")


def _weak(text: str, conf: float = 0.5) -> dict[int, float]:
    return dict.fromkeys(range(len(text)), conf)


def test_the_gazetteer_goes_down_to_townships() -> None:
    assert {"鄢岗镇", "汪岗镇", "上石桥镇", "鲇鱼山街道", "赤城街道", "李集乡"} <= SHANGCHENG
    assert len(SHANGCHENG) == 19
    wuwei = divisions_under(area_of("武威市人民政府办公室", None, GAZ), GAZ)
    assert {"凉州区", "古浪县", "天祝藏族自治县"} <= wuwei  # a city: its counties and their townships


@pytest.mark.parametrize(
    ("issuer", "title", "county", "city"),
    [
        ("商城县人民政府办公室", None, "商城县", "信阳市"),
        ("中共商城县委办公室 商城县人民政府办公室", None, "商城县", "信阳市"),
        ("长春市朝阳区人民政府", None, "朝阳区", "长春市"),  # 朝阳区 of 长春市, not of 北京市
        (None, "武威市人民政府办公室关于印发2025年省市为民实事实施方案的通知", "武威市", "甘肃省"),
    ],
)
def test_the_notices_own_county_or_city(issuer, title, county: str, city: str) -> None:
    (code,) = area_of(issuer, title, GAZ)
    assert GAZ.names[code] == county and GAZ.names[GAZ.parents[code]] == city


@pytest.mark.parametrize("issuer", ["湖南省人民政府办公厅", "亲阳县人民政府", "", None])
def test_no_county_or_city_named_no_area(issuer) -> None:
    assert area_of(issuer, None, GAZ) == ()


def test_a_character_the_engine_cannot_read_is_set_right() -> None:
    text = "实施主体:导岗镇、上石桥镇、达权店镇\n钻鱼山街道\n35"
    assert corrections(text, _weak(text), SHANGCHENG, ENGINE) == {"导岗镇": "鄢岗镇", "钻鱼山街道": "鲇鱼山街道"}


def test_two_divisions_one_character_away_and_the_engine_could_read_both() -> None:
    # 导岗镇 is one character from 鄢岗镇 and from 汪岗镇: without the engine's character set
    # nothing says which; 钻鱼山街道 has only 鲇鱼山街道 near it
    text = "实施主体:导岗镇\n钻鱼山街道"
    assert corrections(text, _weak(text), SHANGCHENG, None) == {"钻鱼山街道": "鲇鱼山街道"}
    assert corrections(text, _weak(text), SHANGCHENG, ENGINE | {"鄢", "鲇"}) == {"钻鱼山街道": "鲇鱼山街道"}


def test_a_character_read_with_confidence_is_kept() -> None:
    text = "在导岗镇建设;导岗镇"
    conf = _weak(text)
    assert corrections(text, conf, SHANGCHENG, ENGINE) == {"导岗镇": "鄢岗镇"}
    conf[text.rindex("导")] = 0.95  # read with confidence once: not a misread
    assert corrections(text, conf, SHANGCHENG, ENGINE) == {}
    assert corrections(text, {}, SHANGCHENG, ENGINE) == {}  # no confidence known


def test_divisions_and_the_end_of_a_longer_name_are_never_changed() -> None:
    # 石桥镇 (the end of 上石桥镇) is one character from 汪桥镇; 汪岗镇 is a division itself
    text = "上石桥镇、汪岗镇、汪桥镇"
    assert corrections(text, _weak(text), SHANGCHENG, ENGINE) == {}


def test_an_ending_inside_a_word_is_no_name() -> None:
    # 武威市 has the townships 干城乡 and 和平镇: `筹城乡`, `焦城乡` (`聚焦城乡`), `房城乡` and
    # `和乡镇` are one character from them, but 城乡, 乡镇, 乡村 are words (lexicon ocr_place_words.txt)
    wuwei = divisions_under(area_of("武威市人民政府办公室", None, GAZ), GAZ)
    assert {"干城乡", "和平镇"} <= wuwei
    text = "统筹城乡和乡镇建设,聚焦城乡居民,推进住房城乡建设"
    assert corrections(text, _weak(text), wuwei, frozenset()) == {}


def test_a_place_name_as_it_stands_is_never_changed() -> None:
    # 宣城市 has 旌德县 (旌: not in chi_sim's character set) and 广德市, once 广德县, a name of
    # lexicon/regions.txt: one character from 旌德县, but a place as it stands
    xuancheng = divisions_under(area_of("宣城市人民政府办公室", None, GAZ), GAZ)
    assert "旌德县" in xuancheng and "广德市" in xuancheng
    text = "广德县、宁国市"
    assert corrections(text, _weak(text), xuancheng, ENGINE) == {}


@pytest.mark.parametrize("engine", [None, frozenset()], ids=["charset-unknown", "no-character-readable"])
def test_correct_texts_read_with_no_confidence_keep_their_names(engine) -> None:
    # the corpus' text and web versions (correct text) as if OCR had read every character at 0.5:
    # no name of the notice's own county or city is changed
    corpus = Path(__file__).resolve().parents[2] / "corpus"
    files = [f for f in sorted(corpus.rglob("*")) if f.suffix in (".txt", ".html") and "bad" not in f.parts
             and f.name != "README.md"]
    checked = 0
    for f in files:
        raw = load(f)
        text = raw.text
        raw.conf = _weak(text)
        fix_places(raw, engine)
        assert raw.text == text, f.name
        checked += 1
    assert checked >= 100


def test_a_name_read_is_replaced_but_inside_a_division_name() -> None:
    fixes = {"石桥镇": "汪桥镇"}  # were `石桥镇` a misread of 汪桥镇, `上石桥镇` would still be 上石桥镇
    assert apply("上石桥镇、石桥镇;石桥镇", fixes, SHANGCHENG) == "上石桥镇、汪桥镇;汪桥镇"


def test_only_the_name_before_its_ending_is_corrected() -> None:
    text = "鄢岗乡、鄢岗区"  # 鄢岗镇 with another ending: another word
    assert corrections(text, _weak(text), SHANGCHENG, ENGINE) == {}


def test_fix_places_changes_text_and_table_cells_alike() -> None:
    title = "商城县人民政府办公室关于印发商城县2025年民生实事实施方案的通知"
    text = f"{title}\n实施主体:导岗镇\n乡镇(街道)\n改造任务(户)\n于岗镇\n45\n"
    raw = RawDoc(text=text, format="pdf", conf=_weak(text),
                 tables=[RawTable(rows=[["乡镇(街道)", "改造任务(户)"], ["于岗镇", "45"]])])
    fix_places(raw, ENGINE)
    assert raw.text == text.replace("导岗镇", "鄢岗镇").replace("于岗镇", "鄢岗镇")
    assert raw.tables[0].rows == [["乡镇(街道)", "改造任务(户)"], ["鄢岗镇", "45"]]
    assert raw.conf == _weak(text)  # the confidence stays the one read


def test_fix_places_leaves_a_text_layer_alone() -> None:
    text = "商城县人民政府办公室关于印发商城县2025年民生实事实施方案的通知\n实施主体:导岗镇\n"
    raw = RawDoc(text=text, format="pdf")  # no OCR confidence: nothing was OCR'd
    fix_places(raw, ENGINE)
    assert raw.text == text


def _traineddata(tmp_path: Path, unicharset: bytes) -> Path:
    offsets = [-1] * 24
    offsets[21] = 4 + 8 * 24
    offsets[23] = offsets[21] + len(unicharset)
    path = tmp_path / "x.traineddata"
    path.write_bytes(struct.pack("<i24q", 24, *offsets) + unicharset + b"4.0")
    return path


def test_charset_reads_the_lstm_unicharset(tmp_path: Path) -> None:
    blob = "3\nNULL 0 Common 0\n汪 1 0,255 Han 2 0 2 汪\n岗 1 0,255 Han 3 0 3 岗\n".encode()
    assert charset(_traineddata(tmp_path, blob)) == {"NULL", "汪", "岗"}
    (tmp_path / "bad.traineddata").write_bytes(b"\x01")
    assert charset(tmp_path / "bad.traineddata") is None
    assert charset(tmp_path / "missing.traineddata") is None


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is not installed")
def test_the_installed_model_cannot_read_two_township_characters() -> None:
    chars = ocr.readable()
    assert chars is not None and len(chars) > 3000
    assert "汪" in chars and "岗" in chars and "鄢" not in chars and "鲇" not in chars
