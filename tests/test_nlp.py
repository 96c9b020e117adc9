import pytest

spacy = pytest.importorskip("spacy")  # the optional extra minshi-extract[spacy]; dev installs it

TEXT = "统筹安排资金10040万元,增补学位1080个。"


def _nlp():
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp.add_pipe("minshi_records")
    return nlp


def test_component_registered_through_entry_point() -> None:
    doc = _nlp()(TEXT)
    got = [(s.text, s.label_) for s in doc.spans["minshi"]]
    # jieba splits 10040万元 into 10040|万元; the span expands over both tokens
    assert ("10040万元", "money") in got
    assert ("1080个", "quantity") in got
    rec = next(s for s in doc.spans["minshi"] if s.label_ == "money")._.minshi_record
    assert rec["amount_cny"] == 100400000 and rec["text_unit"] == "万元"


def test_records_survive_docbin_with_user_data() -> None:
    from spacy.tokens import DocBin

    nlp = _nlp()
    blob = DocBin(docs=[nlp(TEXT)], store_user_data=True).to_bytes()
    (doc,) = DocBin(store_user_data=True).from_bytes(blob).get_docs(nlp.vocab)
    spans = {s.text: s for s in doc.spans["minshi"]}
    assert spans["1080个"].label_ == "quantity"
    assert spans["1080个"]._.minshi_record["value"] == 1080
    assert spans["1080个"]._.minshi_record["unit"] == "个"
    assert spans["10040万元"]._.minshi_record["amount_cny"] == 100400000
    assert len(doc._.minshi_notice["programmes"]) == 0  # msgpack gives lists back as tuples
