"""minshi-extract show: one highlight per record, a legend that filters by type, table rows linked to
their highlight, tooltips in words; loaded in headless Chromium when the machine has it."""

import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from minshi_extract.cli import main

NOTICE = (
    "某县人民政府办公室关于印发2024年民生实事实施方案的通知\n"
    "各乡镇人民政府:\n现将方案印发给你们。\n"
    "城区停车泊位建设实施方案\n一、目标任务\n新建停车泊位5200个,总投资1200万元,11月底前完成。\n"
    "二、责任主体\n牵头单位:县住建局\n"
)
TYPES = ["quantity", "money", "ratio", "percentage", "phase", "deadline", "responsibility"]


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))


def _show(tmp_path: Path) -> Path:
    src = tmp_path / "n.txt"
    src.write_text(NOTICE, encoding="utf-8")
    out = tmp_path / "n.html"
    assert main(["show", str(src), "-o", str(out)]) == 0
    return out


def test_marks_tooltips_legend_and_links(tmp_path: Path, capsys) -> None:
    p = _Tags()
    p.feed(_show(tmp_path).read_text(encoding="utf-8"))
    marks = [a for t, a in p.tags if t == "mark"]
    heads = sorted(a["title"].split(" · ")[0] for a in marks)
    # the figures of NOTICE, in words: type, value and unit first, then what they count
    assert heads == sorted(["数量 5200 个", "金额 12000000 元", "期限 2024-11", "责任 牵头 县住建局"])
    assert all(a["title"].endswith(f" · {a['data-rec']}") for a in marks)
    links = [a["href"] for t, a in p.tags if t == "a"]
    assert sorted(links) == sorted(f"#m-{a['data-rec']}" for a in marks)
    assert all(a["id"] == f"m-{a['data-rec']}" for a in marks)
    boxes = [a["data-type"] for t, a in p.tags if t == "input"]
    assert boxes == TYPES


def test_overlapping_evidence_still_one_mark_each() -> None:
    from minshi_extract.models import Money, Notice, Quantity
    from minshi_extract.render import render_html

    text = "投资1200万元建设"
    notice = Notice(text=text, records=[
        Money(id="N-001", text="1200万元", span=(2, 8), amount_cny=12000000, text_unit="万元"),
        Quantity(id="N-002", text="1200万", span=(2, 7), value=12000000, unit="万"),
        Quantity(id="N-003", text="元建设", span=(7, 10), value=1, unit="元"),  # crosses the end of N-001
    ])
    p = _Tags()
    p.feed(render_html(notice))
    assert sorted(a["data-rec"] for t, a in p.tags if t == "mark") == ["N-001", "N-002", "N-003"]


def _browser():
    webdriver = pytest.importorskip("selenium.webdriver")
    chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if not (chromium and driver):
        pytest.skip("headless Chromium not installed (Debian: apt-get install chromium chromium-driver)")
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = chromium
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(driver), options=opts)


def test_page_in_headless_chromium(tmp_path: Path, capsys) -> None:
    from minshi_extract import extract

    root = Path(__file__).resolve().parents[1]
    src = root / "corpus" / "wuwei_2025.txt"
    out = tmp_path / "wuwei.html"
    assert main(["show", str(src), "-o", str(out)]) == 0
    ids = sorted(r.id for r in extract(src).all_records())
    browser = _browser()
    try:
        browser.get(out.as_uri())
        marks = browser.execute_script(
            "return Array.from(document.querySelectorAll('mark[data-rec]')).map(m => m.dataset.rec)")
        assert sorted(marks) == ids  # one highlight per record
        hidden = "return getComputedStyle(document.querySelector('tr.t-money')).display"
        assert browser.execute_script(hidden) != "none"
        browser.find_element("css selector", "#legend input[data-type=money]").click()
        assert browser.execute_script(hidden) == "none"
        assert browser.execute_script("return document.body.classList.contains('hide-money')")
        link = browser.find_element("css selector", "#records a")
        target = link.get_attribute("href").split("#")[1]
        link.click()
        assert browser.execute_script("return location.hash") == f"#{target}"
        assert browser.execute_script(f"return document.getElementById('{target}') !== null")
        errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
        assert errors == []
    finally:
        browser.quit()
