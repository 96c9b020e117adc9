"""Hand-written record gold of corpus/series/ (issue 12), typed from reading the notices, compact.

Run: python gold/_work/series_gold.py  -> writes gold/series/<name>.json. No extractor output used.
"""

from __future__ import annotations

import json
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "series"


def Q(value, unit, text, item=None, qualifier=None, region=None):
    return {"type": "quantity", "value": value, "unit": unit, "item": item, "qualifier": qualifier,
            "region": region, "text": text}


def M(amount, text_unit, text, per=None, item=None, source=None, qualifier=None, region=None):
    return {"type": "money", "amount_cny": amount, "text_unit": text_unit, "per": per, "item": item,
            "source": source, "qualifier": qualifier, "region": region, "text": text}


def P(value, text, item=None, qualifier=None):
    return {"type": "percentage", "value": value, "qualifier": qualifier, "item": item, "text": text}


def D(date, text, what=None):
    return {"type": "deadline", "date": date, "what": what, "text": text}


def R(role, unit):
    return {"type": "responsibility", "role": role, "unit": unit, "text": unit}


def PH(name, start, end, text):
    return {"type": "phase", "name": name, "start": start, "end": end, "text": text}


def lead_then(*units):
    """After 列第一位者为牵头单位: the first unit is lead, the others responsible."""
    return [R("lead", units[0]), *(R("responsible", u) for u in units[1:])]


def write(name, corpus_file, meta, records, programmes):
    data = {"corpus_file": corpus_file, "meta": meta, "records": records,
            "programmes": [{"title": t, "parts": [], "records": r} for t, r in programmes]}
    (OUT / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def anqiu(year, doc, index, issued, published, cover, progs):
    meta = {"title": f"安丘市人民政府关于印发安丘市{year}年为民办实事项目的通知", "issuer": "安丘市人民政府",
            "doc_number": doc, "index_no": index, "issued_on": issued, "published_on": published,
            "recipients": ["各镇人民政府、街道办事处", "市政府各部门、各直属机构"], "year": year}
    write(f"anqiu_{year}", f"series/anqiu_{year}.txt", meta, cover, progs)


anqiu(2024, "安政发〔2024〕3号", "11370784004352871M/2024-00018", "2024-02-06", "2024-02-09", [
    D("2024-03-10", "3月10日前", "制定具体实施方案"),
    D("2024-12", "年底前", "全面完成"),
    Q(8, "件", "8件为民实事", "为民实事"),
    M(690000000, "亿元", "约6.9亿元", item="计划投入资金", qualifier="about"),
], [
    ("新建改扩建中小学3所,新增学位2700个", [
        Q(3, "所", "中小学3所", "中小学"), Q(2700, "个", "新增学位2700个", "学位"),
        Q(2, "所", "小学2所", "小学"), Q(1800, "个", "新增学位1800个", "学位"),
        Q(1, "所", "初中1所", "初中"), Q(900, "个", "新增学位900个", "学位"),
        D("2024-08-31", "8月31日前", "全部建成投用"), M(240000000, "亿元", "2.4亿元", item="总投资"),
        *lead_then("市教育和体育局", "市发展改革局", "市财政局")]),
    ("改造城镇老旧小区28个,惠及居民6200户", [
        Q(28, "个", "老旧小区28个", "城镇老旧小区"), Q(6200, "户", "居民6200户", "居民"),
        Q(40, "部", "加装电梯40部", "电梯"), D("2024-10", "10月底前", "完工"),
        M(110000000, "亿元", "1.1亿元", item="总投资"),
        *lead_then("市住房城乡建设局", "市财政局", "相关街道办事处")]),
    ("新建老年助餐食堂20个", [
        Q(20, "个", "老年助餐食堂20个", "老年助餐食堂"),
        Q(150, "平方米", "不少于150平方米", "食堂建筑面积", "at_least"),
        M(150000, "万元", "15万元", per="个", item="一次性建设补助"),
        Q(80, "周岁", "80周岁以上", "老年人", "at_least"),
        M(3, "元", "每餐补助3元", per="餐", item="补助"),
        D("2024-09", "9月底前", "全部投入运营"),
        *lead_then("市民政局", "市财政局", "相关镇街")]),
    ("新增城镇就业8000人", [
        Q(8000, "人", "8000人", "城镇就业"), Q(6000, "人次", "职业技能培训6000人次", "职业技能培训"),
        P(5.5, "5.5%以内", "城镇调查失业率", "at_most"),
        M(250000000, "亿元", "2.5亿元", item="创业担保贷款"),
        *lead_then("市人力资源社会保障局", "市财政局")]),
    ("为全市65周岁以上老年人免费健康体检8.6万人次", [
        Q(65, "周岁", "65周岁以上", "老年人", "at_least"), Q(86000, "人次", "8.6万人次", "免费健康体检"),
        Q(12, "项", "不少于12项", "体检项目", "at_least"),
        M(80, "元", "每人次80元", per="人次", item="标准", source="市级财政"),
        D("2024-11", "11月底前", "完成"),
        *lead_then("市卫生健康局", "市财政局")]),
    ("新建改造农村公路150公里", [
        Q(150, "公里", "农村公路150公里", "农村公路"), Q(30, "公里", "示范路30公里", "“四好农村路”示范路"),
        Q(8, "座", "危桥8座", "危桥"), D("2024-12-15", "12月15日前", "完成交工验收"),
        M(180000000, "亿元", "1.8亿元", item="总投资"),
        *lead_then("市交通运输局", "市财政局", "相关镇")]),
    ("实施农村户厕改造3500户", [
        Q(3500, "户", "农村户厕改造3500户", "农村户厕改造"),
        M(1200, "元", "每户补助1200元", per="户", item="补助"), D("2024-10", "10月底前", "完成"),
        *lead_then("市农业农村局", "市卫生健康局", "市财政局")]),
    ("新建城区公共停车泊位1500个", [
        Q(1500, "个", "公共停车泊位1500个", "城区公共停车泊位"), Q(6, "个", "公共停车场6个", "公共停车场"),
        Q(30, "分钟", "30分钟", "免费"), D("2024-11", "11月底前", "投入使用"),
        *lead_then("市综合行政执法局", "市住房城乡建设局", "市公安局")]),
])

anqiu(2025, "安政发〔2025〕2号", "11370784004352871M/2025-00021", "2025-02-10", "2025-02-14", [
    D("2025-03-15", "3月15日前", "制定具体实施方案"),
    D("2025-12", "年底前", "全面完成"),
    Q(8, "件", "8件为民实事", "为民实事"),
    M(760000000, "亿元", "约7.6亿元", item="计划投入资金", qualifier="about"),
], [
    ("城镇新增就业9000人以上", [
        Q(9000, "人", "9000人以上", "城镇新增就业", "at_least"),
        Q(7500, "人次", "职业技能培训7500人次", "职业技能培训"),
        P(5.5, "5.5%以内", "城镇调查失业率", "at_most"),
        M(300000000, "亿元", "3亿元", item="创业担保贷款"),
        *lead_then("市人力资源社会保障局", "市财政局")]),
    ("新建改扩建中小学和幼儿园4所,新增学位3600个", [
        Q(4, "所", "幼儿园4所", "中小学和幼儿园"), Q(3600, "个", "新增学位3600个", "学位"),
        Q(2, "所", "小学2所", "小学"), Q(1800, "个", "新增学位1800个", "学位"),
        Q(1, "所", "初中1所", "初中"), Q(1350, "个", "新增学位1350个", "学位"),
        Q(450, "个", "新增学位450个", "学位"),
        D("2025-08-31", "8月31日前", "全部建成投用"), M(310000000, "亿元", "3.1亿元", item="总投资"),
        *lead_then("市教育和体育局", "市发展改革局", "市财政局")]),
    ("改造城镇老旧小区35个,惠及居民7400户", [
        Q(35, "个", "老旧小区35个", "城镇老旧小区"), Q(7400, "户", "居民7400户", "居民"),
        Q(60, "部", "加装电梯60部", "电梯"), D("2025-09", "9月底前", "完工"),
        M(130000000, "亿元", "1.3亿元", item="总投资"),
        *lead_then("市住房城乡建设局", "市财政局", "相关街道办事处")]),
    ("新建老年助餐食堂30个", [
        Q(30, "个", "老年助餐食堂30个", "老年助餐食堂"),
        Q(150, "平方米", "不少于150平方米", "食堂建筑面积", "at_least"),
        M(150000, "万元", "15万元", per="个", item="一次性建设补助"),
        Q(80, "周岁", "80周岁以上", "老年人", "at_least"),
        M(3, "元", "每餐补助3元", per="餐", item="补助"),
        D("2025-09", "9月底前", "全部投入运营"),
        *lead_then("市民政局", "市财政局", "相关镇街")]),
    ("新建改造农村公路120公里", [
        Q(120, "公里", "农村公路120公里", "农村公路"), Q(40, "公里", "示范路40公里", "“四好农村路”示范路"),
        Q(10, "座", "危桥10座", "危桥"), D("2025-11-30", "11月30日前", "完成交工验收"),
        M(150000000, "亿元", "1.5亿元", item="总投资"),
        *lead_then("市交通运输局", "市财政局", "相关镇")]),
    ("新增普惠性托育托位600个", [
        Q(600, "个", "托育托位600个", "普惠性托育托位"),
        M(10000, "万元", "1万元", per="个", item="一次性补助"), D("2025-10", "10月底前", "完成"),
        *lead_then("市卫生健康局", "市财政局", "市教育和体育局")]),
    ("新建城市公共充电桩800个", [
        Q(800, "个", "公共充电桩800个", "城市公共充电桩"), Q(300, "个", "快充桩300个", "快充桩"),
        D("2025-11", "11月底前", "投入使用"),
        *lead_then("市发展改革局", "市住房城乡建设局", "国网安丘市供电公司")]),
    ("新建城区公共停车泊位2000个", [
        Q(2000, "个", "公共停车泊位2000个", "城区公共停车泊位"), Q(8, "个", "公共停车场8个", "公共停车场"),
        Q(30, "分钟", "30分钟", "免费"), D("2025-11", "11月底前", "投入使用"),
        *lead_then("市住房城乡建设局", "市综合行政执法局", "市公安局")]),
])
