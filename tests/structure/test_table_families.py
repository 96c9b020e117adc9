"""Table families of blind batch 12 (tables in the wild): a caption line `单位:万元` between a
table's title and its header, `附表N` labels, a steps table (阶段 | 时间 | 工作内容) and payer
columns named by a level alone (`自治区`). Small pages written for these tests; every expected
value is read from the page."""

from __future__ import annotations

from minshi_extract import extract

PROJECT_TABLE = """<html><body><div class="article">
<h1>某市人民政府办公室关于印发某市2024年民生实事项目计划的通知</h1>
<p>各县(区)人民政府:</p>
<p>《某市2024年民生实事项目计划》已经市人民政府同意,现印发给你们。</p>
<p>某市人民政府办公室</p><p>2024年2月26日</p>
<p>某市2024年民生实事项目计划</p>
<p>单位:万元</p>
<table>
<tr><td rowspan="2">序号</td><td rowspan="2">项目名称</td><td rowspan="2">总投资</td>
<td colspan="2">2024年度</td><td rowspan="2">牵头单位</td></tr>
<tr><td>计划投资</td><td>完成时限</td></tr>
<tr><td>1</td><td>公办学校扩容</td><td>18600</td><td>9800</td><td>2024年8月底前</td><td>市教育局</td></tr>
<tr><td>2</td><td>老旧小区改造</td><td>15200</td><td>8600</td><td>2024年12月底前</td><td>市住建局</td></tr>
<tr><td>合计</td><td></td><td>33800</td><td>18400</td><td></td><td></td></tr>
</table>
</div></body></html>
"""

STEPS_AND_PAYERS = """<html><body><div class="article">
<h1>某市人民政府办公室关于印发某市2021年农村户厕改造实施方案的通知</h1>
<p>某市2021年农村户厕改造实施方案</p>
<p>一、目标任务</p>
<p>2021年全市完成农村户厕改造4800户。各县(区)任务见附表1。</p>
<p>二、实施步骤</p>
<p>各阶段时间和工作内容见附表2。</p>
<p>附表:1.2021年农村户厕改造补助资金分配表</p>
<p>2.2021年农村户厕改造工作进度安排表</p>
<p>附表1</p>
<p>2021年农村户厕改造补助资金分配表</p>
<table>
<tr><td rowspan="2">县(区)</td><td rowspan="2">改造任务(户)</td><td colspan="3">补助资金(万元)</td></tr>
<tr><td>合计</td><td>中央</td><td>自治区</td></tr>
<tr><td>东山县</td><td>2600</td><td>260</td><td>160</td><td>100</td></tr>
<tr><td>西河县</td><td>2200</td><td>220</td><td>140</td><td>80</td></tr>
<tr><td>合计</td><td>4800</td><td>480</td><td>300</td><td>180</td></tr>
</table>
<p>附表2</p>
<p>2021年农村户厕改造工作进度安排表</p>
<table>
<tr><td>阶段</td><td>时间</td><td>工作内容</td></tr>
<tr><td>摸底申报阶段</td><td>2021年3月—4月</td><td>完成摸底登记,4月20日前将改造任务分解到村到户。</td></tr>
<tr><td>组织实施阶段</td><td>2021年5月—10月</td><td>组织施工;<br/>9月底前完成改造任务的90%以上。</td></tr>
</table>
</div></body></html>
"""


def _write(tmp_path, name: str, page: str):
    path = tmp_path / name
    path.write_text(page, encoding="utf-8")
    return extract(path)


def test_caption_line_between_title_and_header_gives_the_unit(tmp_path) -> None:
    notice = _write(tmp_path, "projects.html", PROJECT_TABLE)
    money = {(r.text, r.amount_cny) for r in notice.all_records() if r.type == "money"}
    assert ("18600", 186_000_000) in money  # 总投资 in 万元, from the caption above the header
    assert ("9800", 98_000_000) in money  # 计划投资 under the spanning 2024年度
    assert ("33800", 338_000_000) in money  # the 合计 row


def test_fubiao_labels_split_two_tables(tmp_path) -> None:
    notice = _write(tmp_path, "steps.html", STEPS_AND_PAYERS)
    assert [a.label for a in notice.attachments] == ["附表1", "附表2"]
    assert notice.attachments[0].title == "2021年农村户厕改造补助资金分配表"


def test_level_alone_names_a_payer_column(tmp_path) -> None:
    notice = _write(tmp_path, "steps.html", STEPS_AND_PAYERS)
    money = {(r.text, r.region): r.source for r in notice.all_records() if r.type == "money"}
    assert money[("100", "东山县")] == "自治区"
    assert money[("160", "东山县")] == "中央"


def test_steps_table_gives_phases_and_the_deadlines_of_its_work_cells(tmp_path) -> None:
    notice = _write(tmp_path, "steps.html", STEPS_AND_PAYERS)
    records = notice.all_records()
    phases = {(r.name, r.start, r.end, r.text) for r in records if r.type == "phase"}
    assert phases == {("摸底申报阶段", "2021-03", "2021-04", "2021年3月—4月"),
                      ("组织实施阶段", "2021-05", "2021-10", "2021年5月—10月")}
    deadlines = {(r.date, r.text, r.what) for r in records if r.type == "deadline"}
    assert ("2021-04-20", "4月20日前", "将改造任务分解到村到户") in deadlines
    assert ("2021-09", "9月底前", "完成改造任务的90%以上") in deadlines
    assert all(notice.text[r.span[0]:r.span[1]] == r.text for r in records)


FLAT_STEPS = """关于印发某市2019年两癌免费筛查实施方案的通知
某市2019年城乡适龄妇女两癌免费筛查实施方案
　　一、目标任务
　　为城乡适龄妇女免费开展宫颈癌筛查2万人。
　　二、实施步骤
　　工作分两个阶段进行:
阶段
时间
工作内容
宣传动员
2019年4月
4月15日前制定县级实施方案,开展宣传发动
组织筛查
2019年5月—10月
按照任务分解表开展筛查,
8月底前完成筛查任务的60%
　　三、任务分解
县区
宫颈癌筛查(人)
桥东区
5000
桥西区
4500

— 2 —

县区
宫颈癌筛查(人)
宣化区
10500
合计
20000
　　四、责任主体
　　牵头单位:市卫生健康委
"""


def test_flattened_steps_table_and_county_table_over_a_page_break() -> None:
    from minshi_extract import extract_text

    notice = extract_text(FLAT_STEPS)
    records = notice.all_records()
    phases = {(r.name, r.start, r.end) for r in records if r.type == "phase"}
    assert phases == {("宣传动员", "2019-04", "2019-04"), ("组织筛查", "2019-05", "2019-10")}
    deadlines = {(r.date, r.text) for r in records if r.type == "deadline"}
    assert deadlines == {("2019-04-15", "4月15日前"), ("2019-08", "8月底前")}
    people = {(r.region, r.value) for r in records if r.type == "quantity" and r.unit == "人"}
    assert {("桥东区", 5000), ("桥西区", 4500), ("宣化区", 10500), (None, 20000)} <= people


GLUED_HEADER = """关于印发某州2022年惠民实事实施方案的通知
某州2022年惠民实事实施方案
一、总体目标
2022年,全州实施2件惠民实事,总投资4000万元。各项目资金安排见附件1。
附件:1.某州2022年惠民实事项目资金安排表
附件1
某州2022年惠民实事项目资金安排表
单位:万元
序号项目名称合计中央省级州县
1 农村危房改造 2800 1600 800 400
2 社区养老服务站建设 1200 — 700 500
合计 4000 1600 1500 900
"""


def test_header_glued_by_a_pdf_copy_is_cut_at_its_column_words() -> None:
    from minshi_extract import extract_text

    notice = extract_text(GLUED_HEADER)
    table = notice.attachments[0].tables[0]
    assert table.header == ["序号", "项目名称", "合计(万元)", "中央(万元)", "省级(万元)", "州县(万元)"]
    money = {(r.text, r.source) for r in notice.all_records() if r.type == "money"}
    assert ("700", "省级") in money  # a row with an empty cell (`—`) keeps its columns
    assert ("900", "州县") in money


RUNNING_HEAD = """某市人民政府办公室关于印发某市2020年民生实事项目计划的通知
某政办发〔2020〕8号
各区县人民政府:
现将《某市2020年民生实事项目计划表》印发给你们,请认真组织实施。
附件:某市2020年民生实事项目计划表
附件
某市2020年民生实事项目计划表
序号
项目名称
总投资
(万元)
牵头单位
1
新建改扩建城区幼儿园
12500
市教育局
2
城市集中供热管网改造

— 3 —

某政办发〔2020〕8号
9600
市住建局
合计
22100
"""


def test_running_head_between_two_cells_of_a_row_is_dropped() -> None:
    from minshi_extract import extract_text

    notice = extract_text(RUNNING_HEAD)
    rows = notice.attachments[0].tables[0].rows
    assert ["2", "城市集中供热管网改造", "9600", "市住建局"] in rows
    money = {r.text: r.amount_cny for r in notice.all_records() if r.type == "money"}
    assert money["9600"] == 96_000_000


SHARE_COLUMN = """关于印发某市2019年两癌免费筛查实施方案的通知
某市2019年两癌免费筛查实施方案
　　一、任务分解
县区
宫颈癌筛查(人)
任务占比
桥东区
5000
25%
桥西区
15000
75%
合计
20000
100%
"""


def test_a_percentage_cell_is_named_by_its_header_not_taken_for_a_row_name() -> None:
    from minshi_extract import extract_text

    records = extract_text(SHARE_COLUMN).all_records()
    shares = {r.text: r.item for r in records if r.type == "percentage"}
    assert shares == {"25%": "任务占比", "75%": "任务占比", "100%": "任务占比"}
    people = {r.text: r.item for r in records if r.type == "quantity"}
    assert people["5000"] == "宫颈癌筛查"  # a region row: the header alone (GUIDELINES rule 8)


TASK_TABLE = """关于印发某市2026年社区养老服务设施建设实施方案的通知
某市2026年社区养老服务设施建设实施方案
一、目标任务
新建社区嵌入式养老服务设施20个。
附件:某市2026年社区养老服务设施建设任务分工表
附件
某市2026年社区养老服务设施建设任务分工表
序号|工作任务|牵头单位|完成时限
1|完成设施选址和建设方案|市民政局|3月底前
2|开展绩效评估|市财政局|12月15日前
"""


def test_a_task_tables_deadline_is_due_with_the_rows_task() -> None:
    from minshi_extract import extract_text

    records = extract_text(TASK_TABLE).all_records()
    whats = {r.text: r.what for r in records if r.type == "deadline"}
    assert whats == {"3月底前": "完成设施选址和建设方案", "12月15日前": "开展绩效评估"}


UNNUMBERED_CITATION = """某市人民政府办公室关于印发2024年民生实事实施方案的通知
各县区人民政府:
现将两个实施方案印发给你们,请认真贯彻执行。
某市人民政府办公室
2024年3月1日

某市2024年农村供水保障提升工程实施方案
一、目标任务
2024年实施农村供水保障提升工程13处。各县区任务详见附件。
二、责任分工
牵头单位:市水务局

某市2024年社区老年助餐服务实施方案
一、目标任务
新建社区老年助餐点60个。
二、责任分工
牵头单位:市民政局

附件:某市2024年农村供水保障提升工程任务分解表

附件
某市2024年农村供水保障提升工程任务分解表
县区
工程数量(处)
秦州区
6
麦积区
7
合计
13
"""


def test_an_unnumbered_attachment_belongs_to_the_plan_citing_it() -> None:
    from minshi_extract import extract_text

    notice = extract_text(UNNUMBERED_CITATION)
    water, meals = notice.programmes
    assert notice.attachments[0].programme_id == water.id
    assert ("秦州区", 6) in {(r.region, r.value) for r in water.records if r.type == "quantity"}
    assert not [r for r in meals.records if r.type == "quantity" and r.region]


SPANNED = """<html><body><div class="article">
<h1>某市人民政府办公室关于印发某市2021年农村厕所革命实施方案的通知</h1>
<p>某市2021年农村厕所革命实施方案</p>
<p>一、目标任务</p>
<p>2021年全市完成农村户厕改造4800户。各县(区)任务见附表。</p>
<p>附表</p>
<p>某市2021年农村厕所革命任务分配表</p>
<table>
<tr><td rowspan="2">县(区)</td><td rowspan="2">改造任务(户)</td><td colspan="2">户厕补助资金(万元)</td></tr>
<tr><td>合计</td><td>中央财政</td></tr>
<tr><td>东山县</td><td>2600</td><td>260</td><td>160</td></tr>
<tr><td>蔚县</td><td>2200</td><td>220</td><td>140</td></tr>
</table>
</div></body></html>
"""


def test_cells_under_a_spanning_header_are_named_by_it(tmp_path) -> None:
    # 户厕补助资金(万元) spans 合计 | 中央财政; a county row and the caption name nothing (GUIDELINES rule 8)
    notice = _write(tmp_path, "spanned.html", SPANNED)
    money = {(r.text, r.region): (r.item, r.source) for r in notice.all_records() if r.type == "money"}
    assert money[("260", "东山县")] == ("户厕补助资金", None)
    assert money[("140", "蔚县")] == ("户厕补助资金", "中央财政")
