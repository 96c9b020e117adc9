"""Layouts met in notices written blind to the code (work-report chapters, attachments cited by
label), as small fixture strings written for these tests."""

from __future__ import annotations

from minshi_extract.normalize import normalize
from minshi_extract.structure import build_skeleton
from minshi_extract.structure.lines import is_furniture


def skel(raw: str):
    return build_skeleton(normalize(raw)[0])


# a 政府工作报告 excerpt: a speech subtitle, full-width punctuation, last year's results before the
# items, the items as `一是…。` paragraphs under a `四、` chapter heading, a closing paragraph
WORK_REPORT = """2024年某市政府工作报告
——2024年1月9日在某市第九届人民代表大会第四次会议上
来源：某市人民政府办公室　发布时间：2024-01-15　字号：大 中 小

2023年，我们完成民生实事，城镇新增就业1.5万人。

四、2024年五件民生实事

今年，我们将继续办好五件民生实事。

一是实施就业促进工程。城镇新增就业1.6万人；开展职业技能培训1万人次。

二是提升教育水平。新建幼儿园5所，新增学位900个。

三是完善养老服务。新建养老服务中心10个，9月底前投入使用。

四是改善居住条件。改造老旧小区20个，年底前全部完工。

五是守护“舌尖上的安全”。完成食品抽检5000批次。

办好民生实事，各牵头部门要逐项制定实施方案。
"""


def test_work_report_items_under_a_chapter_heading():
    n = skel(WORK_REPORT)
    assert [p.title for p in n.programmes] == [
        "实施就业促进工程", "提升教育水平", "完善养老服务", "改善居住条件", "守护“舌尖上的安全”"]
    spans = [n.text[p.span[0]:p.span[1]] for p in n.programmes]
    # each item runs to the end of its paragraph, not just its title sentence
    assert spans[0] == "一是实施就业促进工程。城镇新增就业1.6万人;开展职业技能培训1万人次。"
    assert spans[-1] == "五是守护“舌尖上的安全”。完成食品抽检5000批次。"
    # last year's results and the closing paragraph stay outside every programme
    for phrase in ("1.5万人", "各牵头部门"):
        at = n.text.index(phrase)
        assert not any(p.span[0] <= at < p.span[1] for p in n.programmes)
    assert (n.meta.issuer, n.meta.issued_on, n.meta.published_on) == ("某市人民政府办公室", "2024-01-09", "2024-01-15")


def test_speech_subtitle_is_furniture():
    assert is_furniture("——2024年1月9日在某市第九届人民代表大会第四次会议上")
    assert not is_furniture("2024年1月9日前完成摸底。")


def test_inline_list_under_a_plain_heading_of_a_plan_stays_inside_the_plan():
    raw = ("某某工程实施方案\n一、目标任务\n建设1座。\n二、重点工作\n一是加强领导;二是强化督查;三是做好宣传。\n")
    n = skel(raw)
    assert [p.title for p in n.programmes] == ["某某工程实施方案"]


# plans cite their attachments by label; the attachments stand together after the last plan
CITED = """某市人民政府办公室关于印发某市2026年民生实事实施方案的通知
某政办发〔2026〕3号

各县(区)人民政府,市直各部门:

现将有关实施方案印发给你们,请认真组织实施。

某市人民政府办公室
2026年2月1日


农村清洁取暖改造800户实施方案

一、目标任务
完成农村清洁取暖改造800户,各县(区)任务见附件2。
二、责任主体
牵头单位:市住建局


村卫生室标准化建设12个实施方案

一、目标任务
建设标准化村卫生室12个,各县(区)任务见附件1。
二、责任主体
牵头单位:市卫健委


农村公路改造60公里实施方案

一、目标任务
改造农村公路60公里。
二、责任主体
牵头单位:市交通局


附件1

2026年村卫生室标准化建设任务分解表

县(区)

建设数量(个)

甲县

7

乙县

5

附件2

2026年农村清洁取暖改造任务分解表

县(区)

改造任务(户)

甲县

500

乙县

300
"""


def test_attachments_go_to_the_plan_citing_their_label():
    n = skel(CITED)
    assert [p.id for p in n.programmes] == ["P01", "P02", "P03"]
    assert [(a.label, a.title, a.programme_id) for a in n.attachments] == [
        ("附件1", "2026年村卫生室标准化建设任务分解表", "P02"),
        ("附件2", "2026年农村清洁取暖改造任务分解表", "P01"),
    ]
    assert n.warnings == []


def test_uncited_attachment_goes_to_the_plan_whose_title_it_shares():
    n = skel(CITED.replace("各县(区)任务见附件2。", "。").replace("各县(区)任务见附件1。", "。"))
    assert [a.programme_id for a in n.attachments] == ["P02", "P01"]


def test_attachment_without_label_or_title_match_goes_to_the_plan_before_it():
    raw = CITED.replace("各县(区)任务见附件2。", "。").replace("各县(区)任务见附件1。", "。")
    raw = raw.replace("2026年村卫生室标准化建设任务分解表", "2026年甲类任务分解表")
    raw = raw.replace("2026年农村清洁取暖改造任务分解表", "2026年乙类任务分解表")
    n = skel(raw)
    assert [a.programme_id for a in n.attachments] == ["P03", "P03"]


def test_cited_attachment_absent_is_warned():
    raw = CITED[:CITED.index("附件1\n")].replace("任务见附件1", "任务见附件")
    n = skel(raw)
    assert n.attachments == []
    assert n.warnings == ["附件 referenced but missing: 附件2 (cited in P01)",
                          "附件 referenced but missing: 附件 (cited in P02)"]
    n = skel(CITED[:CITED.index("附件1\n")].replace("任务见附件2", "任务见附件").replace("任务见附件1", "任务见附件"))
    assert n.warnings == ["附件 referenced but missing: 附件 (cited in P01)",
                          "附件 referenced but missing: 附件 (cited in P02)"]
