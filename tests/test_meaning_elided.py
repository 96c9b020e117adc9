"""What a figure counts when its clause leaves the thing out: a figure before a change verb, places
that each do the work, a place opened by 在, an adverb before the rate, a label before a colon, and a
chain of verbs after the noun they work on. The phrases are of my own; each expected value is read
from the phrase (gold/GUIDELINES.md "What a figure counts", rules 2 and 5)."""

import pytest

from minshi_extract.pipeline import extract_text

HEAD = "关于印发2025年为民实事实施方案的通知\n"


def _records(text: str):
    return extract_text(HEAD + text).all_records()


def _items(text: str) -> dict[str, str | None]:
    return {r.text: getattr(r, "item", None) for r in _records(text) if r.type in ("quantity", "money")}


def test_a_figure_before_a_change_verb_names_nothing() -> None:
    # 由A、B提高到C、D: the second figure opens the clause of the third; it is no noun phrase
    items = _items("困难残疾人生活补贴由每人每月80元、120元分别提高到100元、150元。")
    assert items == {"每人每月80元": "困难残疾人生活补贴", "120元": "困难残疾人生活补贴",
                     "100元": "困难残疾人生活补贴", "150元": "困难残疾人生活补贴"}


def test_places_that_each_do_the_work_share_the_total() -> None:
    items = _items("新建标准化卫生室6个,其中柳河镇、安平镇各新建2个,红石乡、东岗乡各改建1个。")
    assert set(items.values()) == {"标准化卫生室"}


def test_a_list_of_things_before_each_stays_the_item() -> None:
    assert _items("建设图书室、活动室各5个。") == {"5个": "图书室、活动室"}


def test_towns_as_a_share_are_where_not_what() -> None:
    items = _items("新建农村幸福院40个,其中城区12个、乡镇28个。")
    assert items["28个"] == "农村幸福院"


def test_a_place_after_zai_and_its_verb_leave_the_object_elided() -> None:
    # 在|东部片区|新建|30个: the place is not the thing counted; it continues the sentence's work
    items = _items("新增公共停车泊位5000个,其中在东部片区新增3000个。")
    assert items["3000个"] == "公共停车泊位"


def test_a_standard_after_anzhao_keeps_its_service() -> None:
    # 按照|结直肠癌筛查|每人160元: 按照 is no place; the service before the rate is what is paid for
    items = _items("按照结直肠癌筛查每人160元的标准给予补助。")
    assert items["每人160元"] == "结直肠癌筛查"


def test_an_adverb_before_the_rate_is_no_item() -> None:
    items = _items("省级财政按照每座不低于5万元的标准补助,县级财政另按每座不低于3万元配套。")
    assert items["每座不低于3万元"] == "配套"


@pytest.mark.parametrize(
    ("phrase", "evidence", "item"),
    [
        ("赞成票:412票", "412票", "赞成票"),
        ("覆盖人口:28万人", "28万人", "覆盖人口"),
        ("投资估算:860万元", "860万元", "投资估算"),
    ],
)
def test_a_label_before_a_colon_names_the_figure_after_it(phrase: str, evidence: str, item: str) -> None:
    assert _items(phrase + "\n")[evidence] == item


def test_votes_are_counted_but_yi_piao_fou_jue_is_a_set_phrase() -> None:
    recs = _records("经代表投票,该项目得票398票,实行安全责任一票否决。")
    assert [(r.value, r.unit) for r in recs if r.type == "quantity"] == [(398, "票")]


def test_a_chain_of_verbs_after_its_noun_is_the_work() -> None:
    items = _items("完成背街小巷提档升级改造30条。")
    assert items["30条"] == "背街小巷提档升级改造"


def test_a_rate_per_running_metre() -> None:
    money = [r for r in _records("对改造的供热管网每延长米补助260元。") if r.type == "money"]
    assert [(r.amount_cny, r.per) for r in money] == [(260, "延长米")]


def test_payer_shares_written_before_the_whole_they_add_up_to() -> None:
    recs = _records("争取中央补助1.2亿元、省级财政补助0.8亿元,市县配套0.5亿元,项目总投资达到2.5亿元。")
    by_text = {r.text: r for r in recs}
    total = by_text["2.5亿元"]
    assert [by_text[t].part_of for t in ("1.2亿元", "0.8亿元", "0.5亿元")] == [total.id] * 3


def test_a_heading_line_is_not_joined_to_the_body_below_it() -> None:
    # 一、实施…工程 / 新建…学校4所: the heading's own 、 is no comma of prose; the body's item is its own
    items = _items("一、实施城区学校扩容提质工程\n新建城东第六实验小学、改扩建城西第二初级中学等学校4所。\n")
    assert "扩容提质工程" not in items["4所"]  # the title of the heading is not what the body counts


def test_a_named_sum_after_its_parts_even_with_a_floor() -> None:
    recs = _records("开展岗位技能提升培训20万人次、农民工职业技能培训12万人次,全年培训共计32万人次以上。")
    total = next(r for r in recs if r.value == 320000)
    assert [r.part_of for r in recs if r.value in (200000, 120000)] == [total.id] * 2


def test_a_subtotal_of_some_shares_within_a_qizhong() -> None:
    # 其中A…、B…,以上合计N个,其余M个: the listed shares are parts of the subtotal, the subtotal of the total
    recs = _records("改造城镇老旧小区900个。其中,城关区300个、七里河区200个,以上合计500个,其余400个由其他县区实施。")
    by = {r.text: r for r in recs}
    sub = next(r for r in recs if r.value == 500)
    top = next(r for r in recs if r.value == 900)
    assert (by["城关区300个"].part_of, by["七里河区200个"].part_of, sub.part_of) == (sub.id, sub.id, top.id)


def test_a_share_named_by_a_season_counts_the_whole() -> None:
    # 其中汛期…: a period is when, not what (lexicon period_words)
    items = _items("全年开展饮用水水质检测不少于600份,其中汛期不少于250份、非汛期不少于350份。")
    assert items == {"不少于600份": "饮用水水质检测", "不少于250份": "饮用水水质检测", "不少于350份": "饮用水水质检测"}


def test_a_change_after_shares_under_qizhong_changes_the_whole() -> None:
    items = _items("全年培训农村实用人才8000人,其中种植技术5000人、养殖技术3000人,比上年增加1200人。")
    assert items["1200人"] == "农村实用人才"


def test_a_remainder_after_a_rate_pays_only_the_remainder() -> None:
    # 超出部分由X承担: X is no payer of the rate before it; 由X按…缴纳: X pays
    recs = {r.text: r for r in _records("家庭医生签约服务按每人每年120元标准结算,超出部分由签约机构承担。"
                                         "自来水入户工程由受益群众按每户300元标准缴纳。")
            if r.type == "money"}
    assert (recs["每人每年120元"].source, recs["每户300元"].source) == (None, "受益群众")


def test_an_amount_a_payer_bears_by_a_ratio_counts_its_total() -> None:
    # 按1:1比例承担|600万元: the amount is 承担's object, the thing paid is the sentence's total
    items = _items("所需改厕资金1800万元,由省级财政承担1200万元,市、县财政按1:1比例承担600万元。")
    assert items["600万元"] == "所需改厕资金"


def test_what_is_paid_stands_before_the_payer_it_introduces() -> None:
    # 入户工程|由受益农户按|每户300元|标准缴纳: 由 introduces who pays; the thing paid for stands before it
    recs = {r.text: r for r in _records("自来水入户工程由受益农户按每户300元标准缴纳。") if r.type == "money"}
    assert (recs["每户300元"].item, recs["每户300元"].source) == ("自来水入户工程", "受益农户")


def test_a_change_per_head_names_what_its_clause_before_raises() -> None:
    # 提高|城乡居民基础养老金标准,月人均增加30元: the rate's clause names nothing; the raised standard counts
    items = _items("提高城乡居民基础养老金标准,月人均增加30元,达到每人每月415元。")
    assert items == {"30元": "城乡居民基础养老金标准", "每人每月415元": "城乡居民基础养老金标准"}


def test_a_premium_per_policy_is_what_is_paid() -> None:
    assert _items("为留守老人购买意外伤害保险4.2万份,每份保费30元。")["每份保费30元"] == "保费"


def _percent_items(text: str) -> list[tuple[str, str | None]]:
    return [(r.text, r.item) for r in _records(text) if r.type == "percentage"]


def test_a_percentage_of_a_base_named_before_de() -> None:
    # 按|设备购置费用的|60%: a share of that base; with a subject before 按, the subject is measured
    assert _percent_items("对每户按设备购置费用的60%给予补助。") == [("60%", "设备购置费用")]
    assert _percent_items("困难群众救助标准按照不低于当地低保标准的120%确定。") == [("120%", "困难群众救助标准")]


def test_a_list_of_percentages_before_bili_measures_the_ratio() -> None:
    # 分别按50%、30%、20%|比例拨付: each percentage measures the ratio (GUIDELINES rule 9); a payer's own
    # percentage (省级50%、…的比例) stays a share of its total (test_meaning)
    assert _percent_items("补助资金分别按50%、30%、20%比例拨付。") == [("50%", "比例"), ("30%", "比例"), ("20%", "比例")]


def test_old_value_and_a_trailing_adverb_are_no_part_of_the_indicator() -> None:
    assert _percent_items("农村自来水普及率从96.5%提高到98%,群众满意率力争95%以上。") == [
        ("96.5%", "农村自来水普及率"), ("98%", "农村自来水普及率"), ("95%以上", "群众满意率")]


def _sources(text: str) -> dict[str, str | None]:
    return {r.text: r.source for r in _records(text) if r.type == "money"}


def test_who_pays_each_amount_of_a_split_and_a_whole() -> None:
    # 由中央财政补助|300万元: that payer pays its own amount, not the sentence's total; 学校|自筹 pays;
    # 9200万元,|全部由区级财政承担: the next clause names the total's payer
    got = _sources("所需资金600万元,由中央财政补助400万元,学校自筹200万元。项目估算投资9200万元,全部由区级财政承担。")
    assert got == {"600万元": None, "400万元": "中央财政", "200万元": "学校", "9200万元": "区级财政"}


def test_a_work_that_ends_the_phrase_after_the_figure_names_it() -> None:
    # 完成80个|自然村生活污水治理: 治理 is the work the noun undergoes, kept like 改造
    assert _items("完成80个自然村生活污水治理。") == {"80个": "自然村生活污水治理"}


def test_a_change_in_the_next_part_changes_the_figure_before() -> None:
    # …管网300公里,受益农户2万户;|比上年多改造90公里: the ; part goes on with the same work
    assert _items("改造农村供水管网300公里,受益农户2万户;比上年多改造90公里。")["90公里"] == "农村供水管网"


def test_a_loan_kind_and_a_meeting_number_name_no_payer() -> None:
    # 个人|贷款额度: a loan a person gets; 市政府|第32次常务会议: an ordinal; 旗区 is a level that pays
    got = _sources("经市政府第32次常务会议研究,计划投入资金约8亿元,比上年增加8000万元。"
                   "发放创业担保贷款6000万元,个人贷款额度不超过15万元。旗区财政配套500万元。")
    assert (got["8000万元"], got["不超过15万元"], got["500万元"]) == (None, None, "旗区财政")


def test_a_standard_that_is_a_rate_for_people_names_the_rate() -> None:
    # 照护服务补贴标准为|失能老年人每人每月|600元: the people are who is paid, the standard is what the rate is
    assert _items("照护服务补贴标准为失能老年人每人每月600元、半失能老年人每人每月400元。") == {
        "每人每月600元": "照护服务补贴标准", "每人每月400元": "照护服务补贴标准"}


def test_a_zone_administration_pays_its_share() -> None:
    got = {r.text: (r.item, r.source) for r in _records("项目总投资6000万元,其中省级补助2000万元,示范区财政配套4000万元。")
           if r.type == "money"}
    assert got["4000万元"] == ("配套", "示范区财政")


def test_a_remainder_raised_by_its_payer_is_named_by_the_raising() -> None:
    # 其余2.2亿元|由各区自筹解决: payer and 自筹 name the share (GUIDELINES: 自筹 -> item that word)
    got = {r.text: (r.item, r.source) for r in _records("项目总投资8.4亿元,其中市级财政安排6.2亿元,其余2.2亿元由各区自筹解决。")
           if r.type == "money"}
    assert got["2.2亿元"] == ("自筹", "各区")
