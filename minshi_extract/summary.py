"""Dataset summaries a researcher would otherwise write by hand (issue 12): pandas DataFrames of
programme counts and money by category, by region (the issuing government), per notice and per year.

A programme's money is its largest amount that is not a rate (`per` null) and not a share of another
amount (`part_of` null): the plan's total, counted once, never summed with its own parts.
Needs the optional extra: pip install 'minshi-extract[pandas]'.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import MinshiError
from .models import Notice, Programme

if TYPE_CHECKING:
    import pandas as pd

PROGRAMME_COLUMNS = [
    "notice", "issuer", "region", "year", "programme_id", "title", "category", "category_name",
    "secondary", "money_cny", "records",
]


def _pandas():
    try:
        import pandas as pd
    except ImportError:
        raise MinshiError("summaries need pandas: pip install 'minshi-extract[pandas]'") from None
    return pd


def programme_money(prog: Programme) -> float | None:
    """The programme's total money in yuan (see the module doc), or None when it states none."""
    amounts = [
        float(r.amount_cny) for r in prog.all_records()
        if r.type == "money" and r.per is None and r.part_of is None
    ]
    return max(amounts) if amounts else None


def programme_rows(notices: list[Notice]) -> list[dict[str, object]]:
    from .compare import issuer_key

    rows: list[dict[str, object]] = []
    for n in notices:
        for p in n.programmes:
            cat = p.category
            rows.append({
                "notice": n.source.path or n.meta.title or "",
                "issuer": n.meta.issuer,
                "region": issuer_key(n),
                "year": n.meta.year,
                "programme_id": p.id,
                "title": p.title,
                "category": cat.primary if cat else None,
                "category_name": cat.name if cat else None,
                "secondary": "|".join(cat.secondary) if cat else "",
                "money_cny": programme_money(p),
                "records": len(p.all_records()),
            })
    return rows


def _by(df: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    out = df.groupby(keys, dropna=False).agg(
        programmes=("programme_id", "size"),
        with_money=("money_cny", "count"),
        money_cny=("money_cny", "sum"),
    )
    return out.reset_index().sort_values(keys).reset_index(drop=True)


def summaries(notices: list[Notice]) -> dict[str, pd.DataFrame]:
    """DataFrames: `programmes` (one row per programme), `by_category`, `by_region`,
    `by_notice_category` (counts per notice and category), `by_year_category`."""
    pd = _pandas()
    df = pd.DataFrame(programme_rows(notices), columns=PROGRAMME_COLUMNS)
    df["money_cny"] = df["money_cny"].astype("float64")
    counts = df.pivot_table(index="notice", columns="category", values="programme_id",
                            aggfunc="count", fill_value=0) if len(df) else pd.DataFrame()
    return {
        "programmes": df,
        "by_category": _by(df, ["category"]).sort_values("programmes", ascending=False, kind="stable")
        .reset_index(drop=True),
        "by_region": _by(df, ["region"]),
        "by_notice_category": counts,
        "by_year_category": _by(df, ["year", "category"]),
    }
