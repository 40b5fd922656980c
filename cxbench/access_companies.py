"""Which companies a client may be granted: those of ``marts.dim_company``, typos caught.

A grant names companies by id (``NL-TEL-03``), and an id that is not in the
marts would give a client an empty portal. So an unknown id is refused with
the nearest known one — by id, ignoring case, or by the name a user may have
typed instead — as unknown mapping keys are (ingestion/mapping_yaml.py).
"""

from __future__ import annotations

import difflib
from pathlib import Path

import duckdb


class UnknownCompanies(ValueError):
    """Some ids are not in ``marts.dim_company``; the message names each with a suggestion."""


def has_dim_company(connection: duckdb.DuckDBPyConnection) -> bool:
    """True once the marts are built: grants are checked against them."""
    [(found,)] = connection.execute(
        "select count(*) from information_schema.tables "
        "where table_schema = 'marts' and table_name = 'dim_company'"
    ).fetchall()
    return bool(found)


def check_companies(
    connection: duckdb.DuckDBPyConnection, db_path: Path, company_ids: list[str]
) -> None:
    """Every id must be a company of ``marts.dim_company``; refuse naming the nearest one."""
    if not has_dim_company(connection):
        raise UnknownCompanies(
            f"{db_path} has no marts.dim_company to check company ids against; "
            "build the warehouse first (cxbench build)"
        )
    names = dict(
        connection.execute("select company_id, company_name from marts.dim_company").fetchall()
    )
    unknown = [company_id for company_id in company_ids if company_id not in names]
    if unknown:
        raise UnknownCompanies(
            "; ".join(f"{company_id}: {_suggestion(company_id, names)}" for company_id in unknown)
            + ' — nothing granted (cxbench sql "select company_id, company_name from '
            'marts.dim_company" lists the companies)'
        )


def _suggestion(company_id: str, names: dict[str, str]) -> str:
    """``unknown company; did you mean …?`` from ids, ignoring case, or from a company's name."""
    by_upper = {known.upper(): known for known in names}
    by_name = {name.strip().lower(): known for known, name in names.items()}
    match = by_upper.get(company_id.upper()) or by_name.get(company_id.strip().lower())
    if match is None:
        close = difflib.get_close_matches(company_id.upper(), sorted(by_upper), n=1, cutoff=0.6)
        match = by_upper[close[0]] if close else None
    if match is None:
        close = difflib.get_close_matches(company_id.lower(), sorted(by_name), n=1, cutoff=0.6)
        match = by_name[close[0]] if close else None
    hint = f"; did you mean {match} ({names[match]})?" if match else ""
    return f"not a company in marts.dim_company{hint}"


def company_names(connection: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """company_id → name from ``marts.dim_company``; empty when the marts are not built."""
    if not has_dim_company(connection):
        return {}
    rows = connection.execute("select company_id, company_name from marts.dim_company")
    return dict(rows.fetchall())
