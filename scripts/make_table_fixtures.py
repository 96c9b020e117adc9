#!/usr/bin/env python3
"""Build the blind10 fixture family (notices whose figures sit in tables).

Run with the venv that has fpdf2 and reportlab:
    /work/blind10/.venv/bin/python /work/blind10/make_fixtures.py

Every notice is written from the data below; nothing is copied from another file.
Outputs (in /work/blind10/):
    suzhou_ah_2024_web.txt      web page made from a PDF: flattened table, vanished empty cells,
                                broken number, header repeated after page furniture, row split by page
    mianyang_2023.pdf           reportlab: ruled project list, 2-row header with units, caption,
                                group rows spanning the table, wrapped cells, role columns, row split
    xiangyang_2026.pdf          fpdf2: per-plan notice, payer table, progress (quarters / months)
                                table, lead/support role table, county table
    fuzhou_jx_2022.html         portal page, list-style notice + 项目清单 annex as <table>
    hanzhong_2021.txt           list-style notice + annex with `|` separators (payer + progress)
    jiamusi_2019.txt            list-style notice + annex one cell per line
    dezhou_2020.pdf             reportlab: county x payer table (2-row header, unit in 2nd row),
                                task table with 牵头单位/配合单位 and a row split over a page break
    jinhua_2025.html            portal page, per-plan notice, <table> with rowspan/colspan,
                                payer columns, 牵头单位/配合单位 with <br>, progress months
"""
import html
import os

OUT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "corpus", "variants", "tables")
FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"


def check_sum(name, parts, total):
    s = round(sum(parts), 4)
    if abs(s - total) > 1e-6:
        raise SystemExit(f"arithmetic error in {name}: {parts} sums to {s}, not {total}")


def num(x):
    """Format a number as the tables print it (no trailing .0)."""
    if isinstance(x, str):
        return x
    if x is None:
        return ""
    if float(x).is_integer():
        return str(int(x))
    return (f"{x:.4f}").rstrip("0").rstrip(".")


NOBREAK_BEFORE = set(",，。、;；:：)）》”%")
NOBREAK_AFTER = set("(（《“")


def wrap_lines(text, width_of, maxw):
    """Greedy line breaking for prose, as a typesetter with CJK rules would do it: no break inside a
    number, between a number and its unit, before closing punctuation or after opening punctuation."""
    def allowed(i):
        a, b = text[i - 1], text[i]
        if b in NOBREAK_BEFORE or a in NOBREAK_AFTER:
            return False
        if a.isdigit() or a == "." or b.isdigit() or b == ".":
            return False
        # keep a figure together with up to three characters of unit after it and two of noun before it
        return not (any(ch.isdigit() for ch in text[max(0, i - 3):i]) or any(ch.isdigit() for ch in text[i:i + 2]))
    lines, start, last_ok = [], 0, None
    i = 1
    while i <= len(text):
        if i < len(text) and allowed(i):
            last_ok = i
        if width_of(text[start:i]) > maxw and last_ok and last_ok > start:
            lines.append(text[start:last_ok])
            start, last_ok = last_ok, None
            i = start + 1
            continue
        i += 1
    lines.append(text[start:])
    return lines


# ---------------------------------------------------------------------------
# N1  宿州 2024: web page made from a PDF (flattened, vanished cells, broken number)
# ---------------------------------------------------------------------------
SUZHOU_T1 = [  # 序号, 项目名称, 合计, 中央, 省级, 市县, 责任单位
    ("1", "城乡居民医保财政补助提标", 16620.5, 9800, 3200, 3620.5, "市医保局"),
    ("2", "义务教育学校改薄提升", 8400, 5000, None, 3400, "市教育局"),
    ("3", "困难残疾人生活补贴", 2150, None, 1290, 860, "市残联"),
    ("4", "农村饮水安全巩固提升", 6830, 2500, 1800, 2530, "市水务局"),
]
SUZHOU_T1_TOTAL = ("合计", 34000.5, 17300, 6290, 10410.5)
SUZHOU_T2 = [  # 县区, 补贴人数(人), 其中新增(人), 补贴资金(万元)
    ("埇桥区", 6000, 320, 600),
    ("砀山县", 3800, None, 380),
    ("萧县", 4500, 180, 450),
    ("灵璧县", 4200, None, 420),
    ("泗县", 3000, 100, 300),
]
SUZHOU_T2_TOTAL = ("合计", 21500, 600, 2150)


def check_suzhou():
    for r in SUZHOU_T1:
        check_sum(r[1], [x or 0 for x in r[3:6]], r[2])
    for i in range(4):
        check_sum(f"宿州T1 col{i}", [r[2 + i] or 0 for r in SUZHOU_T1], SUZHOU_T1_TOTAL[1 + i])
    for i in range(3):
        check_sum(f"宿州T2 col{i}", [r[1 + i] or 0 for r in SUZHOU_T2], SUZHOU_T2_TOTAL[1 + i])
    for r in SUZHOU_T2:  # 1000元/人/年
        check_sum(r[0], [r[1] * 0.1], r[3])


def make_suzhou():
    check_suzhou()
    L = []
    a = L.append
    a("首页 > 政务公开 > 政策文件 > 市政府办公室文件")
    a("")
    a("索 引 号:11341300003123456X/202403-00021")
    a("发布机构:宿州市人民政府办公室")
    a("发布日期:2024-03-22")
    a("文    号:宿政办秘〔2024〕15号")
    a("标    题:宿州市人民政府办公室关于印发宿州市2024年民生实事项目资金安排方案的通知")
    a("")
    a("宿州市人民政府办公室关于印发宿州市2024年民生实事项目资金安排方案的通知")
    a("")
    a("宿政办秘〔2024〕15号")
    a("")
    a("各县、区人民政府,市政府各部门、各直属机构:")
    a("")
    a("经市政府同意,现将《宿州市2024年民生实事项目资金安排方案》印发给你们,请结合实际,认真贯彻落实。")
    a("")
    a("宿州市人民政府办公室")
    a("2024年3月18日")
    a("")
    a("— 1 —")
    a("")
    a("宿州市2024年民生实事项目资金安排方案")
    a("")
    a("为扎实办好2024年民生实事,确保项目资金及时足额到位,制定本方案。")
    a("")
    a("一、总体安排")
    a("")
    a("2024年全市实施民生实事项目4项,安排资金34000.5万元,其中中央财政17300万元、省级财政6290万元、"
      "市县财政10410.5万元。各项目资金安排详见附件1。")
    a("")
    a("二、项目安排")
    a("")
    a("(一)城乡居民医保财政补助提标。城乡居民基本医疗保险人均财政补助标准提高30元,达到每人每年670元,"
      "由市医保局会同市财政局组织实施。")
    a("")
    a("(二)义务教育学校改薄提升。改造提升农村义务教育薄弱学校26所,新建改扩建校舍4.2万平方米,"
      "8月底前完成暑期施工项目。")
    a("")
    a("(三)困难残疾人生活补贴。对困难残疾人按每人每年1000元标准发放生活补贴,惠及21500人,其中新增600人。"
      "各县区任务详见附件2。")
    a("")
    a("(四)农村饮水安全巩固提升。新建改造农村供水工程35处,巩固提升18.6万农村人口饮水安全保障水平,"
      "10月底前完工。")
    a("")
    a("三、保障措施")
    a("")
    a("各责任单位要加快资金拨付进度,中央和省级资金到位后15个工作日内拨付到项目单位。"
      "市财政局会同有关部门于12月15日前开展绩效评价。")
    a("")
    a("附件:1.宿州市2024年民生实事项目资金安排表")
    a("      2.困难残疾人生活补贴任务分解表")
    a("")
    a("— 2 —")
    a("")
    a("附件1")
    a("")
    a("宿州市2024年民生实事项目资金安排表")
    a("")
    a("单位:万元")
    header = ["序号", "项目名称", "资金合计", "中央财政", "省级财政", "市县财政", "责任单位"]
    L.extend(header)
    for no, name, tot, c, p, m, unit in SUZHOU_T1:
        cells = [no, name]
        if no == "1":
            # the converter broke this number over two lines
            cells += ["16620.", "5"]
        else:
            cells.append(num(tot))
        if no == "3":
            # page break inside row 3: the header is repeated on the next page
            L.extend(cells)
            L.extend(["", "— 3 —", ""])
            L.extend(header)
            cells = []
        # empty cells vanish: no line at all
        cells += [num(x) for x in (c, p, m) if x is not None]
        cells.append(unit)
        L.extend(cells)
    L.extend([SUZHOU_T1_TOTAL[0]] + [num(x) for x in SUZHOU_T1_TOTAL[1:]])
    L.extend(["", "— 4 —", ""])
    a("附件2")
    a("")
    a("困难残疾人生活补贴任务分解表")
    a("")
    L.extend(["县区", "补贴人数(人)", "其中新增(人)", "补贴资金(万元)"])
    for row in [*SUZHOU_T2, SUZHOU_T2_TOTAL]:
        L.extend([row[0]] + [num(x) for x in row[1:] if x is not None])
    L.extend(["", "— 5 —", ""])
    a("扫一扫在手机打开当前页")
    a("【打印本页】 【关闭窗口】")
    write_txt("suzhou_ah_2024_web.txt", "\n".join(L) + "\n")


def write_txt(name, s):
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write(s)


# ---------------------------------------------------------------------------
# N2  绵阳 2023: reportlab, ruled project list
# ---------------------------------------------------------------------------
MIANYANG_GROUPS = [
    ("一、教育类项目", [
        ("1", ["涪城区城北小学", "扩建"], ["新建教学综合楼1栋,", "新增学位1080个"], 6800, 4200,
         ["市教育和体育局"], ["涪城区政府", "市自然资源和规划局"], ["2023年", "8月底前"]),
        ("2", ["公办幼儿园扩容"], ["新建改扩建公办幼儿园", "6所,新增学位1620个"], 5400, 5400,
         ["市教育和体育局"], ["市财政局", "各县市区政府"], ["2023年", "9月底前"]),
    ]),
    ("二、医疗卫生类项目", [
        ("3", ["市中心医院急诊", "急救能力提升"], ["改造急诊用房3200平方米,", "配置负压救护车4台"], 4600, 3000,
         ["市卫生健康委"], ["市发展改革委", "市财政局"], ["2023年", "12月底前"]),
        ("4", ["适龄妇女“两癌”", "免费筛查"], ["为3.5万名适龄妇女开展", "宫颈癌和乳腺癌免费筛查"], 525, 525,
         ["市卫生健康委"], ["市妇联", "市财政局"], ["2023年", "11月底前"]),
    ]),
    ("三、城乡建设类项目", [
        ("5", ["城镇老旧小区改造"], ["改造老旧小区86个,", "惠及居民1.2万户,", "同步完善水电气路", "等配套设施"],
         21600, 15800, ["市住房城乡建设委"], ["市财政局", "市发展改革委", "各县市区政府"], ["2023年", "11月底前"]),
        ("6", ["城区停车场建设"], ["新建公共停车场8个,", "新增停车泊位2400个"], 7200, 4800,
         ["市城市管理局"], ["市公安局", "市自然资源和规划局"], ["2023年", "10月底前"]),
        ("7", ["农村公路提质改造"], ["改造农村公路150公里,", "其中窄路面加宽85公里"], 9000, 9000,
         ["市交通运输局"], ["各县市区政府"], ["2023年", "11月底前"]),
    ]),
]
MIANYANG_TOTAL = (55125, 42725)


def rl_setup():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    try:
        pdfmetrics.getFont("WQY")
    except KeyError:
        pdfmetrics.registerFont(TTFont("WQY", FONT, subfontIndex=0))


def rl_styles():
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle
    base = dict(fontName="WQY", wordWrap="CJK")
    return {
        "title": ParagraphStyle("t", fontSize=16, leading=24, alignment=TA_CENTER, **base),
        "center": ParagraphStyle("c", fontSize=12, leading=20, alignment=TA_CENTER, **base),
        "body": ParagraphStyle("b", fontSize=12, leading=20, firstLineIndent=24, alignment=TA_JUSTIFY, **base),
        "left": ParagraphStyle("l", fontSize=12, leading=20, alignment=TA_LEFT, **base),
        "right": ParagraphStyle("r", fontSize=12, leading=20, alignment=TA_RIGHT, **base),
        "cell": ParagraphStyle("cell", fontSize=8, leading=11, alignment=TA_CENTER, **base),
        "cellL": ParagraphStyle("cellL", fontSize=8, leading=11, alignment=TA_LEFT, **base),
        "caption": ParagraphStyle("cap", fontSize=10, leading=14, alignment=TA_RIGHT, **base),
    }


def rl_para(story, t, S, s):
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Paragraph
    if s != "body":
        story.append(Paragraph(html.escape(t), S[s]))
        return
    st = S["left"]
    maxw = MAXW_RL[0]
    for _k, line in enumerate(wrap_lines("　　" + t, lambda x: stringWidth(x, "WQY", st.fontSize), maxw)):
        story.append(Paragraph(html.escape(line), st))


MAXW_RL = [0.0]  # usable line width in points of the document being built


def rl_cell(lines, st):
    from reportlab.platypus import Paragraph
    if lines is None:
        return ""
    if isinstance(lines, (int, float)):
        lines = [num(lines)]
    if isinstance(lines, str):
        lines = [lines]
    return Paragraph("<br/>".join(html.escape(x) for x in lines), st)


def rl_page_number(fmt):
    def on_page(canvas, doc):
        canvas.saveState()
        canvas.setFont("WQY", 10)
        canvas.drawCentredString(doc.pagesize[0] / 2, 12 * 2.835 * 1.0, fmt % doc.page)
        canvas.restoreState()
    return on_page


def make_mianyang():
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    MAXW_RL[0] = 182 * mm - 14
    from reportlab.platypus import PageBreak, SimpleDocTemplate, Spacer, Table, TableStyle
    rl_setup()
    S = rl_styles()
    tot = sum(r[3] for g in MIANYANG_GROUPS for r in g[1])
    yr = sum(r[4] for g in MIANYANG_GROUPS for r in g[1])
    check_sum("绵阳 总投资", [tot], MIANYANG_TOTAL[0])
    check_sum("绵阳 年度", [yr], MIANYANG_TOTAL[1])

    story = []
    def P(t, s="body"):
        return rl_para(story, t, S, s)
    P("绵阳市人民政府办公室", "title")
    P("关于印发2023年市级民生实事项目清单的通知", "title")
    story.append(Spacer(1, 6))
    P("绵府办发〔2023〕9号", "center")
    story.append(Spacer(1, 10))
    P("各县(市、区)人民政府,科技城新区管委会,市政府各部门:", "left")
    P("经市政府同意,现将《绵阳市2023年市级民生实事项目清单》印发给你们,并就有关事项通知如下。")
    P("一、2023年市级民生实事项目共7项,总投资5.5125亿元,年度计划投资4.2725亿元。各牵头单位要会同"
      "配合单位细化实施方案,3月底前报市政府督查室备案。")
    P("二、各牵头单位每月5日前报送项目进展情况,12月10日前报送全年工作总结。")
    P("三、对进度滞后的项目,由市政府督查室进行督办,情节严重的予以通报。")
    story.append(Spacer(1, 8))
    P("附件:绵阳市2023年市级民生实事项目清单", "left")
    story.append(Spacer(1, 24))
    P("绵阳市人民政府办公室", "right")
    P("2023年2月20日", "right")
    # the annex follows on the same page; the spacer sets where the table breaks over the page
    story.append(Spacer(1, MIANYANG_SPACER * mm))
    P("附件", "left")
    P("绵阳市2023年市级民生实事项目清单", "title")
    P("单位:万元", "caption")
    c, cl = S["cell"], S["cellL"]
    head = [
        [rl_cell(x, c) for x in ["序号", "项目名称", "建设内容及规模", "总投资", "年度计划", "牵头单位", "配合单位", "完成时限"]],
        [rl_cell(x, c) for x in [None, None, None, "(万元)", ["投资", "(万元)"], None, None, None]],
    ]
    head_style = [
        ("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1)), ("SPAN", (2, 0), (2, 1)),
        ("SPAN", (5, 0), (5, 1)), ("SPAN", (6, 0), (6, 1)), ("SPAN", (7, 0), (7, 1)),
    ]
    body = []  # (kind, cells)
    for gname, rows in MIANYANG_GROUPS:
        body.append(("group", [rl_cell(gname, cl)] + [""] * 7))
        for no, name, content, t, y, lead, sup, due in rows:
            if no == MIANYANG_SPLIT_ROW:
                # the row runs over the page break: its upper lines on page 1, the rest on page 2
                body.append(("open", [rl_cell(no, c), rl_cell(name[0][:-2], c), rl_cell(content[:2], cl),
                                      rl_cell(t, c), rl_cell(y, c), rl_cell(lead, c), rl_cell(sup[:2], c),
                                      rl_cell(due[:1], c)]))
                body.append(("break", None))
                body.append(("cont", ["", rl_cell(name[0][-2:], c), rl_cell(content[2:], cl), "", "", "",
                                      rl_cell(sup[2:], c), rl_cell(due[1:], c)]))
                continue
            body.append(("data", [rl_cell(no, c), rl_cell(name, c), rl_cell(content, cl), rl_cell(t, c),
                                  rl_cell(y, c), rl_cell(lead, c), rl_cell(sup, c), rl_cell(due, c)]))
    body.append(("total", [rl_cell("合计", c), "", "", rl_cell(MIANYANG_TOTAL[0], c),
                           rl_cell(MIANYANG_TOTAL[1], c), "", "", ""]))
    widths = [8 * mm, 25 * mm, 40 * mm, 14 * mm, 16 * mm, 27 * mm, 32 * mm, 17 * mm]
    k = next(i for i, (kind, _) in enumerate(body) if kind == "break")
    for part in (body[:k], body[k + 1:]):
        data = list(head)
        style = [("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("GRID", (0, 0), (-1, 1), 0.6, "black"), *head_style]
        for kind, cells in part:
            i = len(data)
            data.append(cells)
            if kind == "group":
                style.append(("SPAN", (0, i), (-1, i)))
            if kind == "total":
                style.append(("SPAN", (0, i), (2, i)))
            if kind == "open":  # no bottom rule: the row goes on over the page
                style += [("LINEBEFORE", (0, i), (-1, i), 0.6, "black"), ("LINEAFTER", (-1, i), (-1, i), 0.6, "black")]
            else:
                style.append(("GRID", (0, i), (-1, i), 0.6, "black"))
        story.append(Table(data, colWidths=widths, style=TableStyle(style)))
        if part is not body[k + 1:]:
            story.append(PageBreak())
    doc = SimpleDocTemplate(os.path.join(OUT, "mianyang_2023.pdf"), pagesize=A4, leftMargin=14 * mm,
                            rightMargin=14 * mm, topMargin=25 * mm, bottomMargin=22 * mm,
                            title="绵阳市人民政府办公室关于印发2023年市级民生实事项目清单的通知",
                            author="绵阳市人民政府办公室")
    pn = rl_page_number("— %d —")
    doc.build(story, onFirstPage=pn, onLaterPages=pn)


MIANYANG_SPACER = int(os.environ.get("MIANYANG_SPACER", 27))
MIANYANG_SPLIT_ROW = "5"

# ---------------------------------------------------------------------------
# N3  襄阳 2026: fpdf2, per-plan notice with four annex tables
# ---------------------------------------------------------------------------
XY_A1 = [  # 县(市、区), 合计, 中央, 省级, 市县
    ("襄州区", 2400, 1200, 720, 480),
    ("南漳县", 1850, 900, 555, 395),
    ("谷城县", 1600, 800, 480, 320),
    ("保康县", 2150, 1300, 645, 205),
    ("枣阳市", 1000, None, 600, 400),
]
XY_A1_TOTAL = ("合计", 9000, 4200, 3000, 1800)
XY_A2 = [  # 县(市、区), 工程(处), 受益人口(万人), 进度要求 lines
    ("襄州区", 12, 3.2, ["一季度完成项目招标;", "二季度开工建设;", "三季度完成主体工程;", "四季度通水验收"]),
    ("南漳县", 9, 1.8, ["一季度完成项目招标;", "二季度开工建设;", "三季度完成主体工程;", "四季度通水验收"]),
    ("谷城县", 8, 1.5, ["4月底前完成招标;", "7月底前主体完工;", "10月底前通水验收"]),
    ("保康县", 14, 1.1, ["一季度末完成招标;", "三季度末主体完工;", "11月15日前通水"]),
    ("枣阳市", 5, 2.4, ["5月底前开工;", "9月底前完工"]),
]
XY_A2_TOTAL = ("合计", 48, 10.0)
XY_B1 = [  # 序号, 工作任务, 牵头单位, 配合单位, 完成时限
    ("1", "完成设施选址和建设方案", ["市民政局"], ["市自然资源和规划局", "市住房城乡建设局", "各县(市、区)人民政府"], "3月底前"),
    ("2", "完成设施建设和设备配置", ["各县(市、区)人民政府"], ["市民政局", "市财政局"], "9月底前"),
    ("3", "引入专业机构运营", ["市民政局"], ["市市场监管局", "市消防救援支队"], "10月31日前"),
    ("4", "开展绩效评估", ["市财政局"], ["市民政局"], "12月15日前"),
]
XY_B2 = [  # 县(市、区), 建设数量(个), 省级补助(万元), 市县配套(万元)
    ("襄州区", 5, 150, 100),
    ("南漳县", 3, 90, 60),
    ("谷城县", 4, 120, 80),
    ("保康县", 2, 60, 40),
    ("枣阳市", 6, 180, 120),
]
XY_B2_TOTAL = ("合计", 20, 600, 400)


def check_xiangyang():
    for r in XY_A1:
        check_sum(r[0], [x or 0 for x in r[2:]], r[1])
    for i in range(4):
        check_sum(f"襄阳A1 col{i}", [r[1 + i] or 0 for r in XY_A1], XY_A1_TOTAL[1 + i])
    for i in range(2):
        check_sum(f"襄阳A2 col{i}", [r[1 + i] for r in XY_A2], XY_A2_TOTAL[1 + i])
    for i in range(3):
        check_sum(f"襄阳B2 col{i}", [r[1 + i] for r in XY_B2], XY_B2_TOTAL[1 + i])
    for r in XY_B2:
        check_sum(r[0] + " 30万元/个", [r[1] * 30], r[2])


def make_xiangyang():
    from fpdf import FPDF
    from fpdf.fonts import FontFace
    check_xiangyang()

    class Doc(FPDF):
        def footer(self):
            self.set_y(-15)
            self.set_font("WQY", size=10)
            self.cell(0, 8, f"- {self.page_no()} -", align="C")

    pdf = Doc(format="A4")
    pdf.set_creator("fpdf2")
    pdf.set_title("襄阳市人民政府办公室关于印发襄阳市2026年民生实事实施方案的通知")
    pdf.add_font("WQY", fname=FONT, collection_font_number=0)
    pdf.set_margins(22, 22, 22)
    pdf.set_auto_page_break(True, margin=22)
    pdf.add_page()

    def para(t, size=12, align="J", indent=True, lh=8):
        pdf.set_font("WQY", size=size)
        t = ("　　" if indent else "") + t
        if align in ("C", "R"):
            pdf.multi_cell(0, lh, t, align=align, new_x="LMARGIN", new_y="NEXT")
            return
        for line in wrap_lines(t, pdf.get_string_width, pdf.epw - 1):
            pdf.cell(0, lh, line, new_x="LMARGIN", new_y="NEXT")

    def title(t, size=16):
        pdf.set_font("WQY", size=size)
        pdf.multi_cell(0, 11, t, align="C", new_x="LMARGIN", new_y="NEXT")

    def table(widths, head_rows, body, caption=None, heading_rows=1):
        if caption:
            pdf.set_font("WQY", size=10)
            pdf.cell(0, 7, caption, align="R", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("WQY", size=9)
        with pdf.table(col_widths=widths, width=sum(widths), text_align="CENTER", line_height=5.5,
                       borders_layout="ALL", num_heading_rows=heading_rows, repeat_headings=1,
                       headings_style=FontFace(emphasis=None), first_row_as_headings=True) as t:
            for hr in head_rows + body:
                row = t.row()
                for cell in hr:
                    if isinstance(cell, tuple):
                        txt, kw = cell
                        row.cell(txt, **kw)
                    else:
                        row.cell(cell)
        pdf.ln(4)

    title("襄阳市人民政府办公室")
    title("关于印发襄阳市2026年民生实事实施方案的通知")
    para("襄政办发〔2026〕4号", align="C", indent=False)
    pdf.ln(3)
    para("各县(市、区)人民政府,市政府各部门:", indent=False, align="L")
    para("《襄阳市2026年农村供水保障工程实施方案》《襄阳市2026年社区嵌入式养老服务设施建设实施方案》"
         "已经市人民政府同意,现印发给你们,请认真组织实施,确保11月底前全面完成年度任务。")
    pdf.ln(10)
    para("襄阳市人民政府办公室", align="R", indent=False)
    para("2026年2月12日", align="R", indent=False)
    pdf.add_page()
    title("襄阳市2026年农村供水保障工程实施方案")
    para("一、目标任务", indent=False)
    para("新建改造农村供水工程48处,提升10万农村人口供水保障水平,农村自来水普及率达到97%以上。")
    para("二、资金安排", indent=False)
    para("项目总投资9000万元,其中中央财政4200万元、省级财政3000万元、市县财政1800万元。"
         "各县(市、区)资金安排见附件1。")
    para("三、实施步骤", indent=False)
    para("(一)前期准备阶段(1—3月)。完成项目选址、初步设计和招标工作。")
    para("(二)组织实施阶段(4—10月)。全面开工建设,9月底前完成主体工程。")
    para("(三)验收总结阶段(11—12月)。12月20日前完成竣工验收和绩效自评。")
    para("四、责任主体", indent=False)
    para("牵头单位:市水利和湖泊局")
    para("配合单位:市财政局、市发展改革委、市卫生健康委")
    para("实施单位:各县(市、区)人民政府")
    para("附件:1.农村供水保障工程资金安排表", indent=False)
    para("      2.农村供水保障工程任务及进度安排表", indent=False)
    pdf.add_page()
    para("附件1", indent=False, align="L")
    title("农村供水保障工程资金安排表", 14)
    head = [
        [("县(市、区)", {"rowspan": 2}), ("资金合计", {"rowspan": 2}), ("其中", {"colspan": 3})],
        ["中央财政", "省级财政", "市县财政"],
    ]
    body = [[r[0]] + [num(x) for x in r[1:]] for r in [*XY_A1, XY_A1_TOTAL]]
    table((34, 30, 34, 34, 34), head, body, caption="单位:万元", heading_rows=2)
    para("附件2", indent=False, align="L")
    title("农村供水保障工程任务及进度安排表", 14)
    head = [["县(市、区)", "新建改造供水", "受益人口", "进度要求"],
            ["", "工程(处)", "(万人)", ""]]
    head = [[("县(市、区)", {"rowspan": 2}), "新建改造供水", "受益人口", ("进度要求", {"rowspan": 2})],
            ["工程(处)", "(万人)"]]
    body = [[r[0], num(r[1]), f"{r[2]:.1f}", "\n".join(r[3])] for r in XY_A2]
    body.append([XY_A2_TOTAL[0], num(XY_A2_TOTAL[1]), f"{XY_A2_TOTAL[2]:.1f}", ""])
    table((28, 30, 24, 84), head, body, heading_rows=2)
    pdf.add_page()
    title("襄阳市2026年社区嵌入式养老服务设施建设实施方案")
    para("一、目标任务", indent=False)
    para("全市新建社区嵌入式养老服务设施20个,每个设施建筑面积不少于300平方米,设置护理床位不少于10张。")
    para("二、资金安排", indent=False)
    para("省级财政对每个设施补助30万元,共计600万元;市县财政配套资金400万元。分县安排见附件3。")
    para("三、工作安排", indent=False)
    para("各项工作任务分工及完成时限见附件4。")
    para("四、责任主体", indent=False)
    para("牵头单位:市民政局")
    para("实施单位:各县(市、区)人民政府")
    para("附件:3.社区嵌入式养老服务设施建设任务及资金分配表", indent=False)
    para("      4.社区嵌入式养老服务设施建设任务分工表", indent=False)
    pdf.ln(4)
    para("附件3", indent=False, align="L")
    title("社区嵌入式养老服务设施建设任务及资金分配表", 14)
    head = [["县(市、区)", "建设数量(个)", "省级补助(万元)", "市县配套(万元)"]]
    body = [[r[0]] + [num(x) for x in r[1:]] for r in [*XY_B2, XY_B2_TOTAL]]
    table((40, 40, 43, 43), head, body)
    pdf.add_page()
    para("附件4", indent=False, align="L")
    title("社区嵌入式养老服务设施建设任务分工表", 14)
    head = [["序号", "工作任务", "牵头单位", "配合单位", "完成时限"]]
    body = [[r[0], r[1], "\n".join(r[2]), "\n".join(r[3]), r[4]] for r in XY_B1]
    table((12, 42, 38, 48, 26), head, body)
    pdf.output(os.path.join(OUT, "xiangyang_2026.pdf"))


# ---------------------------------------------------------------------------
# N4  抚州 2022: portal HTML, list-style notice + 项目清单 <table>
# ---------------------------------------------------------------------------
FUZHOU_GROUPS = [
    ("一、社会事业类", [
        ("1", "城区公办幼儿园建设", "新建公办幼儿园3所,新增学位1350个", 8100, ["市教育局"],
         ["市自然资源局", "市住建局"], "3月底前完成选址;6月底前开工建设;12月底前建成"),
        ("2", "城乡居民“两病”门诊用药保障", "门诊用药报销比例提高到50%,惠及患者16万人", 3200, ["市医保局"],
         ["市卫健委", "市财政局"], "一季度出台实施细则;全年落实到位"),
    ]),
    ("二、城乡建设类", [
        ("3", "老旧小区改造", "改造城镇老旧小区42个,惠及居民4800户", 12600, ["市住建局"],
         ["市财政局", "市发改委", "临川区政府"], "二季度开工;四季度完工"),
        ("4", "农贸市场升级改造", "升级改造农贸市场12个", 2400, ["市商务局"],
         ["市市场监管局", "市城管局"], "9月底前完工"),
        ("5", "城区公共厕所新建改造", "新建改造城区公共厕所60座", 1500, ["市城管局"],
         ["市住建局", "市自然资源局"], "10月底前完工"),
    ]),
]
FUZHOU_TOTAL = 27800

PORTAL_CSS = """body{font-family:'Microsoft YaHei',SimSun;margin:0}#header{background:#b71c1c;color:#fff;padding:10px}
.menu a{color:#fff;margin-right:18px}.location{padding:6px 20px;font-size:12px}.wrap{width:1000px;margin:0 auto}
table.xxgk{border-collapse:collapse;width:100%;font-size:13px}table.xxgk td{border:1px solid #ddd;padding:4px}
#zoom p{line-height:2em}table.MsoTable{border-collapse:collapse}table.MsoTable td{border:1px solid #000;padding:3px}"""


def html_td(x, **attrs):
    a = "".join(f' {k}="{v}"' for k, v in attrs.items())
    inner = "<br/>".join(html.escape(s) for s in x) if isinstance(x, list) else html.escape(num(x))
    return f"<td{a}><p align=\"center\">{inner}</p></td>"


def make_fuzhou():
    check_sum("抚州 总投资", [r[3] for g in FUZHOU_GROUPS for r in g[1]], FUZHOU_TOTAL)
    title = "抚州市人民政府办公室关于印发抚州市2022年民生实事项目安排的通知"
    paras = [
        "经市政府研究,决定2022年在全市集中实施5项民生实事,现将有关事项通知如下。",
        "一、城区公办幼儿园建设。在中心城区新建公办幼儿园3所,新增学位1350个,有效缓解“入园难”问题。",
        "二、城乡居民“两病”门诊用药保障。将高血压、糖尿病门诊用药报销比例提高到50%,惠及患者16万人。",
        "三、老旧小区改造。改造城镇老旧小区42个,惠及居民4800户,同步实施既有住宅加装电梯不少于30部。",
        "四、农贸市场升级改造。升级改造农贸市场12个,9月底前全部完工。",
        "五、城区公共厕所新建改造。新建改造城区公共厕所60座,其中新建20座。",
        "各责任单位要按照《抚州市2022年民生实事项目清单》(附件)明确的目标和进度要求,倒排工期、挂图作战,"
        "每季度末向市政府报送进展情况,确保12月底前全面完成。",
    ]
    rows = []
    rows.append("<tr>" + "".join(html_td(h) for h in ["序号", "项目名称", "年度目标任务", "总投资(万元)",
                                                        "责任单位", "协办单位", "进度安排"]) + "</tr>")
    for g, items in FUZHOU_GROUPS:
        rows.append(f'<tr><td colspan="7"><p align="left"><b>{html.escape(g)}</b></p></td></tr>')
        for no, name, goal, inv, lead, sup, prog in items:
            rows.append("<tr>" + html_td(no) + html_td(name) + html_td(goal) + html_td(inv) + html_td(lead)
                        + html_td(sup) + html_td(prog.split(";") if ";" not in prog else
                                                 [s + ";" for s in prog.split(";")[:-1]] + [prog.split(";")[-1]])
                        + "</tr>")
    rows.append("<tr>" + html_td("合计", colspan="3") + html_td(FUZHOU_TOTAL) + html_td("") + html_td("")
                + html_td("") + "</tr>")
    body = "\n".join(f'<p style="text-indent:2em">{html.escape(p)}</p>' for p in paras)
    page = f"""<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8"/>
<title>{title}_抚州市人民政府</title>
<meta name="ArticleTitle" content="{title}"/>
<meta name="PubDate" content="2022-03-11 10:32"/>
<meta name="ContentSource" content="抚州市人民政府办公室"/>
<style>{PORTAL_CSS}</style>
</head>
<body>
<div id="header"><span class="logo">抚州市人民政府</span>
<div class="menu"><a href="/">首页</a><a href="/col/col1/">政务公开</a><a href="/col/col2/">政务服务</a><a href="/col/col3/">互动交流</a></div></div>
<div class="location">当前位置:<a href="/">首页</a> &gt; <a href="/col/col1/">政务公开</a> &gt; 市政府办文件</div>
<div class="wrap">
<table class="xxgk">
<tr><td>索引号:</td><td>014500123/2022-00045</td><td>分类:</td><td>综合政务\\通知</td></tr>
<tr><td>发布机构:</td><td>抚州市人民政府办公室</td><td>成文日期:</td><td>2022-03-08</td></tr>
<tr><td>名称:</td><td colspan="3">{title}</td></tr>
<tr><td>文号:</td><td>抚府办字〔2022〕21号</td><td>发布日期:</td><td>2022-03-11</td></tr>
</table>
<h1 class="art-title">{title}</h1>
<div class="art-info">发布时间:2022-03-11 10:32 来源:抚州市人民政府办公室 浏览次数:<span id="hits">1325</span></div>
<div id="zoom">
<p align="center">抚府办字〔2022〕21号</p>
<p>各县(区)人民政府,抚州高新区、东临新区管委会,市政府各部门:</p>
{body}
<p style="text-indent:2em">附件:抚州市2022年民生实事项目清单</p>
<p align="right">抚州市人民政府办公室</p>
<p align="right">2022年3月8日</p>
<p>附件</p>
<p align="center"><b>抚州市2022年民生实事项目清单</b></p>
<table class="MsoTable" border="1" cellspacing="0" cellpadding="0">
<tbody>
{chr(10).join(rows)}
</tbody>
</table>
</div>
<div class="share">分享到:<a href="#">微信</a> <a href="#">微博</a></div>
<div class="print"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
</div>
<div id="footer">主办:抚州市人民政府办公室 网站标识码:3610000011 赣ICP备05004563号</div>
</body>
</html>
"""
    write_txt("fuzhou_jx_2022.html", page)


# ---------------------------------------------------------------------------
# N5  汉中 2021: list-style notice + `|` annexes
# ---------------------------------------------------------------------------
HZ_T1 = [  # 序号, 名称, 内容, 合计, 中央, 省级, 市县, 牵头, 配合
    ("1", "城乡低保提标", "城市、农村低保标准提标", 5600, 3360, 1400, 840, "市民政局", "市财政局"),
    ("2", "农村义务教育学生营养改善计划", "8.6万名学生营养膳食补助", 6880, 5160, 1032, 688, "市教育局",
     "市财政局、市市场监管局"),
    ("3", "汉江沿岸防洪治理", "治理河道12公里,新建加固堤防8.5公里", 9500, 6000, 2000, 1500, "市水利局",
     "汉台区政府、南郑区政府"),
    ("4", "城区集中供热管网延伸", "新增供热面积60万平方米", 4200, None, 1200, 3000, "市住建局",
     "市发改委、市城管执法局"),
]
HZ_T1_TOTAL = (26180, 14520, 5632, 6028)
HZ_T2 = [
    ("1", "城乡低保提标", "一季度完成标准调整;全年按月足额发放"),
    ("2", "农村义务教育学生营养改善计划", "春季学期开学前完成供餐企业招标;11月底前完成年度资金拨付"),
    ("3", "汉江沿岸防洪治理", "3月底前开工;6月底前完成度汛工程;12月底前全面完工"),
    ("4", "城区集中供热管网延伸", "5月开工;10月底前完成管网敷设;11月15日前具备供热条件"),
]


def make_hanzhong():
    for r in HZ_T1:
        check_sum(r[1], [x or 0 for x in r[4:7]], r[3])
    for i in range(4):
        check_sum(f"汉中 col{i}", [r[3 + i] or 0 for r in HZ_T1], HZ_T1_TOTAL[i])
    L = [
        "汉中市人民政府办公室关于印发2021年市级为民办实事项目的通知",
        "",
        "汉政办发〔2021〕6号",
        "",
        "各县区人民政府,市政府各工作部门、直属机构:",
        "",
        "为持续增进民生福祉,市政府确定2021年市级为民办实事项目4项,现将项目及资金安排印发给你们,请认真抓好落实。",
        "",
        "一、城乡低保提标。城市低保标准由每人每月590元提高到620元,农村低保标准由每人每年4500元提高到4800元。",
        "",
        "二、农村义务教育学生营养改善计划。为全市农村义务教育阶段8.6万名学生提供营养膳食补助,标准为每生每天4元。",
        "",
        "三、汉江沿岸防洪治理。综合治理汉江干支流河道12公里,新建加固堤防8.5公里。",
        "",
        "四、城区集中供热管网延伸。新增城区集中供热面积60万平方米,新建供热管网15公里。",
        "",
        "各牵头单位要会同配合单位制定具体实施方案,于3月15日前报市政府办公室。项目资金安排和进度要求见附件1、附件2。",
        "",
        "附件:1.2021年市级为民办实事项目资金安排表",
        "     2.2021年市级为民办实事项目进度要求",
        "",
        "汉中市人民政府办公室",
        "2021年2月26日",
        "",
        "附件1",
        "",
        "2021年市级为民办实事项目资金安排表",
        "",
        "序号|项目名称|主要内容|资金合计|资金来源(万元)|||牵头单位|配合单位",
        "|||(万元)|中央财政|省级财政|市县财政||",
    ]
    for no, name, cont, t, c, p, m, lead, sup in HZ_T1:
        L.append("|".join([no, name, cont, num(t), num(c), num(p), num(m), lead, sup]))
    L.append("合计|||" + "|".join(num(x) for x in HZ_T1_TOTAL) + "||")
    L += ["", "附件2", "", "2021年市级为民办实事项目进度要求", "", "序号|项目名称|进度要求"]
    for r in HZ_T2:
        L.append("|".join(r))
    write_txt("hanzhong_2021.txt", "\n".join(L) + "\n")


# ---------------------------------------------------------------------------
# N6  佳木斯 2019: list-style notice + annex one cell per line
# ---------------------------------------------------------------------------
JMS = [
    ("1", "城区供热老旧管网改造", "改造老旧供热管网38公里", 7600, "市住建局", "市供热办、市财政局", "2019年9月30日前"),
    ("2", "农村危房改造", "改造农村危房1200户", 2880, "市住建局", "市农业农村局、各县(市)政府", "2019年10月底前"),
    ("3", "城乡居民健康体检", "为65岁以上老年人免费健康体检4.5万人", 405, "市卫健委", "市财政局", "2019年11月底前"),
    ("4", "公交线路优化和新能源公交车购置", "购置新能源公交车50台,优化公交线路12条", 4500, "市交通运输局",
     "市财政局、市公交集团", "2019年8月底前"),
]
JMS_TOTAL = 15385


def make_jiamusi():
    check_sum("佳木斯", [r[3] for r in JMS], JMS_TOTAL)
    check_sum("危房 1200户x2.4万元", [1200 * 2.4], 2880)
    check_sum("体检 4.5万人x90元", [45000 * 90 / 10000], 405)
    L = [
        "佳木斯市人民政府办公室关于印发佳木斯市2019年民生实事工作方案的通知",
        "",
        "佳政办发〔2019〕12号",
        "",
        "各县(市)、区人民政府,市政府各直属单位:",
        "",
        "《佳木斯市2019年民生实事工作方案》已经市政府同意,现印发给你们,请认真组织实施。",
        "",
        "佳木斯市人民政府办公室",
        "2019年3月29日",
        "",
        "佳木斯市2019年民生实事工作方案",
        "",
        "2019年,市政府确定为民办好4件民生实事。",
        "",
        "一、项目安排",
        "",
        "(一)城区供热老旧管网改造。改造城区老旧供热管网38公里,提升冬季供热质量。",
        "",
        "(二)农村危房改造。完成农村危房改造1200户,每户补助资金2.4万元。",
        "",
        "(三)城乡居民健康体检。为65岁以上老年人免费健康体检4.5万人,人均体检费用90元。",
        "",
        "(四)公交线路优化和新能源公交车购置。购置新能源公交车50台,新开通和优化公交线路12条。",
        "",
        "二、工作要求",
        "",
        "各牵头单位要会同配合单位建立工作台账,按月调度项目进展,项目完成情况于12月20日前报市政府。",
        "各项目投资、责任分工和完成时间见附件。",
        "",
        "附件:佳木斯市2019年民生实事项目表",
        "",
        "附件",
        "",
        "佳木斯市2019年民生实事项目表",
        "",
        "序号", "项目名称", "建设规模", "投资", "(万元)", "牵头单位", "配合单位", "完成时间",
    ]
    for r in JMS:
        L += [r[0], r[1], r[2], num(r[3]), r[4], r[5], r[6]]
    L += ["合计", num(JMS_TOTAL)]
    write_txt("jiamusi_2019.txt", "\n".join(L) + "\n")


# ---------------------------------------------------------------------------
# N7  德州 2020: reportlab, county x payer table + task table split by a page break
# ---------------------------------------------------------------------------
DZ_T1 = [  # 县(市、区), 户, 合计, 中央, 省级, 市县
    ("德城区", 1200, 300, 150, 90, 60),
    ("陵城区", 2400, 600, 300, 180, 120),
    ("禹城市", 2000, 500, 250, 150, 100),
    ("乐陵市", 3200, 800, 400, 240, 160),
    ("临邑县", 2800, 700, 350, 210, 140),
    ("齐河县", 3600, 900, 450, 270, 180),
    ("平原县", 1600, 400, 200, 120, 80),
    ("夏津县", 2200, 550, 275, 165, 110),
]
DZ_T1_TOTAL = ("合计", 19000, 4750, 2375, 1425, 950)
DZ_T2 = [
    ("1", ["摸底确认改造户,", "建立改造台账"], ["各县(市、区)人民政府"], ["市住房城乡建设局", "市农业农村局"], "4月底前"),
    ("2", ["组织设备集中招标采购"], ["市住房城乡建设局"], ["市财政局", "市市场监管局", "市公共资源交易中心"], "6月20日前"),
    ("3", ["实施入户施工安装", "和燃气、电力配套", "工程建设"], ["各县(市、区)人民政府"],
     ["市住房城乡建设局", "市发展改革委", "国网德州供电公司", "市城市管理局", "市应急局"], "三季度末"),
    ("4", ["拨付补助资金"], ["市财政局"], ["市住房城乡建设局"], "11月底前"),
    ("5", ["组织验收和绩效评价"], ["市住房城乡建设局"], ["市财政局", "市审计局"], "12月15日前"),
]


def make_dezhou():
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    MAXW_RL[0] = 166 * mm - 14
    from reportlab.platypus import PageBreak, SimpleDocTemplate, Spacer, Table, TableStyle
    for r in DZ_T1:
        check_sum(r[0], r[3:], r[2])
        check_sum(r[0] + " 2500元/户", [r[1] * 0.25], r[2])
    for i in range(5):
        check_sum(f"德州 col{i}", [r[1 + i] for r in DZ_T1], DZ_T1_TOTAL[1 + i])
    rl_setup()
    S = rl_styles()
    story = []
    def P(t, s="body"):
        return rl_para(story, t, S, s)
    P("德州市人民政府办公室", "title")
    P("关于印发德州市2020年农村清洁取暖改造", "title")
    P("民生实事实施方案的通知", "title")
    P("德政办字〔2020〕8号", "center")
    story.append(Spacer(1, 8))
    P("各县(市、区)人民政府,德州天衢新区管委会,市政府各部门,各直属机构:", "left")
    P("现将《德州市2020年农村清洁取暖改造民生实事实施方案》印发给你们,请认真贯彻执行。")
    story.append(Spacer(1, 16))
    P("德州市人民政府办公室", "right")
    P("2020年4月2日", "right")
    story.append(Spacer(1, 10))
    P("(此件公开发布)", "left")
    story.append(PageBreak())
    P("德州市2020年农村清洁取暖改造民生实事实施方案", "title")
    P("一、目标任务", "left")
    P("2020年全市完成农村清洁取暖改造1.9万户,10月31日前全部具备供暖条件。各县(市、区)任务见附件1。")
    P("二、补助标准及资金", "left")
    P("改造补助标准为每户补助2500元,其中中央财政1250元、省级财政750元、市县财政500元,"
      "全市共需补助资金4750万元。")
    P("三、实施步骤", "left")
    P("(一)摸底确认阶段(4月)。各县(市、区)入户摸底,确认改造户并张榜公示。")
    P("(二)招标采购阶段(5—6月)。6月20日前完成设备集中招标采购。")
    P("(三)施工安装阶段(7—10月)。组织入户施工安装和配套工程建设。")
    P("(四)验收评估阶段(11—12月)。组织竣工验收和绩效评价。")
    P("四、职责分工", "left")
    P("具体任务分工和时间节点见附件2。")
    P("附件:1.德州市2020年农村清洁取暖改造任务及补助资金分配表", "left")
    P("　　　2.德州市2020年农村清洁取暖改造任务分工表", "left")
    story.append(PageBreak())
    P("附件1", "left")
    P("德州市2020年农村清洁取暖改造任务及补助资金分配表", "title")
    c, cl = S["cell"], S["cellL"]
    data = [
        [rl_cell(x, c) for x in ["县(市、区)", "改造任务", "补助资金", None, None, None]],
        [rl_cell(x, c) for x in [None, "(户)", "合计", "中央财政", "省级财政", "市县财政"]],
    ]
    for r in [*DZ_T1, DZ_T1_TOTAL]:
        data.append([rl_cell(x, c) for x in r])
    style = [("GRID", (0, 0), (-1, -1), 0.6, "black"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
             ("SPAN", (0, 0), (0, 1)), ("SPAN", (2, 0), (5, 0))]
    P("单位:万元", "caption")
    story.append(Table(data, colWidths=[30 * mm, 26 * mm] + [26 * mm] * 4, repeatRows=2, style=TableStyle(style)))
    story.append(Spacer(1, DEZHOU_SPACER * mm))
    P("附件2", "left")
    P("德州市2020年农村清洁取暖改造任务分工表", "title")
    head = [rl_cell(x, c) for x in ["序号", "工作任务", "牵头单位", "配合单位", "时间节点"]]
    widths = [12 * mm, 44 * mm, 40 * mm, 44 * mm, 24 * mm]
    part_a, part_b = [head], [head]
    cur = part_a
    for no, task, lead, sup, due in DZ_T2:
        if no == DEZHOU_SPLIT_ROW:
            # the row runs over the page break (upper lines on this page, the rest after the repeated header)
            part_a.append([rl_cell(no, c), rl_cell(task[:2], cl), rl_cell(lead, c), rl_cell(sup[:3], c), ""])
            part_b.append(["", rl_cell(task[2:], cl), "", rl_cell(sup[3:], c), rl_cell(due, c)])
            cur = part_b
            continue
        cur.append([rl_cell(no, c), rl_cell(task, cl), rl_cell(lead, c), rl_cell(sup, c), rl_cell(due, c)])
    n = len(part_a) - 1
    story.append(Table(part_a, colWidths=widths, style=TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("GRID", (0, 0), (-1, n - 1), 0.6, "black"),
        ("LINEBEFORE", (0, n), (-1, n), 0.6, "black"), ("LINEAFTER", (-1, n), (-1, n), 0.6, "black")])))
    story.append(PageBreak())
    story.append(Table(part_b, colWidths=widths, style=TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("GRID", (0, 0), (-1, -1), 0.6, "black")])))
    doc = SimpleDocTemplate(os.path.join(OUT, "dezhou_2020.pdf"), pagesize=A4, leftMargin=22 * mm,
                            rightMargin=22 * mm, topMargin=26 * mm, bottomMargin=24 * mm,
                            title="德州市人民政府办公室关于印发德州市2020年农村清洁取暖改造民生实事实施方案的通知")
    pn = rl_page_number("- %d -")
    doc.build(story, onFirstPage=pn, onLaterPages=pn)


DEZHOU_SPACER = int(os.environ.get("DEZHOU_SPACER", 92))
DEZHOU_SPLIT_ROW = "3"

# ---------------------------------------------------------------------------
# N8  金华 2025: portal HTML, per-plan notice, <table> with rowspan/colspan
# ---------------------------------------------------------------------------
JH_T1 = [  # 县(市、区), 新增床位(张), 合计, 省级, 市级, 县级
    ("婺城区", 120, 360, 144, 90, 126),
    ("金东区", 90, 270, 108, 72, 90),
    ("兰溪市", 80, 240, 96, 64, 80),
    ("义乌市", 150, 450, None, 90, 360),
    ("东阳市", 60, 180, 72, 45, 63),
]
JH_T1_TOTAL = ("合计", 500, 1500, 420, 361, 719)
JH_T2 = [  # 任务, 牵头, 配合, 进度
    ("建设区域性认知障碍照护专区", ["市民政局"], ["市卫生健康委", "市财政局"],
     ["4月底前确定建设点位;", "8月底前完成改造;", "10月底前投入运营"]),
    ("开展照护人员专项培训", ["市民政局"], ["市人力社保局"], ["6月底前完成首轮培训;", "11月底前完成全员培训"]),
    ("落实床位建设补助资金", ["市财政局"], ["市民政局", "各县(市、区)政府"], ["三季度末前拨付到位"]),
]


def make_jinhua():
    for r in JH_T1:
        check_sum(r[0], [x or 0 for x in r[3:]], r[2])
    for i in range(5):
        check_sum(f"金华 col{i}", [r[1 + i] or 0 for r in JH_T1], JH_T1_TOTAL[1 + i])
    title = "金华市人民政府办公室关于印发金华市2025年认知障碍照护床位建设民生实事实施方案的通知"
    plan = "金华市2025年认知障碍照护床位建设民生实事实施方案"
    t1 = ['<tr><td rowspan="2">县(市、区)</td><td rowspan="2">新增床位(张)</td>'
          '<td colspan="4">补助资金(万元)</td></tr>',
          "<tr><td>合计</td><td>省级财政</td><td>市级财政</td><td>县级财政</td></tr>"]
    for r in [*JH_T1, JH_T1_TOTAL]:
        t1.append("<tr>" + "".join(f"<td>{html.escape(num(x))}</td>" for x in r) + "</tr>")
    t2 = ["<tr><td>序号</td><td>工作任务</td><td>牵头单位</td><td>配合单位</td><td>进度要求</td></tr>"]
    for i, (task, lead, sup, prog) in enumerate(JH_T2, 1):
        t2.append(f"<tr><td>{i}</td><td>{html.escape(task)}</td><td>{'<br>'.join(lead)}</td>"
                  f"<td>{'<br>'.join(sup)}</td><td>{'<br>'.join(prog)}</td></tr>")
    paras = [
        ("h", "一、目标任务"),
        ("p", "2025年全市新增认知障碍照护床位500张,每个县(市、区)至少建成1个区域性认知障碍照护专区。"),
        ("h", "二、资金安排"),
        ("p", "新增床位按每张3万元给予建设补助,共需补助资金1500万元,由省、市、县三级财政分担,"
              "具体分配见附件1。"),
        ("h", "三、实施步骤"),
        ("p", "(一)部署启动阶段(3—4月)。制定县级实施方案,确定建设点位。"),
        ("p", "(二)建设改造阶段(5—10月)。完成床位改造和设施设备配置。"),
        ("p", "(三)验收评估阶段(11—12月)。12月10日前完成验收并报送总结。"),
        ("h", "四、责任分工"),
        ("p", "各项任务的牵头单位、配合单位和进度要求见附件2。"),
    ]
    body = []
    for kind, t in paras:
        if kind == "h":
            body.append(f'<p style="text-indent:2em"><strong>{html.escape(t)}</strong></p>')
        else:
            body.append(f'<p style="text-indent:2em">{html.escape(t)}</p>')
    page = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8">
<title>{title}</title>
<meta name="ArticleTitle" content="{title}">
<meta name="PubDate" content="2025-03-21 16:05">
<style>{PORTAL_CSS}</style>
</head>
<body>
<div id="header">金华市人民政府 <div class="menu"><a href="/">首页</a><a href="/zwgk/">政务公开</a><a href="/zwfw/">政务服务</a></div></div>
<div class="location">您现在的位置:首页 &gt; 政务公开 &gt; 政府文件</div>
<div class="wrap">
<table class="xxgk">
<tr><td>索引号</td><td>001003003/2025-20516</td><td>主题分类</td><td>民政、扶贫、救灾</td></tr>
<tr><td>发布机构</td><td>金华市人民政府办公室</td><td>生成日期</td><td>2025-03-18</td></tr>
<tr><td>文号</td><td>金政办发〔2025〕11号</td><td>发布日期</td><td>2025-03-21</td></tr>
</table>
<div class="title">{title}</div>
<div id="zoom">
<p style="text-align:center">金政办发〔2025〕11号</p>
<p>各县(市、区)人民政府,市政府各部门:</p>
<p style="text-indent:2em">《{plan}》已经市政府同意,现印发给你们,请结合实际认真贯彻落实。</p>
<p style="text-align:right">金华市人民政府办公室</p>
<p style="text-align:right">2025年3月18日</p>
<p style="text-align:center"><strong>{plan}</strong></p>
{chr(10).join(body)}
<p style="text-indent:2em">附件:1.2025年认知障碍照护床位建设任务及补助资金分配表</p>
<p style="text-indent:2em">2.2025年认知障碍照护床位建设任务分工及进度表</p>
<p>附件1</p>
<p style="text-align:center"><strong>2025年认知障碍照护床位建设任务及补助资金分配表</strong></p>
<table border="1" cellspacing="0" cellpadding="4" width="100%">
{chr(10).join(t1)}
</table>
<p>附件2</p>
<p style="text-align:center"><strong>2025年认知障碍照护床位建设任务分工及进度表</strong></p>
<table border="1" cellspacing="0" cellpadding="4" width="100%">
{chr(10).join(t2)}
</table>
</div>
<div class="print">【打印本页】【关闭窗口】</div>
</div>
<div id="footer">金华市人民政府办公室主办 浙ICP备12013586号 浙公网安备 33070202000512号</div>
</body>
</html>
"""
    write_txt("jinhua_2025.html", page)


if __name__ == "__main__":
    make_suzhou()
    make_hanzhong()
    make_jiamusi()
    make_fuzhou()
    make_jinhua()
    make_mianyang()
    make_xiangyang()
    make_dezhou()
    print("ok")
