"""Compiled regular expressions kept between runs (issue 14: start-up).

The `regex` module parses a pattern in Python: the project's ~150 patterns (lexicon alternations,
dates, figures) took ~80 ms of every fresh process. A compiled pattern is a short program the C
engine builds again in microseconds from `Pattern._pickled_data`, so the first run stores those
programs in the user's cache folder and later runs rebuild their patterns from it.

- keyed by the exact pattern text, flags and regex's default version, in a file named by this
  package's version, regex's version and Python's: a pattern changed by an edit or a lexicon is
  simply compiled again (and stored), never served stale;
- only the package's own plain `str` patterns without named lists, LOCALE or DEBUG, at most 1,000;
  anything else (other code in the process included) compiles as before;
- the file (marshal data, like a `.pyc`) lives in `$XDG_CACHE_HOME/minshi-extract` (else
  `~/.cache/minshi-extract`), is written atomically at exit when the run compiled something new,
  and any problem reading or writing it only means compiling; `MINSHI_PATTERN_CACHE=0` turns it off.
"""

from __future__ import annotations

import atexit
import contextlib
import marshal
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

import regex
from regex import _main, _regex

_SKIP_FLAGS = regex.LOCALE | regex.DEBUG
# the project has ~250 patterns; past this many stored (a pattern built in a varying order would
# add one each run) only this run's are kept
_MAX_STORED = 1000
_stored: dict[tuple[str, int, int], tuple] = {}  # key -> the pattern's compiled program
_memo: dict[tuple[str, int, int], Any] = {}  # key -> Pattern, in this process
_new = False


def cache_file() -> Path | None:
    """Where the compiled patterns are kept, or None when the cache is turned off."""
    if os.environ.get("MINSHI_PATTERN_CACHE", "1") == "0":
        return None
    from . import __version__

    root = Path(os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"))
    if not root.is_absolute():  # no home directory: no cache, rather than a folder named ~ here
        return None
    py = f"{sys.version_info[0]}{sys.version_info[1]}"
    return root / "minshi-extract" / f"patterns-{__version__}-regex{regex.__version__}-py{py}.marshal"


def install() -> None:
    """Serve `regex` compilations from the cache file for the rest of this process (once)."""
    if getattr(_main._compile, "minshi_cache", False):
        return
    path = cache_file()
    if path is None:
        return
    _stored.update(_read(path))
    original = _main._compile

    def _compile(pattern: Any, flags: Any, ignore_unused: bool, kwargs: dict, cache_it: bool) -> Any:
        if kwargs or type(pattern) is not str or not cache_it or flags & _SKIP_FLAGS:
            return original(pattern, flags, ignore_unused, kwargs, cache_it)
        key = (pattern, int(flags), int(regex.DEFAULT_VERSION))
        compiled = _memo.get(key)
        if compiled is None:
            if len(_memo) >= _MAX_STORED or not _ours(sys._getframe(1)):
                return original(pattern, flags, ignore_unused, kwargs, cache_it)
            compiled = _rebuild(key) or _compile_new(original, key, pattern, flags, ignore_unused)
            _memo[key] = compiled
        return compiled

    _compile.minshi_cache = True  # type: ignore[attr-defined]
    _main._compile = _compile
    atexit.register(_save, path)


def _ours(frame: Any) -> bool:
    """True when the pattern comes from this package (other code in the process compiles as before)."""
    while frame is not None and frame.f_globals.get("__name__", "").startswith("regex"):
        frame = frame.f_back
    return frame is not None and frame.f_globals.get("__name__", "").startswith("minshi_extract")


def _rebuild(key: tuple[str, int, int]) -> Any:
    data = _stored.get(key)
    if data is None:
        return None
    try:
        compiled = _regex.compile(*data)
    except Exception:  # a damaged entry: compile instead
        return None
    return compiled if compiled.pattern == key[0] else None


def _compile_new(original: Any, key: tuple[str, int, int], pattern: str, flags: Any, ignore_unused: bool) -> Any:
    global _new
    compiled = original(pattern, flags, ignore_unused, {}, True)
    data = getattr(compiled, "_pickled_data", None)
    try:
        marshal.dumps(data)  # plain values only (an enum flag would make the whole file unwritable)
    except ValueError:
        return compiled
    if isinstance(data, tuple):
        _stored[key] = data
        _new = True
    return compiled


def _read(path: Path) -> dict:
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return data if isinstance(data, dict) else {}


def _save(path: Path) -> None:
    """Write the cache when this run compiled a pattern it did not hold (atomically; errors ignored)."""
    if not _new:
        return
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".patterns.", suffix=".tmp", dir=path.parent)
        keep = _stored if len(_stored) <= _MAX_STORED else {k: _stored[k] for k in _memo if k in _stored}
        with os.fdopen(fd, "wb") as f:
            f.write(marshal.dumps(keep))
        os.replace(tmp, path)
        tmp = None
    except (OSError, ValueError):
        pass
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
