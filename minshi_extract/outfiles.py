"""Writing output files safely: atomically (a temporary file in the same folder, then rename), never
over the input, never over an existing file the user did not name, and every path problem (a
read-only folder, a directory, a full disk) as an `OutputError` (exit 2), not an internal error.

`batch` will use `write_atomic` for its JSON and CSV files.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .errors import OutputError


def _describe(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "no space left on the device"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "permission denied (read-only folder or file system?)"
    if exc.errno == errno.EISDIR:
        return "is a directory"
    return exc.strerror or type(exc).__name__


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """True when both paths name one existing file (links and `..` seen through)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return Path(a).resolve() == Path(b).resolve()


def check_target(out: str | os.PathLike[str], *, inputs: tuple[str | os.PathLike[str], ...] = (),
                 named: bool = True, force: bool = False) -> Path:
    """Refuse an output path that would lose data, before any work is done.

    - the input itself: always refused;
    - a directory, a device or FIFO: refused (not a file to write);
    - an existing file the user did not name (`named=False`, e.g. `show`'s default name): refused
      unless `force`."""
    p = Path(out)
    for src in inputs:
        if same_file(p, src):
            raise OutputError(f"{p}: refusing to overwrite the input file; choose another output path with -o")
    try:
        st = p.stat()
    except FileNotFoundError:
        return p
    except OSError as exc:
        raise OutputError(f"{p}: cannot write here ({_describe(exc)})") from None
    if stat.S_ISDIR(st.st_mode):
        raise OutputError(f"{p}: is a directory; give a file name with -o")
    if not stat.S_ISREG(st.st_mode):
        raise OutputError(f"{p}: not a regular file (a device or FIFO); give a file name with -o")
    if not named and not force:
        raise OutputError(f"{p}: already exists and was not named with -o; name it with -o or pass --force")
    return p


def write_atomic(out: str | os.PathLike[str], content: str | bytes | Iterable[str]) -> Path:
    """Write `content` (text, bytes, or text in pieces, written as they come) to `out` through a
    temporary file in the same folder and a rename, so a killed run leaves the old file or the
    new one, never a part of it."""
    p = Path(out)
    pieces = [content] if isinstance(content, str | bytes) else content
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OutputError(f"{p}: cannot write here ({p.parent} is not a directory)") from None
    except OSError as exc:
        raise OutputError(f"{p}: cannot create its folder ({_describe(exc)})") from None
    if p.is_dir():
        raise OutputError(f"{p}: is a directory; give a file name with -o")
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=p.parent)
        with os.fdopen(fd, "wb") as f:
            for piece in pieces:
                f.write(piece.encode("utf-8") if isinstance(piece, str) else piece)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644 & ~_umask())
        os.replace(tmp, p)
        tmp = None
    except OSError as exc:
        raise OutputError(f"{p}: cannot write ({_describe(exc)})") from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    return p


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
