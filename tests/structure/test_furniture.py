"""The furniture test of a line: `.*`-led lexicon patterns searched at the line's end (issue 14)."""

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
