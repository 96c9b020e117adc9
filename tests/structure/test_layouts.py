"""Other layouts (issue 6), as small fixture strings written for these tests."""

from __future__ import annotations

from minshi_extract.normalize import normalize
from minshi_extract.structure import build_skeleton, table_cell_spans


def skel(raw: str):
    return build_skeleton(normalize(raw)[0])


WRAPPED = """某某市人民政府办公室关于印发二〇二三年民生实事实施方案的通知

某政办发〔2023〕4号

各县(市、区)人民政府,市直各部门:

现将有关实施方案印发给你们。

某某市人民政府办公室
二〇二三年四月六日


新建城区公共停车泊位
5200个实施方案

一、目标任务
新建泊位5200个。
二)资金安排
(一)市级补助。按每个泊位2000元。
三、实施步骤
1.3月15日前完成选址;
2.1.7万人次参与问卷调查。
四、责任主体
牵头单位:市建设局


改造提升农村公路
80公里实施方案

一、目标任务
改造提升农村公路80公里。
二、责任主体
牵头单位:市交通运输局
Produced By 大汉网络
扫一扫在手机打开当前页
"""


def test_wrapped_titles_malformed_markers_and_chinese_dates():
    n = skel(WRAPPED)
    assert [p.title for p in n.programmes] == ["新建城区公共停车泊位5200个实施方案", "改造提升农村公路80公里实施方案"]
    p1 = n.programmes[0]
    assert [(s.marker, s.title, s.level, s.kind) for s in p1.sections] == [
        ("一、", "目标任务", 1, "targets"), ("三、", "实施步骤", 1, "steps"), ("四、", "责任主体", 1, "responsibility"),
    ]
    # `二)资金安排` is level 2 under 一、, a sibling of the (一) after it
    assert [(c.marker, c.title) for c in p1.sections[0].children] == [("二)", "资金安排"), ("(一)", "市级补助")]
    assert [c.marker for c in p1.sections[1].children] == ["1."]  # `2.1.7万` reads as the decimal 2.1, no marker
    assert n.text[n.programmes[1].span[0]:n.programmes[1].span[1]].endswith("牵头单位:市交通运输局")
    m = n.meta
    assert (m.issuer, m.doc_number, m.issued_on, m.year) == ("某某市人民政府办公室", "某政办发〔2023〕4号", "2023-04-06", 2023)
    assert m.recipients == ["各县(市、区)人民政府", "市直各部门"]


def test_year_from_doc_number_then_signature():
    n = skel("某县人民政府关于做好民生实事工作的通知\n某政发[2022]8号\n各乡镇人民政府:\n请认真落实。\n某县人民政府\n2022年1月5日\n")
    assert (n.meta.doc_number, n.meta.year, n.meta.issued_on) == ("某政发[2022]8号", 2022, "2022-01-05")
    n = skel("某县人民政府关于做好民生实事工作的通知\n各乡镇人民政府:\n请认真落实。\n某县人民政府\n2021年12月30日\n")
    assert (n.meta.doc_number, n.meta.year, n.meta.issuer) == (None, 2021, "某县人民政府")


def test_portal_meta_lines():
    raw = ("索引号: 000/2024-00001 公开方式: 主动公开\n发布机构: 市政府办\n发文日期: 2024-02-01\n"
           "某市人民政府办公室关于印发2024年为民实事实施方案的通知\n发布日期: 2024-02-03 10:00\n"
           "各区人民政府:\n正文。\n\n某某项目实施方案\n一、目标任务\n建设3个。\n\n另一项目实施方案\n一、目标任务\n建设2个。\n")
    m = skel(raw).meta
    assert (m.index_no, m.issued_on, m.published_on, m.issuer) == (
        "000/2024-00001", "2024-02-01", "2024-02-03", "某市人民政府办公室")


FLAT = """某县人民政府关于下达2023年民生实事项目计划的通知

各乡镇人民政府,县各部门:

确定民生实事2个方面3项。

一、就业创业(2项)

1.城镇新增就业1.1万人(县人社局、县财政局)。

2.发放创业担保贷款3.5亿元。(牵头单位:县人社局)

二、教育文化(1项)

3.新增学位2700个(县教育局)。

某县人民政府

2023年3月6日
"""


def test_flat_list_items_with_unit_brackets():
    n = skel(FLAT)
    assert [p.title for p in n.programmes] == ["城镇新增就业1.1万人", "发放创业担保贷款3.5亿元", "新增学位2700个"]
    assert n.meta.issued_on == "2023-03-06"
    assert n.text[n.programmes[1].span[0]:n.programmes[1].span[1]] == "2.发放创业担保贷款3.5亿元。(牵头单位:县人社局)"


CONSOLIDATED = """某市2025年重点民生实事实施方案

一、总体要求
办好5件实事。
二、主要任务
(一)教育方面
1.新增公办学位3000个。新建学校6所。(牵头单位:市教育局)
2.实施食堂提质改造。改造40所。
(二)就业方面
3.城镇新增就业6000人以上。其中高校毕业生2000人。
三、保障措施
(一)加强组织领导。成立领导小组。
"""


def test_consolidated_plan_items_are_programmes():
    n = skel(CONSOLIDATED)
    assert [p.title for p in n.programmes] == ["新增公办学位3000个", "实施食堂提质改造", "城镇新增就业6000人以上"]


def test_single_plan_steps_are_not_items():
    raw = ("某某工程实施方案\n一、目标任务\n建设1座。\n二、实施步骤\n1.准备阶段(1—3月)。\n2.实施阶段(4—9月)。\n"
           "3.验收阶段(10月)。\n三、组织保障\n1.加强领导。\n2.强化监督。\n")
    n = skel(raw)
    assert [p.title for p in n.programmes] == ["某某工程实施方案"]
    assert [s.title for s in n.programmes[0].sections] == ["目标任务", "实施步骤", "组织保障"]


def test_news_style_list_and_measures_items():
    raw = ("某区公布2024年十件民生实事\n来源:某区人民政府办公室 发布时间:2024-02-28 09:30\n"
           "今年的民生实事具体如下:\n(1)教育提质扩容。新增学位1.5万个;新增教师600名。责任单位:区教育局。\n"
           "(2)稳岗扩就业。城镇新增就业1.2万人。责任单位:区人社局。\n(3)城市更新。改造老旧小区36个。\n"
           "(4)交通出行。新开公交线路15条。\n(5)食品安全。抽检8000批次。\n")
    n = skel(raw)
    assert [p.title for p in n.programmes] == ["教育提质扩容", "稳岗扩就业", "城市更新", "交通出行", "食品安全"]
    assert (n.meta.title, n.meta.issuer, n.meta.published_on) == (
        "某区公布2024年十件民生实事", "某区人民政府办公室", "2024-02-28")


def test_mixed_markers_ordinal_items():
    raw = ("某市2023年民生实事项目安排\n第一件 实施城乡就业增收工程\n1.城镇新增就业4500人。\n2、培训三千人次。\n"
           "3。贷款15000万元。\n责任单位:市人社局\n第二件 推进教育优质均衡发展\n1.新建学校两所。\n责任单位:市教育局\n")
    n = skel(raw)
    assert [p.title for p in n.programmes] == ["实施城乡就业增收工程", "推进教育优质均衡发展"]
    assert [s.marker for s in n.programmes[0].sections] == ["1.", "2、", "3。"]


PIPED = """附件

某市2025年民生实事重点项目计划表

序号|项目名称|建设内容及规模|总投资|资金来源|建设起止年限|责任单位
|||(万元)||||
1|城东学校建设项目|新增学位1800个|9800|专项债券|2025.03-2026.08|市教育局
2|排水防涝改造项目|改造管网42公里|16800|市级财政|2025.02-2026.06|市住建局、市城管局
合计|||26600|||
"""


def test_piped_table_rows_are_programmes():
    n = skel(PIPED)
    table = n.attachments[0].tables[0]
    assert table.header == ["序号", "项目名称", "建设内容及规模", "总投资(万元)", "资金来源", "建设起止年限", "责任单位"]
    assert table.rows[1] == ["2", "排水防涝改造项目", "改造管网42公里", "16800", "市级财政", "2025.02-2026.06",
                             "市住建局、市城管局"]
    assert table.rows[2][:4] == ["合计", "", "", "26600"]
    assert [p.title for p in n.programmes] == ["城东学校建设项目", "排水防涝改造项目"]
    a, b = table_cell_spans(table)[1][3]
    assert n.text[a:b] == "9800"


FLAT_CELLS = """附件

某市2024年民生实事项目计划表

序号

项目名称

总投资
(万元)

责任单位

1

城区公共停车场建设

4200

市住建局

2

农村清洁取暖改造

9600

市住建局、市发改局

合计

13800
"""


def test_one_cell_per_line_table():
    n = skel(FLAT_CELLS)
    t = n.attachments[0].tables[0]
    assert t.header == ["序号", "项目名称", "总投资(万元)", "责任单位"]
    assert t.rows == [["1", "城区公共停车场建设", "4200", "市住建局"], ["2", "农村清洁取暖改造", "9600", "市住建局、市发改局"],
                      ["", "合计", "13800", ""]]
    assert [p.title for p in n.programmes] == ["城区公共停车场建设", "农村清洁取暖改造"]


# a project table flattened one cell per line with NO blank line between cells (only one after the
# title), the 投资 header wrapped onto a `(万元)` line, a 完成时限 column and a 合计 row
DENSE_CELLS = """某区人民政府办公室关于印发2026年民生实事项目的通知

各镇人民政府,区各部门:

现将项目计划表印发给你们。

附件:2026年某区民生实事项目计划表

某区人民政府办公室
2026年1月9日

附件

2026年某区民生实事项目计划表

序号
项目名称
主要内容
计划投资
(万元)
完成时限
牵头单位
配合单位
1
城北小学扩建
新增学位900个
3600
2026年8月
区教育局
区财政局、区住建局
2
背街小巷整治
整治街巷25条,铺设管网8公里
1250
2026年11月
区城管局
各街道
合计
4850
"""


def test_dense_one_cell_per_line_table():
    n = skel(DENSE_CELLS)
    t = n.attachments[0].tables[0]
    assert t.header == ["序号", "项目名称", "主要内容", "计划投资(万元)", "完成时限", "牵头单位", "配合单位"]
    assert t.rows == [
        ["1", "城北小学扩建", "新增学位900个", "3600", "2026年8月", "区教育局", "区财政局、区住建局"],
        ["2", "背街小巷整治", "整治街巷25条,铺设管网8公里", "1250", "2026年11月", "区城管局", "各街道"],
        ["", "合计", "", "4850", "", "", ""],
    ]
    assert [p.title for p in n.programmes] == ["城北小学扩建", "背街小巷整治"]
    assert (n.meta.issued_on, n.meta.year) == ("2026-01-09", 2026)


# per-plan notice: the first plan title sits one blank line under the signature date; the plans use
# 项目概况 / 建设内容和规模 / 资金筹措 / 进度安排 / 保障措施 / 责任分工 and steps `(一)名称:窗口。`
PROJECT_PLANS = """某市人民政府办公室关于印发某市2025年为民办实事项目实施方案的通知

某政办〔2025〕3号

各县(区)人民政府,市直各单位:

现将2个项目实施方案印发给你们,请认真组织实施。

某市人民政府办公室
2025年3月2日

城区菜市场改造项目实施方案

一、项目概况

改造菜市场6个。

二、建设内容和规模

新增摊位300个。

三、资金筹措

总投资900万元。

四、进度安排

(一)准备阶段:2025年3月—4月。完成设计。

(二)实施阶段:5月至10月。10月底前完工。

五、保障措施

建立工作专班。

六、责任分工

责任单位:市商务局

城区公厕新建项目实施方案

一、项目概况

新建公厕20座。

二、责任分工

责任单位:市城管局
"""


def test_first_plan_title_does_not_swallow_the_signature():
    n = skel(PROJECT_PLANS)
    assert [p.title for p in n.programmes] == ["城区菜市场改造项目实施方案", "城区公厕新建项目实施方案"]
    m = n.meta
    assert (m.issuer, m.doc_number, m.issued_on, m.year) == ("某市人民政府办公室", "某政办〔2025〕3号", "2025-03-02", 2025)
    p1 = n.programmes[0]
    assert [(s.marker, s.title, s.kind) for s in p1.sections] == [
        ("一、", "项目概况", "targets"), ("二、", "建设内容和规模", "content"), ("三、", "资金筹措", "funding"),
        ("四、", "进度安排", "steps"), ("五、", "保障措施", "safeguards"), ("六、", "责任分工", "responsibility"),
    ]
    assert [(c.marker, c.title) for c in p1.sections[3].children] == [
        ("(一)", "准备阶段:2025年3月—4月"), ("(二)", "实施阶段:5月至10月")]
    assert n.text[p1.span[0]:p1.span[1]].endswith("责任单位:市商务局")


# a news report listing its items inline, numbered on across paragraphs
NEWS_INLINE = """某市2024年八件民生实事确定

来源:某市日报 发布时间:2024-01-20 08:00

本报讯 记者从新闻发布会获悉,今年确定民生实事八件。

在教育方面,一是新建幼儿园5所,新增学位1500个;二是改造农村学校食堂20所。

在民生保障方面,三是新增城镇就业1.1万人;四是改造老旧小区40个,年内全部完工。

据介绍,各牵头部门将细化方案。
"""


def test_news_items_written_inline():
    n = skel(NEWS_INLINE)
    assert [p.title for p in n.programmes] == [
        "新建幼儿园5所,新增学位1500个", "改造农村学校食堂20所", "新增城镇就业1.1万人", "改造老旧小区40个,年内全部完工"]
    spans = [n.text[p.span[0]:p.span[1]] for p in n.programmes]
    assert spans == ["一是新建幼儿园5所,新增学位1500个;", "二是改造农村学校食堂20所。", "三是新增城镇就业1.1万人;",
                     "四是改造老旧小区40个,年内全部完工。"]
    assert (n.meta.issuer, n.meta.published_on) == ("某市日报", "2024-01-20")


def test_inline_list_inside_a_plan_is_not_a_list_of_programmes():
    raw = ("某某工程实施方案\n一、目标任务\n建设1座。\n二、保障措施\n一是加强领导;二是强化督查;三是做好宣传。\n")
    n = skel(raw)
    assert [p.title for p in n.programmes] == ["某某工程实施方案"]
    assert [s.title for s in n.programmes[0].sections] == ["目标任务", "保障措施"]


# a saved portal page: breadcrumbs, metadata labels, font switch, one plan bundling two projects,
# button row and site footer after the last plan
PORTAL_BUNDLE = """首页 > 政务公开 > 政策文件
索引号:000000/2023-00001
发文机关:某县人民政府办公室
成文日期:2023-03-01
发布日期:2023-03-05
文号:某政办发〔2023〕2号

某县人民政府办公室关于印发2023年民生实事实施方案的通知
字体:大 中 小
各乡镇人民政府,县直各部门:

现将实施方案印发给你们。

某县人民政府办公室
2023年3月1日

道路改造和路灯安装实施方案

为方便群众出行,制定本方案。

一、道路改造
(一)目标任务
改造道路12公里。
(二)责任主体
牵头单位:县交通局

二、路灯安装
(一)目标任务
安装路灯800盏。
(二)责任主体
牵头单位:县城管局

【我要纠错】 【分享到】
打印本页 关闭窗口
主办单位:某县人民政府办公室 承办单位:某县融媒体中心
网站标识码:0000000001 某ICP备00000000号-1 某公网安备00000000000001号
联系电话:0000-0000000
"""


def test_portal_page_bundled_parts_and_footer():
    n = skel(PORTAL_BUNDLE)
    assert [p.title for p in n.programmes] == ["道路改造和路灯安装实施方案"]
    p = n.programmes[0]
    assert [(x.index, x.title) for x in p.parts] == [(0, "道路改造"), (1, "路灯安装")]
    assert [[(s.marker, s.kind) for s in x.sections] for x in p.parts] == [
        [("(一)", "targets"), ("(二)", "responsibility")]] * 2
    assert n.text[p.span[0]:p.span[1]].endswith("牵头单位:县城管局")
    m = n.meta
    assert (m.index_no, m.doc_number, m.issued_on, m.published_on) == (
        "000000/2023-00001", "某政办发〔2023〕2号", "2023-03-01", "2023-03-05")
    assert m.recipients == ["各乡镇人民政府", "县直各部门"]


# one plan titled with the notice's collective words (民生实事项目) whose 一、 headings each hold their
# own 目标任务: the headings are the notice's programmes, not parts of one plan
UMBRELLA_PLAN = """某市人民政府办公室关于印发《某市2023年重点民生实事项目实施方案》的通知

各镇人民政府、街道办事处:
现将实施方案印发给你们,请认真组织实施。

某市人民政府办公室
2023年3月24日

某市2023年重点民生实事项目实施方案

经研究,确定2023年实施3项重点民生实事。
一、城区学校扩容提质工程
(一)目标任务。新建城区第二十小学,新增义务教育学位2700个。
(二)资金来源。总投资2.16亿元,其中省级财政补助3000万元。
(三)责任单位:市教育局(牵头)、市财政局。
二、农村公路提质改造工程
(一)目标任务。完成农村公路提质改造120公里。
(二)资金来源。共需资金7200万元。
(三)责任单位:市交通运输局(牵头)、市财政局。
三、“一老一小”服务提升工程
(一)目标任务。新建村级居家养老服务站30个,新增普惠性托位300个。
(二)资金来源。共需资金1500万元。
(三)责任单位:市民政局(牵头)、市卫生健康局。
"""


def test_an_umbrella_plans_projects_are_programmes():
    n = skel(UMBRELLA_PLAN)
    assert [p.title for p in n.programmes] == ["城区学校扩容提质工程", "农村公路提质改造工程", "“一老一小”服务提升工程"]
    assert all(p.parts == [] for p in n.programmes)


# a work report's 民生实事 chapter copied from a PDF (written for this test): items `一是…` opening
# their lines, their sentences wrapped onto the next lines, a gazette's running head on every page
WRAPPED_REPORT = """某市人民政府公报 2021年第2期

政府工作报告(节选)

各位代表:现在,我代表市人民政府报告工作。

— 3 —

某市人民政府公报 2021年第2期

(八)持续办好民生实事。2021年集中办好三件民生实事。
一是新建改扩建中小学和幼儿园30所,新增学位1.8万个,基
本消除城区大班额。
二是新建农村公路800公里,其中甲县150公里。
总投资16亿元。

— 4 —

某市人民政府公报 2021年第2期

三是新建城市公厕60座,公厕
10月底前建成投用。
我们将实行月调度、季通报。
"""


def test_items_of_a_wrapped_pdf_copy_keep_their_whole_titles_and_sentences() -> None:
    from minshi_extract.pipeline import extract_text

    n = extract_text(WRAPPED_REPORT)
    assert [p.title for p in n.programmes] == [
        "新建改扩建中小学和幼儿园30所,新增学位1.8万个,基本消除城区大班额",
        "新建农村公路800公里,其中甲县150公里", "新建城市公厕60座,公厕10月底前建成投用"]
    texts = {p.title[:4]: [r.text for r in p.records] for p in n.programmes}
    assert any("16亿元" in t for t in texts["新建农村"])  # the paragraph's next line is the item's
    assert any("10月底前" in t for t in texts["新建城市"])  # the wrapped line of the last item
    assert n.meta.title == "政府工作报告(节选)"  # the gazette's running head is no title


def test_recipients_wrapped_over_two_lines_of_a_pdf_copy() -> None:
    """`…高新区管委会,市` / `政府各部门:`: the salutation is read with the line before its colon."""
    n = skel("某市人民政府关于印发2024年民生实事项目的通知\n各县、市、区人民政府,某某开发区、某某高新区管委会,市\n"
             "政府各部门:\n现将项目表印发给你们。\n")
    assert n.meta.recipients == ["各县、市、区人民政府", "某某开发区、某某高新区管委会", "市政府各部门"]


def test_recipients_wrapped_after_a_whole_name_are_read_whole() -> None:
    """`…,市各委办局,市` / `各直属单位:`: the second line alone would be a salutation too; the whole one wins."""
    n = skel("某市人民政府关于下达2022年民生实事项目的通知\n各区人民政府,市各委办局,市\n各直属单位:\n现将项目下达给你们。\n")
    assert n.meta.recipients == ["各区人民政府", "市各委办局", "市各直属单位"]
