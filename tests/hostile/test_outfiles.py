"""Output files: atomic, never over the input or an unnamed existing file, path problems exit 2."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from hostile_fixtures import FOUNDING

from minshi_extract.cli import main
from minshi_extract.errors import OutputError
from minshi_extract.outfiles import check_target, write_atomic

NOTICE = "为民实事\n一、目标任务\n新建学校12所。\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def notice(tmp_path: Path) -> Path:
    f = tmp_path / "n.txt"
    f.write_text(NOTICE, encoding="utf-8")
    return f


def test_extract_never_overwrites_its_input(notice: Path, capsys) -> None:
    code, _, err = run(capsys, "extract", str(notice), "-o", str(notice))
    assert code == 2
    assert err == f"minshi-extract: error: {notice}: refusing to overwrite the input file; choose another output path with -o\n"
    assert notice.read_text(encoding="utf-8") == NOTICE


def test_the_input_through_another_path_is_still_the_input(notice: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(notice.parent)
    link = notice.parent / "link.txt"
    link.symlink_to(notice)
    code, _, _ = run(capsys, "extract", "n.txt", "-o", str(link))
    assert code == 2
    assert notice.read_text(encoding="utf-8") == NOTICE


def test_show_without_o_does_not_overwrite_an_unrelated_file(notice: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(notice.parent)
    (notice.parent / "n.html").write_text("mine", encoding="utf-8")
    code, _, err = run(capsys, "show", str(notice))
    assert code == 2
    assert err == "minshi-extract: error: n.html: already exists and was not named with -o; name it with -o or pass --force\n"
    assert (notice.parent / "n.html").read_text(encoding="utf-8") == "mine"
    code, out, _ = run(capsys, "show", str(notice), "--force")
    assert code == 0 and out == "wrote n.html\n"
    assert (notice.parent / "n.html").read_text(encoding="utf-8").startswith("<!")


def test_show_never_overwrites_its_input(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    page = tmp_path / "n.html"
    page.write_bytes((FOUNDING.parent / "wuwei_2025.html").read_bytes())
    before = page.read_bytes()
    code, _, err = run(capsys, "show", "n.html", "--force")
    assert code == 2 and "refusing to overwrite the input file" in err
    assert page.read_bytes() == before


def test_an_existing_directory_as_output(notice: Path, tmp_path: Path, capsys) -> None:
    d = tmp_path / "out.json"
    d.mkdir()
    code, _, err = run(capsys, "extract", str(notice), "-o", str(d))
    assert code == 2
    assert err == f"minshi-extract: error: {d}: is a directory; give a file name with -o\n"


def test_a_device_as_output(notice: Path, capsys) -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    code, _, err = run(capsys, "extract", str(notice), "--format", "json", "-o", "/dev/full")
    assert code == 2
    assert err == "minshi-extract: error: /dev/full: not a regular file (a device or FIFO); give a file name with -o\n"


def test_a_folder_path_through_a_file(notice: Path, capsys) -> None:
    code, _, err = run(capsys, "extract", str(notice), "-o", str(notice / "out.json"))
    assert code == 2 and err.startswith(f"minshi-extract: error: {notice / 'out.json'}: ")


def test_a_read_only_folder(notice: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr("minshi_extract.outfiles.tempfile.mkstemp", refuse)
    out = tmp_path / "ro" / "n.json"
    code, _, err = run(capsys, "extract", str(notice), "-o", str(out))
    assert code == 2
    assert err == f"minshi-extract: error: {out}: cannot write (permission denied (read-only folder or file system?))\n"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_really_read_only_folder(notice: Path, tmp_path: Path, capsys) -> None:
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        code, _, err = run(capsys, "extract", str(notice), "-o", str(ro / "n.json"))
    finally:
        ro.chmod(0o700)
    assert code == 2 and "permission denied" in err


def test_a_full_disk_keeps_the_old_file_and_no_temporary(tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "n.json"
    out.write_text("old", encoding="utf-8")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("minshi_extract.outfiles.os.fsync", full)
    with pytest.raises(OutputError) as err:
        write_atomic(out, "new")
    assert str(err.value) == f"{out}: cannot write (no space left on the device)"
    assert out.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["n.json"]


def test_write_atomic_replaces_whole(tmp_path: Path) -> None:
    out = tmp_path / "sub" / "n.json"
    write_atomic(out, "一\n")
    write_atomic(out, "二\n")
    assert out.read_text(encoding="utf-8") == "二\n"
    assert sorted(p.name for p in out.parent.iterdir()) == ["n.json"]


def test_check_target_names(tmp_path: Path) -> None:
    f = tmp_path / "a.json"
    assert check_target(f) == f  # not there yet: fine
    f.write_text("x", encoding="utf-8")
    assert check_target(f, named=True) == f  # named by -o: replaced
    with pytest.raises(OutputError):
        check_target(f, named=False)
    assert check_target(f, named=False, force=True) == f
