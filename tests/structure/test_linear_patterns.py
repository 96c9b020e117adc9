"""The furniture test of a line, the evidence of an item and its title: the patterns made linear (issue 14)."""

from minshi_extract.structure.lines import _dot_star, is_furniture


def test_a_dot_star_pattern_is_searched_only_without_an_alternative_of_its_own() -> None:
    assert _dot_star(r".*(ICP备|ICP证|公网安备)\s*\d.*")
    assert _dot_star(r".*[|]x")  # a bar inside a class is no alternative
    assert not _dot_star(".*A|B")  # `.*A` or `B`: B must match the whole line
    assert not _dot_star(".*?x")
    assert not _dot_star("x.*")


def test_icp_footer_is_furniture_at_any_length() -> None:
    assert is_furniture("陇ICP备05001234号-1")
    assert is_furniture("网站" * 300 + "陇ICP备05001234号")  # 604 characters: the timed path
    assert not is_furniture("网站" * 300 + "ICP备案")  # no number after it


def test_download_line_is_furniture_unless_it_carries_a_figure() -> None:
    assert is_furniture("2025年为民实事实施方案.pdf")
    assert not is_furniture("新建学位1000个.pdf")
    assert is_furniture("打印本页 关闭窗口")
    assert not is_furniture("新建学位1000个 打印本页")


def test_a_target_is_found_from_the_first_digit_of_its_run() -> None:
    from minshi_extract.structure.evidence import evidence

    assert evidence("新增学位1.5万个").target
    assert evidence("改造.5公里").target  # a figure after a point starts at its own digit
    assert evidence("1" * 400 + "户").target  # a long run: one start, not one per digit
    assert not evidence("2025年3月").target
    assert not evidence("1" * 400 + "年").target


def test_an_item_title_loses_the_separators_ending_it() -> None:
    from minshi_extract.structure.programmes import item_title

    assert item_title("城镇新增就业1.1万人;,  ") == "城镇新增就业1.1万人"
    assert item_title("新建食堂5个(县民政局)。其余") == "新建食堂5个"
