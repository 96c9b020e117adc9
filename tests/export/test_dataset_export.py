"""batch -> one dataset in CSV (with BOM), XLSX (a sheet per table) and Parquet, checked against the
per-notice JSON and against figures read from the notices' text."""

import json
from pathlib import Path

import pytest
from conftest import BAD, GOOD, SAME_NOTICE

from minshi_extract.cli import main
from minshi_extract.dataset.tables import TABLES

pq = pytest.importorskip("pyarrow.parquet")
SHEETS = ["notices", "programmes", "records", "warnings", "errors"]


def _json_notices(out: Path) -> dict[str, dict]:
    return {rel: json.loads((out / "json" / f"{rel}.json").read_text(encoding="utf-8")) for rel in GOOD}


def test_batch_exits_1_when_some_files_failed(dataset) -> None:
    code, _ = dataset
    assert code == 1


def test_parquet_row_counts_match_the_json(dataset) -> None:
    _, out = dataset
    notices = _json_notices(out)
    records = pq.read_table(out / "records.parquet")
    expected = sum(
        len(n["records"]) + sum(len(p["records"]) + sum(len(pt["records"]) for pt in p["parts"])
                                for p in n["programmes"])
        for n in notices.values()
    )
    assert records.num_rows == expected
    assert pq.read_table(out / "notices.parquet").num_rows == len(GOOD)
    assert pq.read_table(out / "programmes.parquet").num_rows == sum(len(n["programmes"]) for n in notices.values())
    assert records.column_names == list(TABLES["records"])


def test_records_carry_the_notice_and_the_figure(dataset) -> None:
    _, out = dataset
    rows = pq.read_table(out / "records.parquet").to_pylist()
    # corpus/wuwei_2025.txt: 武政办发〔2025〕7号 ... 统筹安排资金10040万元 (P01, 中小学“强县中增学位”工程)
    money = [r for r in rows if r["source_file"] == "wuwei_2025.txt" and r["text"] == "10040万元"]
    assert len(money) == 1
    r = money[0]
    assert r["amount_cny"] == 100400000.0 and r["type"] == "money" and r["text_unit"] == "万元"
    assert r["doc_number"] == "武政办发〔2025〕7号" and r["issuer"] == "武威市人民政府办公室" and r["year"] == 2025
    assert r["programme_id"] == "P01" and r["programme"] == "中小学“强县中增学位”工程实施方案"
    assert r["id"].startswith("P01-") and len(r["sha256"]) == 64


def test_duplicates_across_formats_are_kept_once(dataset) -> None:
    _, out = dataset
    notices = {r["source_file"]: r for r in pq.read_table(out / "notices.parquet").to_pylist()}
    assert sorted(notices) == GOOD
    for kept, dups in SAME_NOTICE.items():
        assert sorted(notices[kept]["duplicates"]) == sorted(dups)


def test_errors_table_lists_every_bad_file_with_its_reason(dataset) -> None:
    _, out = dataset
    errors = {r["source_file"]: r for r in pq.read_table(out / "errors.parquet").to_pylist()}
    assert sorted(errors) == BAD
    assert "empty file" in errors["bad/empty.txt"]["reason"]
    assert "encrypted" in errors["bad/encrypted.pdf"]["reason"]
    assert all(e["error"] == "InputError" for e in errors.values())


def test_csv_starts_with_a_bom_and_has_every_column(dataset) -> None:
    _, out = dataset
    for table, cols in TABLES.items():
        raw = (out / f"{table}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        assert raw[3:].decode("utf-8").splitlines()[0] == ",".join(cols)


def test_xlsx_has_a_sheet_per_table_with_a_frozen_header(dataset) -> None:
    from openpyxl import load_workbook

    _, out = dataset
    wb = load_workbook(out / "dataset.xlsx", read_only=False)
    assert wb.sheetnames == SHEETS
    for name in SHEETS:
        ws = wb[name]
        assert [c.value for c in ws[1]] == list(TABLES[name])
        assert ws.freeze_panes == "A2"
    assert wb["notices"].max_row == 1 + len(GOOD)
    assert wb["errors"].max_row == 1 + len(BAD)
    assert wb["records"].column_dimensions["F"].width > 20  # the notice title column is wide


def test_warnings_counted_and_tabled(dataset) -> None:
    _, out = dataset
    notices = pq.read_table(out / "notices.parquet").to_pylist()
    warnings = pq.read_table(out / "warnings.parquet").to_pylist()
    assert sum(n["warnings"] for n in notices) == len(warnings)
    # corpus/wuwei_2025.txt cites 附件 农村水利惠民工程实施计划表 but does not include it
    assert any(w["source_file"] == "wuwei_2025.txt" and "农村水利惠民工程实施计划表" in w["warning"]
               for w in warnings)


@pytest.mark.parametrize("name", ["corpus.parquet", "corpus.csv"])
def test_a_file_name_picks_the_format(tmp_path: Path, name: str, capsys) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(Path(__file__).parents[2].joinpath("corpus/variants/baoji_2023.txt")
                               .read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / name
    assert main(["batch", str(src), "-o", str(out), "-q"]) == 0
    suffix = out.suffix
    assert out.is_file()  # the records table
    assert (tmp_path / f"corpus.notices{suffix}").is_file() and (tmp_path / f"corpus.errors{suffix}").is_file()
    assert (tmp_path / "corpus.json" / "a.txt.json").is_file()


@pytest.mark.parametrize("name", ["out.json", "out.foo", "out.tsv"])
def test_unknown_suffix_is_an_error(tmp_path: Path, name: str, capsys) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("某县民生实事实施方案\n", encoding="utf-8")
    assert main(["batch", str(src), "-o", str(tmp_path / name)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "unknown output suffix" in err
    assert not (tmp_path / name).exists()


def test_parquet_without_pyarrow_fails_before_converting(tmp_path: Path, monkeypatch, capsys) -> None:
    import builtins

    real_import = builtins.__import__

    def no_pyarrow(name, *args, **kwargs):
        if name == "pyarrow" or name.startswith("pyarrow."):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pyarrow)
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("某县民生实事实施方案\n", encoding="utf-8")
    assert main(["batch", str(src), "-o", str(tmp_path / "out.parquet")]) == 2
    assert "pip install 'minshi-extract[parquet]'" in capsys.readouterr().err
    assert not (tmp_path / "out.json").exists()  # nothing converted


def test_output_that_is_a_plain_file_is_an_error(tmp_path: Path, capsys) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("某县民生实事实施方案\n", encoding="utf-8")
    (tmp_path / "out").write_text("not a folder")
    assert main(["batch", str(src), "-o", str(tmp_path / "out")]) == 2
    assert "a file, not a directory" in capsys.readouterr().err
    assert (tmp_path / "out").read_text() == "not a folder"
