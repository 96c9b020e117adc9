import spacy


def test_component_registered_through_entry_point() -> None:
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp.add_pipe("minshi_records")
    doc = nlp("统筹安排资金10040万元,增补学位1080个。")
    got = [(s.text, s.label_) for s in doc.spans["minshi"]]
    # jieba splits 10040万元 into 10040|万元; the span expands over both tokens
    assert ("10040万元", "money") in got
    assert ("1080个", "quantity") in got
    rec = next(s for s in doc.spans["minshi"] if s.label_ == "money")._.minshi_record
    assert rec.amount_cny == 100400000
