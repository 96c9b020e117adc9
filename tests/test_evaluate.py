"""The scorer of RECORDS.md §4, on hand-made predictions whose scores are worked out below."""

import pytest

from minshi_extract.evaluate import Counts, match_records, pair_programmes, score_notice
from minshi_extract.gold import Gold, GoldProgramme
from minshi_extract.models import (
    Deadline,
    Meta,
    Money,
    Notice,
    Percentage,
    Programme,
    Quantity,
    Responsibility,
)

S = (0, 1)


def q(value, unit="个", region=None):
    return Quantity(value=value, unit=unit, region=region, text="x", span=S)


def m(amount, per=None, region=None):
    return Money(amount_cny=amount, text_unit="元", per=per, region=region, text="x", span=S)


def test_set_semantics_duplicates_count_once() -> None:
    missed, spurious, tp = match_records([q(1080)], [q(1080), q(1080), q(1080.0)])
    assert (len(missed), len(spurious), tp) == (0, 0, 1)


@pytest.mark.parametrize(
    ("gold", "pred", "matched"),
    [
        (m(542500), m(542500.4), True),  # within 0.5 yuan
        (m(542500), m(542501), False),
        (q(17000), q(17000.01), True),  # 1e-6 relative
        (q(17000), q(17001), False),
        (m(1500, per="人/月"), m(1500, per="人"), False),  # per is in the key
        (m(3000000, per="年", region="凉州区"), m(3000000, per="年"), False),  # region is in the key
        (q(3, region="民勤县"), q(3, region="天祝县"), False),
        (q(3, "个"), q(3, "所"), False),  # units compared as written
        (q(2, "剂"), q(2, "剂次"), False),
    ],
)
def test_key_tolerance(gold, pred, matched: bool) -> None:
    _, _, tp = match_records([gold], [pred])
    assert tp == int(matched)


def test_empty_cases() -> None:
    assert match_records([], []) == ([], [], 0)
    c = Counts()
    assert (c.precision, c.recall, c.f1) == (1.0, 1.0, 1.0)
    missed, spurious, tp = match_records([q(1)], [])
    assert (len(missed), len(spurious), tp) == (1, 0, 0)
    assert Counts(tp=0, fp=0, fn=1).f1 == 0.0


def test_programmes_pair_by_title() -> None:
    gold = ["中小学学位实施方案", "农村水利惠民工程实施方案", "城镇老旧小区改造实施方案"]
    pred = ["城镇老旧小区改造实施方案", "中小学学位 实施方案", "某某完全不同的项目"]
    assert pair_programmes(gold, pred) == {0: 1, 2: 0}


def test_a_title_run_on_past_a_clause_break_pairs_with_its_first_clause() -> None:
    # one reader cuts a heading at its first clause, the other keeps it whole: the same programme
    gold = ["新建城乡社区老年食堂(助餐点)20个", "开展职业技能培训2万人次"]
    pred = ["开展职业技能培训2万人次,其中新就业形态劳动者培训不少于5000人次",
            "新建城乡社区老年食堂(助餐点)20个,其中城区8个、乡镇12个"]
    assert pair_programmes(gold, pred) == {0: 1, 1: 0}
    # a title that only starts like another, without a clause break, is another programme
    assert pair_programmes(["开展职业技能培训"], ["开展职业技能培训2万人次"]) == {}


def test_worked_example() -> None:
    text = "0123456789" * 3
    gold_recs = [
        q(1080),
        m(542500),
        m(1500, per="人/月"),
        Deadline(date="2025-11", text="x", span=S),
        Responsibility(role="lead", unit="市教育局", text="x", span=S),
    ]
    pred_recs = [
        Quantity(value=1080.0000001, unit="个", text="01", span=(0, 2)),  # tp
        Quantity(value=1080, unit="个", text="01", span=(0, 2)),  # duplicate key: ignored
        Money(amount_cny=542500.4, text_unit="万元", text="23", span=(2, 4)),  # tp
        Money(amount_cny=1500, text_unit="元", per="人", text="45", span=(4, 6)),  # fp (+ gold fn)
        Deadline(date="2025-12", text="67", span=(6, 8)),  # fp (+ gold fn)
        Responsibility(role="lead", unit="市教育局", text="89", span=(8, 10)),  # tp
        Percentage(value=50, text="XX", span=(10, 12)),  # fp, and not grounded
    ]
    notice = Notice(
        text=text,
        meta=Meta(year=2025, title="T"),
        programmes=[
            Programme(id="P01", title="甲实施方案", span=(0, 30), records=pred_recs),
            Programme(id="P02", title="丙实施方案", span=(0, 30), records=[]),
        ],
    )
    gold = Gold(
        path="g.json",
        corpus_file="x.txt",
        meta=Meta(year=2025, title="T", issuer="某市人民政府办公室"),
        records=[],
        programmes=[
            GoldProgramme(title="甲实施方案", records=gold_recs),
            GoldProgramme(title="乙实施方案", records=[q(5)]),  # not found: its record is missed
        ],
    )
    s = score_notice(notice, gold)
    micro = s.micro
    # tp: quantity, money 542500, responsibility = 3; fp: money per 人, deadline 2025-12, percentage = 3;
    # fn: money per 人/月, deadline 2025-11, and the unpaired programme's quantity = 3
    assert (micro.tp, micro.fp, micro.fn) == (3, 3, 3)
    assert micro.precision == pytest.approx(0.5)
    assert micro.recall == pytest.approx(0.5)
    assert micro.f1 == pytest.approx(0.5)
    assert (s.by_type["money"].tp, s.by_type["money"].fp, s.by_type["money"].fn) == (1, 1, 1)
    assert (s.by_type["quantity"].tp, s.by_type["quantity"].fn) == (1, 1)
    assert s.by_type["percentage"].fp == 1
    assert s.by_type["ratio"].as_dict()["f1"] == 1.0  # nothing expected, nothing predicted
    assert s.by_programme["甲实施方案"].f1 == pytest.approx(2 * 0.5 * 0.6 / 1.1)
    assert s.by_programme["乙实施方案"].fn == 1
    # grounding: 6 of 7 predicted records have text == notice.text[span]
    assert s.grounding == pytest.approx(6 / 7)
    assert (s.programmes_found, s.programmes_expected) == (1, 2)
    # meta: title and year match, issuer is missing in the prediction
    assert (s.meta_matched, s.meta_fields) == (2, 3)


def test_links_scored_on_matched_shares_of_annotated_gold() -> None:
    from minshi_extract.pipeline import extract_text

    text = ("关于印发农村供水实施方案的通知\n\n农村供水实施方案\n一、资金安排\n"
            "项目总投资1850万元,其中中央1000万元、省级850万元。新建水厂3座。\n")
    notice = extract_text(text)
    prog = notice.programmes[0]
    total = next(r for r in prog.records if r.type == "money" and r.amount_cny == 18500000)
    shares = [r for r in prog.records if r.type == "money" and r is not total]
    assert {r.part_of for r in shares} == {total.id}  # the extractor links both shares
    g_total = Money(amount_cny=18500000, text_unit="万元", text="总投资1850万元", span=S, id="P01-001")
    g_a = Money(amount_cny=10000000, text_unit="万元", text="中央1000万元", span=S, id="P01-002", part_of="P01-001")
    g_b = Money(amount_cny=8500000, text_unit="万元", text="省级850万元", span=S, id="P01-003")  # gold: no link
    g_q = Quantity(value=3, unit="座", text="水厂3座", span=S, id="P01-004", part_of="P01-001")  # a wrong gold link
    gold = Gold(path="g.json", corpus_file="x.txt", meta=Meta(), records=[],
                programmes=[GoldProgramme(title=prog.title, records=[g_total, g_a, g_b, g_q])], links=True)
    s = score_notice(notice, gold)
    # 中央 agrees (tp); 省级 is linked but the gold says not (fp); 水厂3座 the gold links, the extractor not (fn)
    assert (s.links.tp, s.links.fp, s.links.fn) == (1, 1, 1)
    gold.links = False
    assert score_notice(notice, gold).links.tp == 0  # files without link annotation are not scored
