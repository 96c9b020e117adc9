"""Execute a notebook in place of a person (CI runs the quickstart this way)."""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient


def main(path: str) -> int:
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(Path(path).parent)}}).execute()
    print(f"{path}: {len(nb.cells)} cells executed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
