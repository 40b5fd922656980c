"""``cxbench access grant|revoke|list|rotate-key``: who may open the app, and as whom.

An *analyst* sees every company by name; a *client* sees the companies it is
entitled to by name and every peer under a pseudonym; anyone else is refused
by the app. The rules and the staged write are in :mod:`cxbench.access_store`;
this module turns them into commands. Exit codes as everywhere: 0 done (a
no-op included), 2 bad input or a busy warehouse, with the reason.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from cxbench.console import console, red
from cxcore.settings import load_settings

DbOption = Annotated[
    Path | None,
    typer.Option("--db", help="Warehouse file (default: $CXBENCH_DB or warehouse/cxbench.duckdb)."),
]
EmailArgument = Annotated[
    str, typer.Argument(help="The e-mail address the identity provider returns (any case).")
]

access_app = typer.Typer(
    help="Grant, revoke and list who may use the app: analysts (all named) and clients "
    "(their own companies named, peers pseudonymised).",
    no_args_is_help=True,
)


@contextmanager
def _refusals() -> Iterator[None]:
    """Bad input, a busy or changed warehouse: the message in red and exit 2, never a traceback."""
    import duckdb

    from cxbench.access_store import AccessInputError
    from cxbench.publication.swap import ServedChanged, WarehouseBusy

    try:
        yield
    except (AccessInputError, WarehouseBusy, ServedChanged, duckdb.Error) as error:
        console.print(red(error), highlight=False)
        raise typer.Exit(2) from None


@access_app.command()
def grant(
    email: EmailArgument,
    analyst: Annotated[
        bool, typer.Option("--analyst", help="Every company, by name (the firm's own staff).")
    ] = False,
    client: Annotated[
        list[str] | None,
        typer.Option(
            "--client",
            help="A company id of marts.dim_company the client may see by name (repeatable).",
        ),
    ] = None,
    replace: Annotated[
        bool,
        typer.Option(
            "--replace",
            help="Drop the principal's existing grants first (change role, or narrow a client).",
        ),
    ] = False,
    by: Annotated[
        str | None, typer.Option("--by", help="Who grants, stored on the row (default: $USER).")
    ] = None,
    db: DbOption = None,
) -> None:
    """Give an e-mail address the analyst role, or client access to one or more companies.

    A principal is an analyst or a client, not both: granting the other role
    exits 2 unless --replace. Granting what is already granted changes nothing.
    """
    from cxbench.access_store import (
        AccessInputError,
        default_granted_by,
        grant_access,
        normalise_email,
    )
    from cxcore.access_schema import ROLE_ANALYST, ROLE_CLIENT

    settings = load_settings(db)
    with _refusals():
        if analyst == bool(client):
            raise AccessInputError("give either --analyst or one or more --client COMPANY_ID")
        principal = normalise_email(email)
        change = grant_access(
            settings.db_path,
            principal,
            ROLE_ANALYST if analyst else ROLE_CLIENT,
            [company_id.strip() for company_id in client or []],
            replace=replace,
            granted_by=(by or "").strip() or default_granted_by(),
        )
    console.print(change.message, style="green" if change.changed else None, highlight=False)


@access_app.command()
def revoke(
    email: EmailArgument,
    client: Annotated[
        list[str] | None,
        typer.Option("--client", help="Revoke only this company (repeatable); default: all."),
    ] = None,
    db: DbOption = None,
) -> None:
    """Take away every grant of an address, or only its access to some companies.

    Exit 2 when the address has no such grant.
    """
    from cxbench.access_store import normalise_email, revoke_access

    settings = load_settings(db)
    with _refusals():
        principal = normalise_email(email)
        change = revoke_access(
            settings.db_path, principal, [company_id.strip() for company_id in client or []]
        )
    console.print(change.message, style="green", highlight=False)


@access_app.command(name="list")
def list_grants(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    db: DbOption = None,
) -> None:
    """Show every principal with its role and companies (read-only)."""
    from cxbench.access_store import company_names, read_grants

    settings = load_settings(db)
    with _refusals():
        grants = read_grants(settings.db_path)
        names = company_names(settings.db_path)
    principals: dict[str, dict[str, object]] = {}
    for item in grants:
        entry = principals.setdefault(
            item.principal,
            {"principal": item.principal, "role": item.role, "companies": [], "grants": []},
        )
        if item.company_id is not None:
            entry["companies"].append(  # type: ignore[union-attr]
                {"company_id": item.company_id, "company_name": names.get(item.company_id)}
            )
        entry["grants"].append(  # type: ignore[union-attr]
            {
                "company_id": item.company_id,
                "granted_at": item.granted_at.isoformat(sep=" ", timespec="seconds"),
                "granted_by": item.granted_by,
            }
        )
    if as_json:
        typer.echo(json.dumps(list(principals.values()), indent=2))
        return
    if not principals:
        console.print(f"no one has access to the app on {settings.db_path}", highlight=False)
        return
    console.print(_grants_table(list(principals.values())))


def _grants_table(principals: list[dict[str, object]]) -> Table:
    table = Table("principal", "role", "companies", "granted (UTC)", "by", title="App access")
    for entry in principals:
        companies = entry["companies"]
        grants = entry["grants"]
        assert isinstance(companies, list) and isinstance(grants, list)
        table.add_row(
            str(entry["principal"]),
            str(entry["role"]),
            "\n".join(
                f"{company['company_id']} {company['company_name'] or '(not in marts.dim_company)'}"
                for company in companies
            )
            or "all, named",
            min(grant["granted_at"] for grant in grants),
            ", ".join(sorted({grant["granted_by"] for grant in grants})),
        )
    return table


@access_app.command(name="rotate-key")
def rotate_key(
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation.")] = False,
    db: DbOption = None,
) -> None:
    """Replace the pseudonym key: every client's letters for its peers change.

    For when the key may have leaked (with it and a client's view one could
    match letters across clients). A client's "Competitor B" will be another
    company's letter afterwards, so tell clients before rotating.
    """
    from cxbench.access_store import rotate_key as rotate

    settings = load_settings(db)
    console.print(
        "[yellow]warning: a new pseudonym key reshuffles every client's letters "
        '("Competitor A", …): a peer a client knew as one letter gets another.[/]'
    )
    if not yes and not typer.confirm("Rotate the pseudonym key?", default=False):
        console.print("not rotated; nothing changed")
        return
    with _refusals():
        rotate(settings.db_path)
    console.print(f"[green]new pseudonym key written to {settings.db_path}[/]", highlight=False)


def register(app: typer.Typer) -> None:
    """Add the ``access`` command group to the ``cxbench`` app."""
    app.add_typer(access_app, name="access")
