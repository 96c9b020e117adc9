"""pandas DataFrames of a notice's tables (pandas is an optional extra: minshi-extract[pandas])."""

from __future__ import annotations

from typing import Any

from ..errors import MinshiError
from ..models import Notice
from .tables import TABLES, notice_tables


def frame(notice: Notice, table: str) -> Any:
    """The rows `notice` contributes to `table`, as a DataFrame with the table's columns in order."""
    try:
        import pandas as pd
    except ImportError:
        raise MinshiError("DataFrames need pandas: pip install 'minshi-extract[pandas]'") from None
    rows = notice_tables(notice)[table]
    return pd.DataFrame.from_records(rows, columns=list(TABLES[table]))
