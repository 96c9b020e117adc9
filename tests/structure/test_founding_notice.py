"""The founding notice (corpus/wuwei_2025.txt): meta, 17 programmes, parts, sections, tables.

Every expected value below was read from the notice text by hand.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from minshi_extract.ingest import load
from minshi_extract.normalize import normalize
from minshi_extract.structure import build_skeleton, cover_span, table_cell_spans

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "wuwei_2025.txt"


@pytest.fixture(scope="module")
def notice():
    text, _ = normalize(load(CORPUS).text)
    return build_skeleton(text)


def test_meta(notice):
    m = notice.meta
    assert m.title == "武威市人民政府办公室关于印发2025年省市为民实事实施方案的通知"
    assert m.issuer == "武威市人民政府办公室"
    assert m.doc_number == "武政办发〔2025〕7号"
    assert m.index_no == "11622300013930944B/2025-01527"
    assert m.issued_on == "2025-03-07"
    assert m.published_on == "2025-03-13"
    assert m.recipients == ["各县、区人民政府", "市政府各部门、单位"]
    assert m.year == 2025


def test_warning_for_missing_attachment(notice):
    assert notice.warnings == ["附件 referenced but missing: 农村水利惠民工程实施计划表"]


TITLES = [
    "中小学“强县中增学位”工程实施方案",
    "支持未就业普通高校毕业生到基层就业及城镇新增就业1.7万人实施方案",
    "改造建设18个乡镇综合养老服务中心和59个村级互助幸福院实施方案",
    "资助困难家庭子女普通高校入学实施方案",
    "困难家庭老年人白内障复明工程实施方案",
    "155户困难重度残疾人家庭无障碍改造和残疾人日间照料服务中心建设项目实施方案",
    "乡村全民健身提升工程实施方案",
    "新就业形态劳动者关心关爱行动实施方案",
    "适龄女童HPV疫苗接种实施方案",
    "农村水利惠民工程实施方案",
    "农村寄宿制学校护眼照明、安全饮水工程实施方案",
    "生态及地质灾害避险搬迁实施方案",
    "城镇老旧小区改造实施方案",
    "低收入“两癌”患病妇女救助实施方案",
    "自然村组通硬化路300公里农村公路生命安全防护工程230公里改造危桥14座和建设社会治安防控设备1000路以上项目实施方案",
    "城市燃气用户端安全设备升级改造实施方案",
    "改造提升县区综治中心搭建“一站式”为民服务平台项目实施方案",
]


def test_programme_titles_and_ids(notice):
    assert [p.title for p in notice.programmes] == TITLES
    assert [p.id for p in notice.programmes] == [f"P{i:02d}" for i in range(1, 18)]


def test_programme_spans_follow_each_other(notice):
    progs = notice.programmes
    for a, b in itertools.pairwise(progs):
        assert a.span[1] <= b.span[0]
        assert notice.text[a.span[0]:].startswith(a.title[:6])
    last = notice.text[progs[-1].span[0]:progs[-1].span[1]]
    assert last.endswith("推动各类矛盾隐患一站式受理、一揽子调处、全链条解决。")
    assert "扫一扫" not in last and ".pdf" not in last


# top-level sections of the plans that are not bundled: (marker+title, kind)
OT, T, F, S, R, D, G = "other", "targets", "funding", "steps", "responsibility", "deadline", "safeguards"
SECTIONS = {
    "P01": [("一、目标任务", T), ("二、资金安排", F), ("三、实施步骤", S), ("四、责任主体", R),
            ("五、完成时限", D), ("六、组织保障", G)],
    "P03": [("一、目标任务", T), ("二、功能标准", "content"), ("三、运营管理", "operation"), ("四、资金安排", F),
            ("五、实施步骤", S), ("六、责任主体", R), ("七、组织保障", G)],
    "P04": [("一、目标任务", T), ("二、资金安排", F), ("三、实施步骤", S), ("四、责任主体", R), ("五、组织保障", G)],
    "P05": [("一、目标任务", T), ("二、项目内容", "content"), ("三、资金安排", F), ("四、实施步骤", S),
            ("五、责任主体", R), ("六、组织保障", G)],
    "P07": [("一、目标任务", T), ("二、资金安排", F), ("三、建设内容及标准", "content"), ("四、实施步骤", S),
            ("五、责任主体", R), ("六、组织保障", G)],
    "P08": [("一、目标任务", T), ("二、资金安排", F), ("三、实施步骤", S), ("四、责任主体", R), ("五、组织保障", G)],
    "P09": [("一、目标任务", T), ("二、疫苗选择", OT), ("三、资金安排", F), ("四、实施步骤", S),
            ("五、责任主体", R), ("六、组织保障", G)],
    "P10": [("一、目标任务", T), ("二、实施原则", "principles"), ("三、实施范围", "scope"), ("四、资金安排", F),
            ("五、实施步骤", S), ("六、完成时限", D), ("七、责任主体", R), ("八、组织保障", G)],
    "P11": [("一、目标任务", T), ("二、实施范围", "scope"), ("三、资金安排", F), ("四、实施步骤", S),
            ("五、责任主体", R), ("六、组织保障", G)],
    "P12": [("一、目标任务", T), ("二、资金安排", F), ("三、实施步骤", S), ("四、责任主体", R),
            ("五、完成时限", D), ("六、组织保障", G)],
    "P13": [("一、目标任务", T), ("二、实施内容", "content"), ("三、资金安排", F), ("四、实施步骤", S),
            ("五、责任主体", R), ("六、组织保障", G)],
    "P14": [("一、目标任务", T), ("二、实施范围", "scope"), ("三、资金安排", F), ("四、实施步骤", S),
            ("五、责任主体", R), ("六、组织保障", G)],
    "P16": [("一、目标任务", T), ("二、实施内容", "content"), ("三、资金安排", F), ("四、实施步骤", S),
            ("五、责任主体", R), ("六、完成时限", D), ("七、组织保障", G)],
    "P17": [("一、目标任务", T), ("二、实施范围", "scope"), ("三、资金安排", F), ("四、实施步骤", S),
            ("五、责任主体", R), ("六、组织保障", G)],
}


@pytest.mark.parametrize("pid", sorted(SECTIONS))
def test_top_sections(notice, pid):
    prog = next(p for p in notice.programmes if p.id == pid)
    assert prog.parts == []
    assert [(s.marker + s.title, s.kind) for s in prog.sections] == SECTIONS[pid]
    assert all(s.level == 1 for s in prog.sections)


PART_SECTIONS = {
    "P02": [
        ("支持未就业普通高校毕业生到基层就业",
         [("(一)目标任务", T), ("(二)实施范围", "scope"), ("(三)资金安排", F), ("(四)实施步骤", S),
          ("(五)责任主体", R), ("(六)组织保障", G)]),
        ("城镇新增就业1.7万人",
         [("(一)目标任务", T), ("(二)实施范围", "scope"), ("(三)资金安排", F), ("(四)实施步骤", S),
          ("(五)责任主体", R), ("(六)组织保障", G)]),
    ],
    "P06": [
        ("155户困难重度残疾人家庭无障碍改造",
         [("(一)目标任务", T), ("(二)基本原则", "principles"), ("(三)改造内容", "content"),
          ("(四)资金安排", F), ("五)实施步骤", S), ("(六)责任主体", R), ("(七)完成时限", D),
          ("(八)组织保障", G)]),
        ("残疾人日间照料服务省级示范中心建设项目",
         [("(一)目标任务", T), ("(二)实施原则", "principles"), ("(三)改造提升标准", "content"),
          ("(四)资金安排", F), ("(五)实施步骤", S), ("(六)责任主体", R), ("(七)完成时限", D),
          ("(八)组织保障", G)]),
    ],
    "P15": [
        ("自然村组通硬化路300公里农村公路生命安全防护工程230公里改造危桥14座",
         [("(一)目标任务", T), ("(二)资金安排", F), ("(三)实施步骤", S), ("四)责任主体", R),
          ("(五)组织保障", G)]),
        ("建设社会治安防控设备1000路以上",
         [("(一)目标任务", T), ("(二)实施范围", "scope"), ("(三)资金安排", F), ("(四)实施步骤", S),
          ("(五)责任主体", R), ("(六)组织保障", G)]),
    ],
}


@pytest.mark.parametrize("pid", sorted(PART_SECTIONS))
def test_bundled_parts(notice, pid):
    prog = next(p for p in notice.programmes if p.id == pid)
    assert prog.sections == []
    got = [(pt.title, [(s.marker + s.title, s.kind) for s in pt.sections]) for pt in prog.parts]
    assert got == PART_SECTIONS[pid]
    assert [pt.index for pt in prog.parts] == [0, 1]
    assert all(s.level == 2 for pt in prog.parts for s in pt.sections)


def test_every_programme_has_targets_and_responsibility(notice):
    for prog in notice.programmes:
        containers = [pt.sections for pt in prog.parts] or [prog.sections]
        for secs in containers:
            kinds = {s.kind for s in secs}
            assert "targets" in kinds and "responsibility" in kinds, prog.id


def _section(prog, path):
    secs = prog.sections
    found = None
    for head in path:
        found = next(s for s in secs if s.marker + s.title == head)
        secs = found.children
    return found


def test_run_in_step_headings(notice):
    p01 = notice.programmes[0]
    steps = _section(p01, ["三、实施步骤"])
    assert [(c.marker, c.title, c.level) for c in steps.children] == [
        ("(一)", "准备阶段(1—2月)", 2), ("(二)", "审批阶段(3—4月)", 2),
        ("(三)", "实施阶段(5—11月)", 2), ("(四)", "验收阶段(12月)", 2),
    ]
    impl = steps.children[2]
    assert [(c.marker, c.title) for c in impl.children] == [("1.", "“强县中”项目"), ("2.", "城区中小学增补学位")]
    # a section ends where the next heading of the same or higher level starts
    assert notice.text[impl.span[0]:impl.span[1]].endswith("8月底前学位增补到位。")


def test_date_after_marker_is_body(notice):
    p13 = notice.programmes[12]
    pre = _section(p13, ["四、实施步骤", "(一)项目前期阶段(2025年4月15日前)"])
    assert [(c.marker, c.title[:9]) for c in pre.children] == [("1.", "3月15日前完成老"), ("2.", "4月15日前完成施")]
    impl = _section(p13, ["四、实施步骤", "(二)组织实施阶段(2025年4月16日—2026年6月)"])
    assert [c.marker for c in impl.children] == ["1.", "2.", "3.", "4."]
    assert impl.children[0].title == "2025年4月16日老旧小区改造项目全面开工建设"


def test_window_only_steps(notice):
    p10 = notice.programmes[9]
    steps = _section(p10, ["五、实施步骤"])
    assert [(c.marker, c.title) for c in steps.children] == [
        ("1.", "(1—3月)"), ("2.", "(4—6月)"), ("3.", "(7—9月)"), ("4.", "(10—11月)"),
    ]


def test_attachments_list(notice):
    got = [(a.label, a.title, a.programme_id) for a in notice.attachments]
    assert got == [
        ("附件1", "困难重度残疾人家庭无障碍改造任务分解表", "P06"),
        ("附件2", "2025年残疾人日间照料服务省级示范中心任务分解表", "P06"),
        ("附件", "乡村全民健身提升工程任务分解表", "P07"),
        ("附件", "适龄女童HPV疫苗接种目标分解表", "P09"),
    ]


def test_tables(notice):
    t1, t2, t3, t4 = (a.tables[0] for a in notice.attachments)
    assert t1.header == ["县区", "2025年任务(户)", "资金(万元)"]
    assert t1.rows == [["小计", "155", "54.25"], ["凉州区", "80", "28.00"], ["民勤县", "45", "15.75"],
                       ["天祝县", "30", "10.50"], ["古浪县", "0", "0.00"]]
    assert t2.header == ["县区", "补助标准(万元)", "数量(个)", "补助金额(万元)", "备注"]
    assert t2.rows == [["古浪县", "30", "1", "30", ""], ["", "", "1", "30", ""]]
    assert t3.header == ["序号", "县区", "示范村分配名额(个)", "安置点分配名额(个)"]
    assert t3.rows == [["1", "凉州区", "4", "6"], ["2", "古浪县", "2", "5"], ["3", "民勤县", "4", "24"],
                       ["4", "天祝县", "3", "15"], ["", "合计", "13", "50"]]
    assert t4.header == ["县(区)", "初一、初二年级接种女童目标人数201191—201391期间出生)"]
    assert t4.rows == [["凉州区", "3433"], ["民勤县", "395"], ["古浪县", "1201"], ["天祝县", "571"],
                       ["合计", "5600"]]


def test_cell_spans_ground_the_cells(notice):
    text = notice.text
    for att in notice.attachments:
        table = att.tables[0]
        spans = table_cell_spans(table)
        assert len(spans) == 1 + len(table.rows)
        for row, row_spans in zip([table.header, *table.rows], spans, strict=True):
            for cell, (a, b) in zip(row, row_spans, strict=True):
                if cell and "(" not in cell and cell[:1] != "初":
                    assert text[a:b] == cell
        prog = next(p for p in notice.programmes if p.id == att.programme_id)
        assert prog.span[0] <= spans[-1][-1][0] <= prog.span[1]


def test_cover_span(notice):
    a, b = cover_span(notice)
    cover = notice.text[a:b]
    assert cover.startswith("各县、区人民政府,市政府各部门、单位:")
    assert "确保11月底前全面完成" in cover
    assert "中小学“强县中增学位”工程实施方案" not in cover
