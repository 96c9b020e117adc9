from minshi_extract.pipeline import extract_text


def test_bare_time_label_of_a_news_page_is_the_publication_date() -> None:
    text = "某省人民政府办公厅关于印发2025年重点民生实事的通知\n时间:2025-02-18 09:30 来源:某省人民政府办公厅\n"
    assert extract_text(text).meta.published_on == "2025-02-18"


def test_completion_time_label_is_not_a_publication_date() -> None:
    text = "某县人民政府关于印发2025年民生实事的通知\n完成时间:2025-11-30\n"
    assert extract_text(text).meta.published_on is None


def test_news_page_year_comes_from_the_publication_date() -> None:
    text = "今年某市将办好8件民生实事\n来源:某市日报 发布时间:2025-02-14 09:30\n2月13日,记者获悉,8件民生实事项目正式确定。\n"
    notice = extract_text(text)
    assert notice.meta.year == 2025


def test_a_breadcrumb_trail_is_no_headline() -> None:
    from minshi_extract import extract_text

    page = "某市人民政府 > 新闻中心 > 本地要闻\n\n市人大票决产生十件民生实事\n\n来源:某市日报\n\n市人大会议票决产生十件民生实事。\n"
    assert extract_text(page).meta.title == "市人大票决产生十件民生实事"
