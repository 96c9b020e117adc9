"""Money rule: phrases from the founding notice and the issue-6 variants, read by hand."""

import pytest

from minshi_extract.rules.context import Context
from minshi_extract.rules.money import find_money

CTX = Context(year=2025, programme_id="P03", section="二、资金安排")

# (text, [(amount_cny, text_unit, per, qualifier, region), ...])
CASES = [
    ("统筹安排资金10040万元", [(100400000, "万元", None, None, None)]),
    ("工程估算总投资4.68亿元", [(468000000, "亿元", None, None, None)]),
    ("项目概算总投资51637.29万元", [(516372900, "万元", None, None, None)]),
    ("补贴资金54.25万元", [(542500, "万元", None, None, None)]),
    ("市县配套资金0.12亿元", [(12000000, "亿元", None, None, None)]),
    ("按照每人每月1500元的标准", [(1500, "元", "人/月", None, None)]),
    ("按照180元/人标准", [(180, "元", "人", None, None)]),
    ("户均补贴资金3500元", [(3500, "元", "户", None, None)]),
    ("对每个乡镇综合养老服务中心补助230万元", [(2300000, "万元", "个", None, None)]),
    ("每年约需资金450万元", [(4500000, "万元", "年", "about", None)]),
    ("每人每学期不低于800元", [(800, "元", "人/学期", "at_least", None)]),  # a term is a period
    ("每户10万元、贴息贷款5万元", [(100000, "万元", "户", None, None), (50000, "万元", "户", None, None)]),
    ("本科新生一次性补助10000元", [(10000, "元", None, None, None)]),
    ("项目总投资约2.6亿元", [(260000000, "亿元", None, "about", None)]),
    ("对每件案件按照300元进行补贴", [(300, "元", "件", None, None)]),
    # issue-6 variants
    ("每人每年由650元提高到720元", [(650, "元", "人/年", None, None), (720, "元", "人/年", None, None)]),
    # a list member with its own rate does not take the one before it as well
    ("分别提高到每人每月630元、每人每年5100元", [(630, "元", "人/月", None, None), (5100, "元", "人/年", None, None)]),
    ("城市低保家庭每户补贴1200元、分散供养特困人员每人补贴1000元",
     [(1200, "元", "户", None, None), (1000, "元", "人", None, None)]),
    ("分别补助2000元、1600元", [(2000, "元", None, None, None), (1600, "元", None, None, None)]),
    ("给予8万元/家奖补", [(80000, "万元", "家", None, None)]),
    ("每年每站3万元", [(30000, "万元", "站/年", None, None)]),
    ("每孩每年3600元", [(3600, "元", "孩/年", None, None)]),  # blind batch 8
    ("每车每日收费20元", [(20, "元", "车/日", None, None)]),
    ("每生每年1000元", [(1000, "元", "生/年", None, None)]),
    ("安排资金两万元", [(20000, "万元", None, None, None)]),
    ("补助资金1 0 0 0万元", [(10000000, "万元", None, None, None)]),
    ("总投资2.6億元", [(260000000, "亿元", None, None, None)]),
    ("投资500万元左右", [(5000000, "万元", None, "about", None)]),
    # the 2021-2026 variants
    ("城乡居民基本医疗保险财政补助标准提高到每人每年补助600元",
     [(600, "元", "人/年", None, None)]),
    ("对分散供养特困人员等重点对象每户补助1.2万元,其他对象户均补助约8000元",
     [(12000, "万元", "户", None, None), (8000, "元", "户", "about", None)]),
    ("对新建城市公厕每座由市级奖补5万元", [(50000, "万元", "座", None, None)]),
    ("分别提高到每人每月80元、每人每月90元", [(80, "元", "人/月", None, None), (90, "元", "人/月", None, None)]),
    ("对80周岁以上老年人每餐补贴3元", [(3, "元", "餐", None, None)]),
    # a ceiling takes the rate stated earlier in its sentence when no amount stands between
    ("对每户按设备购置费用的60%给予补助,最高不超过3000元,所需资金由市级财政统筹解决。",
     [(3000, "元", "户", "at_most", None)]),
    ("每人每月补助标准按实际费用的50%计算,最高不超过200元。", [(200, "元", "人/月", "at_most", None)]),
]

# a ceiling that does not take the earlier rate: the rate has its own amount, or the cap is a total
CEILINGS_WITHOUT_RATE = [
    ("每户补助2000元,最高不超过3000元",
     [(2000, "元", "户", None, None), (3000, "元", None, "at_most", None)]),
    ("对每个项目给予补助,总额不超过500万元", [(5000000, "万元", None, "at_most", None)]),
    ("对每户给予补助。最高不超过3000元", [(3000, "元", None, "at_most", None)]),
    ("按设备购置费用的60%给予补助,最高不超过3000元", [(3000, "元", None, "at_most", None)]),
]

SHARES = [
    ("每年约需资金450万元,其中凉州区300万元,民勤县、古浪县、天祝县各50万元,经费由县区财政保障。",
     [("每年约需资金450万元", 4500000, "年", None), ("凉州区300万元", 3000000, "年", "凉州区")]
     + [("民勤县、古浪县、天祝县各50万元", 500000, "年", r) for r in ("民勤县", "古浪县", "天祝县")]),
    # without a rate before 其中, shares have none
    ("总投资328.5万元,其中护眼照明工程投资293.5万元,安全饮水工程投资35万元",
     [("328.5万元", 3285000, None, None), ("293.5万元", 2935000, None, None),
      ("35万元", 350000, None, None)]),
    # shares that add up to the total split the total, not the per-km rate stated between
    ("总投资6000万元,按照每公里50万元测算,其中中央资金3600万元、省级资金2400万元。",
     [("6000万元", 60000000, None, None), ("每公里50万元", 500000, "公里", None),
      ("3600万元", 36000000, None, None), ("2400万元", 24000000, None, None)]),
    # the last amount before 其中 has no rate: its shares have none, whatever rate came earlier
    ("每台补助2万元,共需资金800万元,其中省级补助资金500万元,其余由县级承担。",
     [("每台补助2万元", 20000, "台", None), ("800万元", 8000000, None, None),
      ("500万元", 5000000, None, None)]),
    # a total after 其中 is not a share
    ("按每户1000元标准补助,其中省级每户700元、县级每户300元,共需资金200万元。",
     [("每户1000元", 1000, "户", None), ("每户700元", 700, "户", None), ("每户300元", 300, "户", None),
      ("200万元", 2000000, None, None)]),
]

NOT_MONEY = [
    "按2000/人的标准",
    "2025年11月底前",
    "接种率达到30%以上",
    "新建5200个",
    "“1000元”活动",
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_money(text: str, expected: list[tuple]) -> None:
    recs = find_money(text, 0, CTX)
    assert [(r.amount_cny, r.text_unit, r.per, r.qualifier, r.region) for r in recs] == expected


@pytest.mark.parametrize(("text", "expected"), CEILINGS_WITHOUT_RATE)
def test_ceiling_without_rate(text: str, expected: list[tuple]) -> None:
    recs = find_money(text, 0, CTX)
    assert [(r.amount_cny, r.text_unit, r.per, r.qualifier, r.region) for r in recs] == expected


def test_ceiling_evidence_holds_the_whole_cap_word() -> None:
    [r] = find_money("对每户按费用的60%给予补助,最高不超过3000元", 0, CTX)
    assert r.text == "最高不超过3000元"


@pytest.mark.parametrize(("text", "expected"), SHARES)
def test_shares_take_rate_and_region(text: str, expected: list[tuple]) -> None:
    recs = find_money(text, 0, CTX)
    assert [(r.text, r.amount_cny, r.per, r.region) for r in recs] == expected


@pytest.mark.parametrize("text", NOT_MONEY)
def test_not_money(text: str) -> None:
    assert find_money(text, 0, CTX) == []


def test_evidence_and_absolute_span() -> None:
    notice = "一、资金安排\n按照每人每月1500元的标准"
    base = notice.index("按照")
    [r] = find_money(notice[base:], base, CTX)
    assert r.text == "每人每月1500元" == notice[r.span[0]:r.span[1]]
    assert (r.programme_id, r.section) == ("P03", "二、资金安排")


# batch 8: more entity words after 每, 元/人·月, a 每X subject carried over its sentence's clauses
RATES = [
    ("同步加装电梯每部补助15万元", [(150000, "万元", "部", None, None)]),
    ("每例补助不超过6万元", [(60000, "万元", "例", "at_most", None)]),
    ("每人次90元", [(90, "元", "人次", None, None)]),
    ("按每千瓦时0.2元给予补贴", [(0.2, "元", "千瓦时", None, None)]),
    ("补贴标准为1500元/人·月", [(1500, "元", "人/月", None, None)]),
    ("每个中心设置床位不少于30张,给予建设补助100万元。", [(1000000, "万元", "个", None, None)]),
    # not carried: the 每 clause has its own amount, or the sentence opens without 每
    ("每户补助2000元,市级财政安排资金500万元。", [(2000, "元", "户", None, None), (5000000, "万元", None, None, None)]),
    ("新建中心4个,每个设置床位30张,给予建设补助100万元。", [(1000000, "万元", None, None, None)]),
]


@pytest.mark.parametrize(("text", "expected"), RATES)
def test_rate_words_batch8(text: str, expected: list[tuple]) -> None:
    recs = find_money(text, 0, CTX)
    assert [(r.amount_cny, r.text_unit, r.per, r.qualifier, r.region) for r in recs] == expected


def test_payers_splitting_a_rate_take_its_unit_and_a_total_after_shares_none() -> None:
    # amounts after a rate in its sentence that add up to it split it; 所需资金 after 其中 shares of a
    # per-household rate is more than the rate: no share of it
    recs = find_money("按每生每年1200元标准给予补助,省、市、县分别承担600元、360元、240元。", 0, CTX)
    assert [(r.text, r.per) for r in recs] == [
        ("每生每年1200元", "生/年"), ("600元", "生/年"), ("360元", "生/年"), ("240元", "生/年")]
    recs = find_money("每户补助标准1500元,其中市级财政补助600元、区级财政补助900元,所需补助资金450万元。", 0, CTX)
    assert [(r.text, r.per) for r in recs][-1] == ("450万元", None)


def test_a_period_before_an_average_is_part_of_the_rate() -> None:
    recs = find_money("月人均补差分别不低于465元、390元。", 0, CTX)
    assert [(r.text, r.per) for r in recs] == [("不低于465元", "人/月"), ("390元", "人/月")]


def test_a_change_of_a_rate_and_its_shares_count_per_its_unit() -> None:
    text = "补助标准由每人每年550元提高到580元,增加30元,其中中央财政负担24元、省级财政负担6元。"
    assert [(r.text, r.per) for r in find_money(text, 0, CTX)] == [
        ("每人每年550元", "人/年"), ("580元", "人/年"), ("30元", "人/年"), ("24元", "人/年"), ("6元", "人/年")]
