"""Write minshi_extract/lexicon/built.json from the YAML lexicons (tests check it is current).

Run after editing any lexicon/*.yaml: `python scripts/build_lexicon.py`."""

from __future__ import annotations

from pathlib import Path

from minshi_extract import lexicon

if __name__ == "__main__":
    out = Path(lexicon.__file__).with_name(lexicon.BUILT)
    out.write_text(lexicon.build(), encoding="utf-8")
    print(f"wrote {out}")
