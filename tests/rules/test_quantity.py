"""Quantity rule: phrases from the founding notice and the issue-6 variants, read by hand."""

import pytest

from minshi_extract.rules.context import Context
from minshi_extract.rules.quantity import find_quantities

CTX = Context(year=2025, programme_id="P01", section="一、目标任务")

# (text, [(value, unit, qualifier, region), ...])
CASES = [
    ("在凉州城区增补义务教育阶段中小学学位1080个。", [(1080, "个", None, None)]),
    # a count of people with no measure word takes 人, after a 万/亿 figure
    ("惠及全市120万城乡居民", [(1200000, "人", None, None)]),
    ("服务约3.5万农村留守儿童", [(35000, "人", "about", None)]),
    ("室内温度不低于18℃", [(18, "℃", "at_least", None)]),
    ("及城镇新增就业1.7万人实施方案", [(17000, "人", None, None)]),
    ("支持800名未就业普通高校毕业生到基层单位就业,项目实施期限为3年。",
     [(800, "名", None, None), (3, "年", None, None)]),
    ("改造49个9964户", [(49, "个", None, None), (9964, "户", None, None)]),
    ("建设社会治安防控设备1000路以上项目", [(1000, "路", "at_least", None)]),
    ("使用面积原则上不低于500平方米", [(500, "平方米", "at_least", None)]),
    ("公示时间不得少于5个工作日", [(5, "个工作日", "at_least", None)]),
    ("县级妇联在收到救助资金后10个工作日内", [(10, "个工作日", "at_most", None)]),
    ("年满16周岁", [(16, "周岁", "at_least", None)]),
    ("补助接种2剂次", [(2, "剂次", None, None)]),
    ("每户生产用房面积控制在20平方米以内", [(20, "平方米", "at_most", None)]),
    ("方案下发后1月内完成筛查", [(1, "月", "at_most", None)]),
    ("每年化解矛盾纠纷1.5万件以上", [(15000, "件", "at_least", None)]),
    ("各单位选派一名工作人员", [(1, "名", None, None)]),
    ("选择一个小区先行试点", [(1, "个", None, None)]),
    ("为13.3万常住人口提供服务", [(133000, "人", None, None)]),
    ("城区5万户居民", [(50000, "户", None, None)]),
    ("39所(凉州区)农村寄宿制学校", [(39, "所", None, None)]),
    # issue-6 variants
    ("惠及1.8万余人", [(18000, "人", "at_least", None)]),
    ("新建三千个停车位", [(3000, "个", None, None)]),
    ("新增就业两万人", [(20000, "人", None, None)]),
    ("为一千零八十个家庭", [(1080, "个", None, None)]),
    ("覆盖1.2萬人", [(12000, "人", None, None)]),
    ("覆盖1.2萬人(ren)以上", [(12000, "人", "at_least", None)]),
    ("新建充电桩300个以上", [(300, "个", "at_least", None)]),
    ("服务对象约500人", [(500, "人", "about", None)]),
    ("开展窝沟封闭4.5万颗", [(45000, "颗", None, None)]),
    ("近3年", [(3, "年", "about", None)]),
    ("服务500人左右", [(500, "人", "about", None)]),
    ("2024 年完成 10 件", [(10, "件", None, None)]),
    ("建成300多个", [(300, "个", "at_least", None)]),
    ("3岁以下婴幼儿", [(3, "岁", "at_most", None)]),
    ("对运营满1年的机构", [(1, "年", "at_least", None)]),
    # measure words of the later variants: 场次, 眼 (wells)
    ("组织文艺演出进基层300场次", [(300, "场次", None, None)]),
    ("举办培训20场", [(20, "场", None, None)]),
    ("更新改造水源井6眼", [(6, "眼", None, None)]),
    ("完成造林500公顷", [(500, "公顷", None, None)]),
    ("上门服务1.2万户次", [(12000, "户次", None, None)]),
    # qualifier words of the lexicon
    ("床位不高于200张", [(200, "张", "at_most", None)]),
    ("面积不小于300平方米", [(300, "平方米", "at_least", None)]),
    ("参保人数超过1万人", [(10000, "人", "at_least", None)]),
    ("上门服务500人上下", [(500, "人", "about", None)]),
    ("将近300个", [(300, "个", "about", None)]),
    # Chinese numerals with a measure word
    ("全市新建幼儿园五所", [(5, "所", None, None)]),
    ("增加学位一千二百个", [(1200, "个", None, None)]),
    ("确定十项民生实事", [(10, "项", None, None)]),  # 项 counts; only N项补贴 is a name
    # the 2021-2026 variants: qualifiers before and after the figure (确保/力争 are not qualifiers)
    ("全年改造农村危房1500户以上", [(1500, "户", "at_least", None)]),
    ("力争完成城镇老旧小区改造126个", [(126, "个", None, None)]),
    ("惠及居民2万余户", [(20000, "户", "at_least", None)]),
    ("新建、改扩建公办幼儿园20所左右", [(20, "所", "about", None)]),
    ("新增公办学位不低于5400个", [(5400, "个", "at_least", None)]),
    ("农村户厕约1.1万座", [(11000, "座", "about", None)]),
    ("开展补贴性职业技能培训3万人次以上", [(30000, "人次", "at_least", None)]),
    ("确保城镇新增就业3.2万人", [(32000, "人", None, None)]),
    ("惠及残疾人近6.5万人", [(65000, "人", "about", None)]),
    ("巩固提升约18万农村人口饮水安全水平", [(180000, "人", "about", None)]),
    ("已完成农村户厕6800余座", [(6800, "座", "at_least", None)]),
    ("每个助餐点日均服务能力不低于50人次", [(50, "人次", "at_least", None)]),
    # a marker glued to a decimal that is not a year still counts after a colon
    ("项目周期:2.5年", [(2.5, "年", None, None)]),
    ("工期1.5年", [(1.5, "年", None, None)]),
    # measure words of water, energy and equipment projects
    ("实施农村供水工程22宗,新建改造供水管网130公里", [(22, "宗", None, None), (130, "公里", None, None)]),
    ("新打机井20眼", [(20, "眼", None, None)]),
    ("配备植保无人机2架", [(2, "架", None, None)]),
    ("新增光伏装机30万千瓦", [(300000, "千瓦", None, None)]),
    ("年发电量1000千瓦时", [(1000, "千瓦时", None, None)]),
    ("新建储能电站10兆瓦", [(10, "兆瓦", None, None)]),
    ("铺设排水管道500延米", [(500, "延米", None, None)]),
    ("发放大米50公斤、食用油5千克", [(50, "公斤", None, None), (5, "千克", None, None)]),
    ("治理水土流失12平方千米", [(12, "平方千米", None, None)]),
]

REGIONAL = [
    # `;` parts each opened by a place (after a label), and a line labelled by its place
    ("任务分解:城关区2所,新增学位900个;七里河区1所,新增学位450个",
     [("城关区2所", 2, "城关区"), ("900个", 900, "城关区"), ("七里河区1所", 1, "七里河区"),
      ("450个", 450, "七里河区")]),
    ("民勤县:工程12处,管网80公里", [("12处", 12, "民勤县"), ("80公里", 80, "民勤县")]),
    # a list wrapped after its 、 (a PDF copy) is one sentence
    ("其中商州区14处、\n洛南县12处、丹凤县10处。",
     [("商州区14处", 14, "商州区"), ("洛南县12处", 12, "洛南县"), ("丹凤县10处", 10, "丹凤县")]),
    ("其中凉州区10000人、民勤县2300人、古浪县2500人、天祝县2200人。",
     [("凉州区10000人", 10000, "凉州区"), ("民勤县2300人", 2300, "民勤县"),
      ("古浪县2500人", 2500, "古浪县"), ("天祝县2200人", 2200, "天祝县")]),
    ("凉州区8个、古浪县4个,民勤县、天祝县各3个",
     [("凉州区8个", 8, "凉州区"), ("古浪县4个", 4, "古浪县"),
      ("民勤县、天祝县各3个", 3, "民勤县"), ("民勤县、天祝县各3个", 3, "天祝县")]),
    ("为全市37所(凉州区13所、民勤县21所、古浪县3所)农村寄宿制学校",
     [("37所", 37, None), ("凉州区13所", 13, "凉州区"), ("民勤县21所", 21, "民勤县"),
      ("古浪县3所", 3, "古浪县")]),
    ("凉州区按照不少于4000平方米,民勤县、古浪县、天祝县按照不少于2000平方米的要求",
     [("凉州区按照不少于4000平方米", 4000, "凉州区")]
     + [("民勤县、古浪县、天祝县按照不少于2000平方米", 2000, r) for r in ("民勤县", "古浪县", "天祝县")]),
    ("新增托位600个,其中吴兴区200个,长兴县、安吉县各100个",
     [("600个", 600, None), ("吴兴区200个", 200, "吴兴区"),
      ("长兴县、安吉县各100个", 100, "长兴县"), ("长兴县、安吉县各100个", 100, "安吉县")]),
    # Chinese-numeral shares, a figure repeated across regions is not a slogan
    ("全市新建幼儿园五所,其中柯城区两所、衢江区两所、龙游县一所;",
     [("五所", 5, None), ("柯城区两所", 2, "柯城区"), ("衢江区两所", 2, "衢江区"), ("龙游县一所", 1, "龙游县")]),
    ("其中凉州区3个、民勤县3个", [("凉州区3个", 3, "凉州区"), ("民勤县3个", 3, "民勤县")]),
    # a county-level city of the 2025/2026 region snapshot (子长市, since 2019)
    ("全市新建城乡社区老年助餐点120个,其中宝塔区36个,安塞区、子长市各12个,其他县共60个。",
     [("120个", 120, None), ("宝塔区36个", 36, "宝塔区"),
      ("安塞区、子长市各12个", 12, "安塞区"), ("安塞区、子长市各12个", 12, "子长市"),
      ("60个", 60, None)]),
    ("其中临平区20个、钱塘区15个", [("临平区20个", 20, "临平区"), ("钱塘区15个", 15, "钱塘区")]),
    # towns, 乡 and 街道 below county level are shares too (GUIDELINES.md, last lines)
    ("其中,户厕任务:杨树岭镇620座、七沟镇580座、卧龙镇900座,小寺沟镇、党坝镇各450座。",
     [("杨树岭镇620座", 620, "杨树岭镇"), ("七沟镇580座", 580, "七沟镇"), ("卧龙镇900座", 900, "卧龙镇"),
      ("小寺沟镇、党坝镇各450座", 450, "小寺沟镇"), ("小寺沟镇、党坝镇各450座", 450, "党坝镇")]),
    # a town whose name is one character before 城镇 (series notice jiande); 重点城镇 names none
    ("其中大同镇15公里、梅城镇10公里", [("大同镇15公里", 15, "大同镇"), ("梅城镇10公里", 10, "梅城镇")]),
    ("其中城关镇100户、东关乡200户、西城街道50户",
     [("城关镇100户", 100, "城关镇"), ("东关乡200户", 200, "东关乡"), ("西城街道50户", 50, "西城街道")]),
    # 各 + a verb before the figure
    ("在乐都区、平安区、民和县各建设1个县级儿童之家",
     [("乐都区、平安区、民和县各建设1个", 1, r) for r in ("乐都区", "平安区", "民和县")]),
    ("新建学校5所,其中城关镇、东关镇各新建2所",
     [("5所", 5, None)] + [("城关镇、东关镇各新建2所", 2, r) for r in ("城关镇", "东关镇")]),
    # the share's verb between a county and its figure (其中临平区新增20个); a single county's is no share
    ("新增学位900个,其中临平区新增500个、钱塘区400个",
     [("900个", 900, None), ("临平区新增500个", 500, "临平区"), ("钱塘区400个", 400, "钱塘区")]),
    ("临平区新建幼儿园2所", [("2所", 2, None)]),
    # the city's core beside a county: the county's share has its region, the core none
    ("新增供热面积300万平方米,其中中心城区220万平方米、临平区80万平方米。",
     [("300万平方米", 3000000, None), ("220万平方米", 2200000, None), ("临平区80万平方米", 800000, "临平区")]),
    ("新建改扩建幼儿园3所。其中城关镇新建1所,东关镇、西关镇各改扩建1所。",
     [("3所", 3, None), ("城关镇新建1所", 1, "城关镇")] + [("东关镇、西关镇各改扩建1所", 1, r) for r in ("东关镇", "西关镇")]),
    # words ending like a town name none; a single town with the whole target is not a share
    ("开展送戏下乡100场、送书下乡200场", [("100场", 100, None), ("200场", 200, None)]),
    ("全市乡镇30个、街道5个", [("30个", 30, None), ("5个", 5, None)]),
    ("建设特色小镇5个、中心镇3个", [("5个", 5, None), ("3个", 3, None)]),
    ("嘉积镇新建公办幼儿园1所", [("1所", 1, None)]),
    # a single region with the whole target is not a share
    ("凉州区5万户燃气用户", [("5万户", 50000, None)]),
    # a list of regions followed by their total is not a share
    ("凉州区、民勤县、古浪县、天祝县4个县区", [("4个", 4, None)]),
]

NOT_QUANTITIES = [
    "2025年11月底前全面完成",
    "2025年城乡居民基本医疗保险",  # a year before a people noun is not a count
    "武政办发〔2025〕7号",
    "按照《公共场所卫生指标及限值要求》(GB37300—2018)",
    "国家基本药物目录(2018年版)",
    "特别是“七有”重要指示精神",
    "落实工程建设“五制”管理",
    "三查七对一验证",
    "全面推进“1厅+N室”建设",
    "建立1+N工作机制",
    "古浪县第一中学",
    "二价HPV疫苗",
    "市、县两级",
    "三县区",
    "接种第2剂次",
    "首剂次接种",
    "开展二次核查",
    "二层以上",
    "比例0.3",
    "按照0、6月的程序接种",
    "1B以上",
    "一次性补助",
    "一批金牌调解员",
    "一站式办理",
    "一期工程",
    "搬迁对象“一户一档”建设",
    "实现入一户、装一户、保一户的目标",
    "九年制学校",
    "初一、初二年级接种女童",
    "3月15日前",
    "12月10日前",
    "2024.03",
    "全省万名干部行动",
    "1.2025年春季学期",
    # a list marker glued to a year after a label's colon or an indent
    "附件:1.2023年农村幼儿园提质扩容任务分解表",
    "     2.2023年乡村学校少年宫建设任务分解表",
    "相关要求;3.2024年底前完成",
    "按2000/人",
    "发布日期: 2025-03-13 17:01",
    "困难残疾人两项补贴提标实施方案",  # 两项补贴: the name of a subsidy scheme
    "落实三项补贴政策",
    # measure words left out of the list: set phrases and words
    "分一片区推进",
    "春节前完成",
    # a place's name: a Chinese numeral and measure word before a place word, digits without places
    "配合单位:五台县人民政府",
    "涉及长征街、和平街、七一路、开莱片区",
    # a time the text looks back or ahead over, not a count
    "过去一年,我们坚持尽力而为",
    "一年来,全市上下共同努力",
    "今后三年,持续推进城市更新",
    "未来5年,全市财政投入持续增长",
]


def _simple(recs):
    return [(r.value, r.unit, r.qualifier, r.region) for r in recs]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_quantity(text: str, expected: list[tuple]) -> None:
    assert _simple(find_quantities(text, 0, CTX)) == expected


@pytest.mark.parametrize(("text", "expected"), REGIONAL)
def test_regional_shares(text: str, expected: list[tuple]) -> None:
    recs = find_quantities(text, 0, CTX)
    assert [(r.text, r.value, r.region) for r in recs] == expected


@pytest.mark.parametrize("text", NOT_QUANTITIES)
def test_not_quantity(text: str) -> None:
    assert find_quantities(text, 0, CTX) == []


def test_span_is_absolute_and_context_copied() -> None:
    notice = "前文。" * 5 + "新增托位600个以上。"
    base = notice.index("新增")
    recs = find_quantities(notice[base:], base, CTX)
    assert len(recs) == 1
    r = recs[0]
    assert notice[r.span[0]:r.span[1]] == r.text == "600个以上"
    assert (r.programme_id, r.section) == ("P01", "一、目标任务")


# batch 8 (blind variants): breakdown clauses, short autonomous-county names, functional zones,
# new units, age ranges
BREAKDOWNS = [
    # a region opens each clause, then a verb phrase and several figures of that region
    ("其中南明区新建5所、新增学位1350个,云岩区新建4所、新增学位1080个。",
     [(5, "所", None, "南明区"), (1350, "个", None, "南明区"), (4, "所", None, "云岩区"), (1080, "个", None, "云岩区")]),
    ("其中城关镇14个1260户,东关镇9个780户。",
     [(14, "个", None, "城关镇"), (1260, "户", None, "城关镇"), (9, "个", None, "东关镇"), (780, "户", None, "东关镇")]),
    # short forms of autonomous counties and functional zones as shares
    ("其中三江自治县90公里、融水自治县80公里、柳州高新区15公里、鹿寨经开区10公里。",
     [(90, "公里", None, "三江自治县"), (80, "公里", None, "融水自治县"), (15, "公里", None, "柳州高新区"),
      (10, "公里", None, "鹿寨经开区")]),
    ("其中莫力达瓦自治旗3个、阿荣旗2个。", [(3, "个", None, "莫力达瓦自治旗"), (2, "个", None, "阿荣旗")]),
    ("每天提供午餐1餐", [(1, "餐", None, None)]),
    ("路面厚度不低于20厘米", [(20, "厘米", "at_least", None)]),
    ("岗前培训不少于120学时", [(120, "学时", "at_least", None)]),
    ("实行首30分钟免费", [(30, "分钟", None, None)]),
    ("为35—64岁农村妇女", [(35, "岁", None, None), (64, "岁", None, None)]),
    ("0—6岁残疾儿童", [(0, "岁", None, None), (6, "岁", None, None)]),
]
NOT_BREAKDOWNS = [
    # a region list with its total, a lone region with the whole target, non-place zones
    ("在南明区、云岩区新建幼儿园12所,新增学位3240个。", [(12, "所", None, None), (3240, "个", None, None)]),
    ("南明区新建5所、新增学位1350个。", [(5, "所", None, None), (1350, "个", None, None)]),
    ("其中省级示范区3个、市级示范区5个。", [(3, "个", None, None), (5, "个", None, None)]),
    ("其中城市新区3个,老城区5个。", [(3, "个", None, None), (5, "个", None, None)]),
    ("首2剂免费", []),
    ("2025年3月—6月", []),
]


@pytest.mark.parametrize(("text", "expected"), BREAKDOWNS + NOT_BREAKDOWNS)
def test_breakdown_clauses_and_new_units(text: str, expected: list[tuple]) -> None:
    recs = find_quantities(text, 0, CTX)
    assert [(r.value, r.unit, r.qualifier, r.region) for r in recs] == expected


def test_a_regional_share_with_its_verb_and_noun() -> None:
    # 其中城关区|新增学位|900个、七里河区新增学位600个: the places split the total, each with verb and noun
    from minshi_extract.pipeline import extract_text

    n = extract_text("关于印发2025年为民实事实施方案的通知\n全市新增学位1500个,其中城关区新增学位900个、七里河区新增学位600个。\n")
    assert [(r.text, r.region) for r in n.all_records()][1:] == [("城关区新增学位900个", "城关区"), ("七里河区新增学位600个", "七里河区")]
