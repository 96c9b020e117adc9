import json
from pathlib import Path

import pytest

from minshi_extract.errors import GoldError
from minshi_extract.gold import load_gold

NOTICE = "通知\n\n新建城区停车泊位实施方案\n一、目标任务\n新建停车泊位5200个。\n二、责任主体\n牵头单位:市住建局\n"


def write(tmp_path: Path, data: object) -> Path:
    p = tmp_path / "g.json"
    p.write_text(json.dumps(data, ensure_ascii=False) if not isinstance(data, str) else data, encoding="utf-8")
    return p


def good() -> dict:
    return {
        "corpus_file": "x.txt",
        "meta": {"year": 2024},
        "programmes": [
            {
                "title": "新建城区停车泊位实施方案",
                "records": [
                    {"type": "quantity", "value": 5200, "unit": "个", "text": "泊位5200个"},
                    {"type": "responsibility", "role": "lead", "unit": "市住建局", "text": "市住建局"},
                ],
            }
        ],
    }


def test_good_gold_loads_with_spans(tmp_path: Path) -> None:
    g = load_gold(write(tmp_path, good()), NOTICE)
    recs = g.programmes[0].records
    assert [r.type for r in recs] == ["quantity", "responsibility"]
    assert NOTICE[recs[0].span[0] : recs[0].span[1]] == "泊位5200个"


def test_broken_json_names_file_and_line(tmp_path: Path) -> None:
    p = write(tmp_path, '{"corpus_file": "x.txt",\n "programmes": [}')
    with pytest.raises(GoldError, match=r"g\.json: invalid JSON at line 2 column"):
        load_gold(p)


def test_text_not_in_notice_names_the_record(tmp_path: Path) -> None:
    d = good()
    d["programmes"][0]["records"][0]["text"] = "泊位5300个"
    with pytest.raises(GoldError, match=r"programme 0 «新建城区停车泊位实施方案», record 0 \(quantity 5200 个"):
        load_gold(write(tmp_path, d), NOTICE)


def test_duplicate_key_is_an_error(tmp_path: Path) -> None:
    d = good()
    d["programmes"][0]["records"].append({"type": "quantity", "value": 5200.0, "unit": "个", "text": "5200个"})
    with pytest.raises(GoldError, match=r"record 2 \(quantity «5200个»\): duplicate key"):
        load_gold(write(tmp_path, d), NOTICE)


def test_title_wrapped_in_a_table_cell_is_found_in_its_pieces(tmp_path: Path) -> None:
    """A text copy's table wraps a name inside its cell (`新建城区停车` … / `泊位`): the gold title is
    the whole name, found as two pieces; a title of other words stays unknown."""
    text = "通知\n\n项目表\n1 新建城区停车 新建停车泊位5200个 市住建局\n泊位\n"
    d = good()
    d["programmes"][0]["title"] = "新建城区停车泊位"
    d["programmes"][0]["records"] = [{"type": "quantity", "value": 5200, "unit": "个", "text": "泊位5200个"}]
    assert [p.title for p in load_gold(write(tmp_path, d), text).programmes] == ["新建城区停车泊位"]
    d["programmes"][0]["title"] = "新建城区公厕"
    with pytest.raises(GoldError, match=r"unknown programme"):
        load_gold(write(tmp_path, d), text)


def test_unknown_programme_is_an_error(tmp_path: Path) -> None:
    d = good()
    d["programmes"][0]["title"] = "城区公厕改造实施方案"
    with pytest.raises(GoldError, match=r"unknown programme"):
        load_gold(write(tmp_path, d), NOTICE)


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"type": "quantity", "value": "many", "unit": "个", "text": "5200个"}, r"field `value`"),
        ({"type": "responsibility", "role": "boss", "unit": "市住建局", "text": "市住建局"}, r"field `role`"),
        ({"type": "money", "amount_cny": 1, "text": "5200个"}, r"field `text_unit`"),
        ({"type": "height", "text": "5200个"}, r"height"),
        ({"type": "quantity", "value": 5200, "unit": "个"}, r"missing `text`"),
        ("5200个", r"must be a JSON object"),
    ],
)
def test_malformed_record_names_field(tmp_path: Path, record: object, message: str) -> None:
    d = good()
    d["programmes"][0]["records"] = [record]
    with pytest.raises(GoldError, match=message):
        load_gold(write(tmp_path, d), NOTICE)


def test_missing_top_level_key(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match=r"missing top-level `programmes`"):
        load_gold(write(tmp_path, {"corpus_file": "x.txt"}))


def test_project_gold_files_are_valid() -> None:
    from minshi_extract.evaluate import find_gold_files
    from minshi_extract.ingest import load
    from minshi_extract.normalize import normalize

    root = Path(__file__).resolve().parents[1]
    files = find_gold_files(root / "gold")
    assert files, "no gold files"
    for f in files:
        head = load_gold(f)
        raw = load(root / "corpus" / head.corpus_file)
        # a scan's gold is what the page prints, not what OCR read: its texts are not looked up (eval alike)
        scanned = raw.format == "image" or bool(raw.conf)
        g = load_gold(f, None if scanned else normalize(raw.text)[0])
        assert g.programmes


SHARES = "通知\n\n农村供水实施方案\n一、资金安排\n资金1850万元,其中中央1000万元、省级850万元。\n"


def shares_gold(part_of: str) -> dict:
    return {
        "corpus_file": "x.txt", "part_of_annotated": True,
        "programmes": [{"title": "农村供水实施方案", "records": [
            {"type": "money", "amount_cny": 18500000, "text_unit": "万元", "text": "资金1850万元"},
            {"type": "money", "amount_cny": 10000000, "text_unit": "万元", "text": "中央1000万元",
             "part_of": part_of},
        ]}],
    }


def test_part_of_names_the_total_by_its_text(tmp_path: Path) -> None:
    g = load_gold(write(tmp_path, shares_gold("资金1850万元")), SHARES)
    total, share = g.programmes[0].records
    assert g.links is True
    assert (total.id, share.id, share.part_of, total.part_of) == ("P01-001", "P01-002", "P01-001", None)


def test_part_of_naming_no_record_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match="part_of «资金1800万元» is the text of no other money record"):
        load_gold(write(tmp_path, shares_gold("资金1800万元")), SHARES)


def test_part_of_in_the_cover_letter(tmp_path: Path) -> None:
    text = "通知\n安排资金1850万元,其中中央1000万元。\n农村供水实施方案\n一、目标任务\n新建水厂3座。\n"
    d = shares_gold("资金1850万元")
    d["records"], d["programmes"] = d["programmes"][0]["records"], [{"title": "农村供水实施方案", "records": []}]
    total, share = load_gold(write(tmp_path, d), text).records
    assert (total.id, share.part_of) == ("N-001", "N-001")
