"""The CLI on bad input: non-zero exit, one line naming the file and the fault, no traceback."""

import json
from pathlib import Path

import pytest

from minshi_extract.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty file"),
        (b"  \n\n \t", "empty file"),
        (b"\x00\x01\x02\x03binary\x00", "binary file (NUL bytes)"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(1, 32)) * 4, "binary file"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "libreoffice --headless --convert-to docx"),
        ("通知".encode() + b"\xff\xfe\xfd\x80 bad", "not UTF-8 or GB18030 text"),
        (b"\xff\xfe\x00", "not UTF-16 text"),
    ],
)
def test_bad_notice_one_line(tmp_path: Path, capsys, content: bytes, message: str) -> None:
    f = tmp_path / "notice.txt"
    f.write_bytes(content)
    code, out, err = run(capsys, "extract", str(f))
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert str(f) in err and message in err


def test_missing_file(capsys) -> None:
    code, _, err = run(capsys, "extract", "no/such/notice.txt")
    assert code == 2 and "no/such/notice.txt: no such file" in err


def test_size_limit(tmp_path: Path, capsys) -> None:
    f = tmp_path / "big.txt"
    f.write_text("为民实事" * 100, encoding="utf-8")
    code, _, err = run(capsys, "extract", str(f), "--max-bytes", "100")
    assert code == 2 and "over the limit of 100" in err


def test_gb18030_notice_reads(tmp_path: Path, capsys) -> None:
    f = tmp_path / "gbk.txt"
    f.write_bytes("某市人民政府办公室关于印发2024年民生实事实施方案的通知\n".encode("gb18030"))
    code, out, _ = run(capsys, "extract", str(f), "--format", "json")
    assert code == 0
    assert json.loads(out)["meta"]["year"] == 2024


def test_broken_gold_json(tmp_path: Path, capsys) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "x.json").write_text('{"corpus_file": "x.txt", "programmes": [', encoding="utf-8")
    code, _, err = run(capsys, "eval", "--gold", str(gold), "--corpus", str(tmp_path))
    assert code == 2
    assert err.count("\n") == 1 and f"{gold / 'x.json'}: invalid JSON at line 1" in err


def test_eval_prints_the_table_and_gates(capsys) -> None:
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    args = ["eval", "--gold", str(root / "gold"), "--corpus", str(root / "corpus"), "--notice", "wuwei_2025"]
    code, out, _ = run(capsys, *args)
    assert code == 0
    assert "== wuwei_2025" in out and "micro" in out and "programme detection 17/17" in out
    code, _, err = run(capsys, *args, "--min-f1", "1.01")
    assert code == 1 and "below --min-f1 1.01" in err
    assert "shares linked to their total" in out  # the founding gold annotates part_of
    code, _, err = run(capsys, *args, "--min-agreement", "part_of.f1=1.01")
    assert code == 1 and "part_of.f1" in err and "below 1.01" in err
    code, _, err = run(capsys, *args, "--min-agreement", "part_of.f2=0.5")
    assert code == 2 and "part_of.(precision|recall|f1)" in err


NOTICE = (
    "某县人民政府办公室关于印发2024年民生实事实施方案的通知\n"
    "各乡镇人民政府:\n现将方案印发给你们。\n"
    "城区停车泊位建设实施方案\n一、目标任务\n新建停车泊位5200个。\n"
    "二、责任主体\n牵头单位:县住建局\n"
)


def test_show_writes_highlighted_html(tmp_path: Path, capsys) -> None:
    src = tmp_path / "n.txt"
    src.write_text(NOTICE, encoding="utf-8")
    out = tmp_path / "n.html"
    code, _, _ = run(capsys, "show", str(src), "-o", str(out))
    html = out.read_text(encoding="utf-8")
    assert code == 0
    assert "<mark" in html and "5200个" in html and "县住建局" in html


def test_batch_writes_json_per_file_and_the_tables(tmp_path: Path, capsys) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(NOTICE, encoding="utf-8")
    (src / "empty.txt").write_text("", encoding="utf-8")
    out = tmp_path / "out"
    code, stdout, err = run(capsys, "batch", str(src), "-o", str(out))
    assert code == 1  # some files failed: documented in --help and the README
    assert "empty.txt: empty file" in err
    assert "1 notices" in stdout and "1 failed" in stdout
    data = json.loads((out / "json" / "a.txt.json").read_text(encoding="utf-8"))
    assert [p["title"] for p in data["programmes"]] == ["城区停车泊位建设实施方案"]
    rows = (out / "records.csv").read_text(encoding="utf-8-sig").splitlines()
    assert rows[0].startswith("sha256,source_file,doc_number,issuer,year,title,programme_id,programme,")
    assert any(",quantity,5200个," in r for r in rows)
    assert any(",responsibility,县住建局," in r for r in rows)
    assert (out / "errors.csv").read_text(encoding="utf-8-sig").splitlines()[1].split(",")[1] == "empty.txt"


@pytest.mark.parametrize(("fmt", "suffix"), [("xlsx", ".xlsx"), ("parquet", ".parquet"), ("csv", ".csv")])
def test_extract_writes_the_tables_by_suffix(tmp_path: Path, capsys, fmt: str, suffix: str) -> None:
    src = tmp_path / "n.txt"
    src.write_text(NOTICE, encoding="utf-8")
    out = tmp_path / f"n{suffix}"
    code, stdout, _ = run(capsys, "extract", str(src), "-o", str(out))
    assert code == 0 and f"wrote {out}" in stdout
    if fmt == "xlsx":
        from openpyxl import load_workbook

        ws = load_workbook(out)["records"]
        header = [c.value for c in ws[1]]
        row = dict(zip(header, [c.value for c in ws[2]], strict=True))
        assert (row["text"], row["item"], row["leaf"]) == ("5200个", "停车泊位", True)
    elif fmt == "csv":
        assert out.read_bytes().startswith(b"\xef\xbb\xbf")
        assert (tmp_path / "n.programmes.csv").read_text(encoding="utf-8-sig").count("城区停车泊位建设实施方案") == 1
    else:
        pq = pytest.importorskip("pyarrow.parquet")
        assert pq.read_table(out).column("text").to_pylist() == ["5200个", "县住建局"]


def test_extract_csv_to_stdout_has_no_bom(tmp_path: Path, capsys) -> None:
    src = tmp_path / "n.txt"
    src.write_text(NOTICE, encoding="utf-8")
    code, out, _ = run(capsys, "extract", str(src), "--format", "csv")
    assert code == 0 and out.startswith("sha256,source_file,")
    assert out.count("\n") == 3  # header + 5200个 + 县住建局


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["-o", "x.foo"], "unknown output suffix '.foo'"),
        (["--format", "xlsx"], "pass -o FILE.xlsx"),
        (["--format", "parquet", "-o", "x.xlsx"], "names a .xlsx file but --format says parquet"),
    ],
)
def test_extract_output_errors(tmp_path: Path, capsys, argv: list[str], message: str) -> None:
    src = tmp_path / "n.txt"
    src.write_text(NOTICE, encoding="utf-8")
    argv = [str(tmp_path / a) if a.startswith("x.") else a for a in argv]
    code, out, err = run(capsys, "extract", str(src), *argv)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and message in err
    assert not any(p.name.startswith("x.") for p in tmp_path.iterdir())
