"""Programme categories: lexicon, classifier, evidence, and the hook in the pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from minshi_extract.categories import (
    classify,
    find_words,
    lexicon,
    lexicon_from,
    load_labels,
    score_categories,
)
from minshi_extract.errors import GoldError
from minshi_extract.export import to_json, to_tree
from minshi_extract.pipeline import extract_text

TAXONOMY = {
    "education": "教育", "health": "医疗卫生", "elderly": "养老服务", "employment": "就业创业",
    "social_assistance": "社会救助", "housing": "住房保障与老旧小区", "transport": "交通出行",
    "water": "供水与水利", "culture_sports": "文化体育", "environment": "生态环境", "safety": "安全与应急",
    "government_services": "政务服务", "agriculture": "农业农村", "disability": "残疾人服务",
    "women_children": "妇女儿童", "food_drug": "食品药品安全", "urban_management": "城市管理", "other": "其他",
}


def test_lexicon_has_the_taxonomy() -> None:
    assert lexicon().names == TAXONOMY
    for key in TAXONOMY:
        if key != "other":
            assert any(key in cats for cats in lexicon().weights.values()), key


@pytest.mark.parametrize(
    ("title", "primary"),
    [
        ("新增公办幼儿园学位1080个", "education"),
        ("为农村适龄妇女免费开展“两癌”筛查", "health"),
        ("新建老年助餐点60个", "elderly"),
        ("开发城乡公益性岗位2800个", "employment"),
        ("提高城乡低保标准", "social_assistance"),
        ("改造城镇老旧小区40个", "housing"),
        ("新建改造农村公路120公里", "transport"),
        ("实施农村饮水安全巩固提升工程", "water"),
        ("送戏下乡演出300场", "culture_sports"),
        ("农村清洁取暖改造8000户", "environment"),
        ("城市燃气用户端安全设备升级改造", "safety"),
        ("优化政务服务", "government_services"),
        ("实施农村户厕改造3000户", "agriculture"),
        ("为1200户困难残疾人家庭实施无障碍改造", "disability"),
        ("新增普惠性托育托位600个", "women_children"),
        ("开展食品安全抽检4000批次", "food_drug"),
        ("新建改建城市公共厕所120座", "urban_management"),
        ("養老服務優化", "elderly"),  # traditional characters are read as simplified
    ],
)
def test_one_title_per_category(title: str, primary: str) -> None:
    assert classify(title).primary == primary


def test_longest_word_wins_on_overlap() -> None:
    # 农村公路 hides 农村 (agriculture); 城市公共厕所 hides 厕所
    assert find_words("新建改造农村公路", lexicon().weights) == {"农村公路": 1}
    cat = classify("新建改造农村公路120公里")
    assert cat.secondary == []
    assert all(e.category == "transport" for e in cat.evidence)


def test_evidence_keeps_the_deciding_words() -> None:
    cat = classify("新增公办幼儿园学位1080个")
    assert cat.name == "教育"
    assert {(e.word, e.where) for e in cat.evidence} == {("幼儿园", "title"), ("学位", "title")}


def test_secondary_category() -> None:
    cat = classify("新建城区公共停车位800个、新能源汽车充电桩120个")
    assert (cat.primary, cat.secondary) == ("transport", ["urban_management"])


def test_title_outweighs_the_text() -> None:
    text = "重点帮扶大龄失业人员、老年人家庭。老年人子女。老年人。老年人。"
    assert classify("城镇新增就业9000人", text).primary == "employment"


def test_text_decides_a_vague_title() -> None:
    assert classify("兜牢民生底线").primary == "social_assistance"
    assert classify("民生工程", "城乡低保标准提高到每人每月800元,特困人员救助供养标准同步提高。").primary == (
        "social_assistance"
    )


def test_no_word_is_other() -> None:
    cat = classify("关于做好有关工作的通知")
    assert (cat.primary, cat.name, cat.secondary, cat.evidence) == ("other", "其他", [], [])


def test_scores_follow_the_settings() -> None:
    lex = lexicon_from({
        "settings": {"title_factor": 1, "text_factor": 1, "text_cap": 2, "secondary_ratio": 0.5,
                     "secondary_min": 1},
        "categories": {"a": {"name": "A", "keywords": {"甲": 3}}, "b": {"name": "B", "keywords": {"乙": 1}},
                       "other": {"name": "O", "keywords": {}}},
    })
    # a: 3 (title); b: 1 x min(3 occurrences, cap 2) = 2 >= 0.5 x 3 -> secondary
    cat = classify("甲", "乙乙乙", lex)
    assert (cat.primary, cat.secondary) == ("a", ["b"])
    assert [(e.word, e.count) for e in cat.evidence] == [("甲", 1), ("乙", 3)]


NOTICE = """某县人民政府办公室关于印发2025年民生实事实施方案的通知

某政办〔2025〕1号

各乡镇人民政府:

现将有关实施方案印发给你们。

新增公办幼儿园学位900个实施方案

一、目标任务

新建公办幼儿园3所,新增学位900个。

改造城镇老旧小区12个实施方案

一、目标任务

改造城镇老旧小区12个,惠及居民3000户。
"""


def test_pipeline_sets_the_category_and_json_and_tree_show_it() -> None:
    notice = extract_text(NOTICE)
    assert [(p.title, p.category.primary) for p in notice.programmes] == [
        ("新增公办幼儿园学位900个实施方案", "education"),
        ("改造城镇老旧小区12个实施方案", "housing"),
    ]
    data = json.loads(to_json(notice))
    assert data["programmes"][1]["category"]["name"] == "住房保障与老旧小区"
    assert "[education]" in to_tree(notice).splitlines()[3]


# --- accuracy against the hand labels ------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[1]


def test_labels_file_is_valid_and_covers_every_record_gold_notice() -> None:
    from minshi_extract.evaluate import find_gold_files

    labels = load_labels(ROOT / "gold" / "categories.json")
    names = {str(p.relative_to(ROOT / "gold").with_suffix("")) for p in find_gold_files(ROOT / "gold")}
    assert names - {n for n in names if n.startswith("series/")} <= set(labels)
    assert sum(len(v) for v in labels.values()) >= 150


def test_bad_labels_are_a_gold_error(tmp_path: Path) -> None:
    bad = tmp_path / "categories.json"
    bad.write_text(json.dumps({"x": [{"title": "t", "primary": "schools", "secondary": []}]}), encoding="utf-8")
    with pytest.raises(GoldError, match="unknown category"):
        load_labels(bad)
    bad.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(GoldError):
        load_labels(bad)


def test_score_categories_pairs_titles_in_either_script() -> None:
    notice = extract_text(NOTICE)
    labels = [
        {"title": "新增公辦幼兒園學位900個實施方案", "primary": "education", "secondary": []},
        {"title": "改造城镇老旧小区12个实施方案", "primary": "urban_management", "secondary": ["housing"]},
        {"title": "不存在的方案", "primary": "health", "secondary": []},
    ]
    s = score_categories(notice, labels, "n")
    assert (s.correct, s.total, s.lenient) == (1, 2, 2)
    assert s.errors == ["n: 改造城镇老旧小区12个实施方案: labelled urban_management, got housing"]


def test_eval_reports_category_accuracy_on_the_founding_notice() -> None:
    from minshi_extract.evaluate import evaluate, format_score

    total, _ = evaluate(ROOT / "gold", ROOT / "corpus", "wuwei_2025")
    assert total.categories.total == 17
    assert total.categories.accuracy >= 0.9
    assert "category primary accuracy" in format_score(total, programmes=False)


def test_eval_category_gate(tmp_path: Path) -> None:
    from minshi_extract.cli import main

    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "wuwei_2025.json").write_bytes((ROOT / "gold" / "wuwei_2025.json").read_bytes())
    first = extract_text((ROOT / "corpus" / "wuwei_2025.txt").read_text(encoding="utf-8")).programmes[0]
    wrong = "health" if first.category.primary != "health" else "education"
    labels = {"wuwei_2025": [{"title": first.title, "primary": wrong, "secondary": []}]}
    (gold / "categories.json").write_text(json.dumps(labels, ensure_ascii=False), encoding="utf-8")
    args = ["eval", "--gold", str(gold), "--corpus", str(ROOT / "corpus")]
    assert main([*args, "--min-category-accuracy", "0.5"]) == 1
    assert main([*args, "--min-category-accuracy", "0.0"]) == 0
