"""Granting and revoking access to the app: the rules, and the write through a staged copy.

The rows live in schema ``access`` of the warehouse (cxcore/access_schema.py),
the file the app serves. So a grant is written like a publication
(:mod:`cxbench.publication.swap`): under the writer lock, into a copy of the
served file that is swapped in with one atomic rename. A running app keeps
reading the file it has open and sees the new grants on its next open; it
never sees half a grant, and it never blocks one (a reader holds no lock).

The decision — what to insert, what to delete, or why not — is taken on a
read-only look at the served file first, so a refused or no-op command copies
nothing. Input a user can fix is an :class:`AccessInputError` (the CLI's exit 2).
"""

from __future__ import annotations

import getpass
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from cxbench.access_companies import UnknownCompanies, check_companies
from cxbench.access_companies import company_names as named_companies
from cxbench.publication.swap import (
    copy_served,
    finish_staged,
    new_staging_dir,
    remove_staging,
    swap_in,
    writer_lock,
)
from cxcore.access_schema import (
    GRANTS_TABLE,
    ROLE_ANALYST,
    ROLE_CLIENT,
    ensure_access_schema,
    has_access_schema,
    replace_pseudonym_key,
)
from cxcore.sandbox import connect_read_only
from cxcore.storage import connect_writable

_ATOM = r"[a-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
#: A plausible address: dot-atom local part, a domain of at least two labels.
#: Quoted local parts and IP-literal domains are refused: no identity provider
#: we configure returns them, and a typo is likelier than one.
EMAIL = re.compile(rf"{_ATOM}(?:\.{_ATOM})*@{_LABEL}(?:\.{_LABEL})+")
MAX_EMAIL_LENGTH = 254


class AccessInputError(ValueError):
    """Input the user can fix (bad address, unknown company, conflicting role); nothing written."""


@dataclass(frozen=True)
class Grant:
    """One row of ``access.grants``."""

    principal: str
    role: str
    company_id: str | None
    granted_at: datetime
    granted_by: str


@dataclass(frozen=True)
class AccessChange:
    """What a grant or revoke did: ``changed`` False for a no-op; ``message`` says what."""

    changed: bool
    message: str


def normalise_email(text: str) -> str:
    """The principal as stored: stripped, lower-cased; :class:`AccessInputError` if implausible."""
    principal = text.strip().lower()
    if len(principal) > MAX_EMAIL_LENGTH or not EMAIL.fullmatch(principal):
        raise AccessInputError(
            f"{text!r} is not an e-mail address (expected name@organisation.example); "
            "grants are keyed by the address the identity provider returns"
        )
    return principal


def default_granted_by() -> str:
    """Who is granting, when ``--by`` does not say: ``$USER``, else the login name."""
    try:
        return os.environ.get("USER") or getpass.getuser()
    except OSError:
        return "unknown"


def read_grants(db_path: Path, principal: str | None = None) -> list[Grant]:
    """Every grant (or one principal's), read-only; empty when the file has no access schema."""
    with _read_only(db_path) as connection:
        return _grants(connection, principal)


def grant_access(
    db_path: Path,
    principal: str,
    role: str,
    company_ids: Sequence[str] = (),
    *,
    replace: bool = False,
    granted_by: str,
) -> AccessChange:
    """Grant ``principal`` the analyst role, or client access to ``company_ids``.

    A principal is an analyst or a client, never both: granting the other role
    is refused unless ``replace``, which first removes every grant the
    principal has (so ``replace`` also narrows a client to exactly these
    companies). Granting what is already granted changes nothing.
    """
    wanted = {None} if role == ROLE_ANALYST else set(dict.fromkeys(company_ids))
    if role not in (ROLE_ANALYST, ROLE_CLIENT) or (role == ROLE_CLIENT) != bool(company_ids):
        raise AccessInputError("grant either --analyst or one or more --client COMPANY_ID")
    command = f"cxbench access grant {principal}"
    with writer_lock(db_path, command):
        with _read_only(db_path) as connection:
            current = _grants(connection, principal)
            if role == ROLE_CLIENT:
                try:
                    check_companies(connection, db_path, list(dict.fromkeys(company_ids)))
                except UnknownCompanies as error:
                    raise AccessInputError(str(error)) from None
        new = _grants_to_add(current, principal, role, wanted, replace)
        if new is None:
            return AccessChange(False, f"{principal} already has this access; nothing changed")
        when = datetime.now(UTC).replace(tzinfo=None)

        def apply(connection: duckdb.DuckDBPyConnection) -> None:
            if replace:
                connection.execute(f"delete from {GRANTS_TABLE} where principal = ?", [principal])
            for company_id in sorted(new, key=str):
                connection.execute(
                    f"insert into {GRANTS_TABLE} values (?, ?, ?, ?, ?)",
                    [principal, role, company_id, when, granted_by],
                )

        _write_staged(db_path, apply)
    replaced = "replaced its earlier grants: " if replace and current else ""
    if role == ROLE_ANALYST:
        return AccessChange(
            True, f"{replaced}granted {principal} the analyst role (every company, named)"
        )
    listed = ", ".join(sorted(str(company_id) for company_id in new))
    return AccessChange(True, f"{replaced}granted {principal} client access to {listed}")


def _grants_to_add(
    current: list[Grant], principal: str, role: str, wanted: set[str | None], replace: bool
) -> set[str | None] | None:
    """The company ids (None: the analyst row) to insert; None when nothing would change."""
    held_roles = {grant.role for grant in current}
    held = {grant.company_id for grant in current}
    other = held_roles - {role}
    if other and not replace:
        raise AccessInputError(
            f"{principal} is {_article(*other)} {', '.join(sorted(other))}; a principal is "
            f"an analyst or a client, not both. Revoke first (cxbench access revoke "
            f"{principal}) or grant again with --replace"
        )
    new = wanted if replace else wanted - held
    if (held_roles == {role} and held == wanted) or not new:
        return None
    return new


def revoke_access(db_path: Path, principal: str, company_ids: Sequence[str] = ()) -> AccessChange:
    """Remove every grant of ``principal``, or only its client access to ``company_ids``."""
    with writer_lock(db_path, f"cxbench access revoke {principal}"):
        current = read_grants(db_path, principal)
        if not current:
            raise AccessInputError(f"{principal} has no grant; nothing to revoke")
        held = {grant.company_id for grant in current}
        if company_ids and current[0].role == ROLE_ANALYST:
            raise AccessInputError(
                f"{principal} is an analyst, not a client of a company; revoke without --client"
            )
        missing = sorted(set(company_ids) - held)
        if missing:
            raise AccessInputError(
                f"{principal} has no client access to {', '.join(missing)} "
                f"(granted: {', '.join(sorted(str(held_id) for held_id in held))})"
            )

        def apply(connection: duckdb.DuckDBPyConnection) -> None:
            if not company_ids:
                connection.execute(f"delete from {GRANTS_TABLE} where principal = ?", [principal])
            for company_id in dict.fromkeys(company_ids):
                connection.execute(
                    f"delete from {GRANTS_TABLE} where principal = ? and company_id = ?",
                    [principal, company_id],
                )

        _write_staged(db_path, apply)
    left = held - set(company_ids) if company_ids else set()
    if not left:
        return AccessChange(True, f"revoked every grant of {principal}: no access now")
    return AccessChange(
        True,
        f"revoked {principal}'s access to {', '.join(sorted(company_ids))}; "
        f"still a client of {', '.join(sorted(str(company_id) for company_id in left))}",
    )


def rotate_key(db_path: Path) -> None:
    """Write a new pseudonym key (every client's letters for its peers change)."""
    with writer_lock(db_path, "cxbench access rotate-key"):
        if not db_path.is_file():
            raise AccessInputError(f"no warehouse at {db_path}; build it first (cxbench build)")
        _write_staged(db_path, replace_pseudonym_key)


def company_names(db_path: Path) -> dict[str, str]:
    """company_id → name from ``marts.dim_company`` (read-only); empty without marts."""
    with _read_only(db_path) as connection:
        return named_companies(connection)


def _read_only(db_path: Path) -> duckdb.DuckDBPyConnection:
    """The sandboxed read-only connection (:mod:`cxcore.sandbox`): what ``cxbench access``
    lists comes from the warehouse file and nowhere else."""
    if not db_path.is_file():
        raise AccessInputError(f"no warehouse at {db_path}; build it first (cxbench build)")
    return connect_read_only(db_path)


def _grants(connection: duckdb.DuckDBPyConnection, principal: str | None) -> list[Grant]:
    if not has_access_schema(connection):
        return []
    rows = connection.execute(
        "select principal, role, company_id, granted_at, granted_by "
        f"from {GRANTS_TABLE} where ? is null or principal = ? "
        "order by principal, company_id nulls first",
        [principal, principal],
    ).fetchall()
    return [Grant(*row) for row in rows]


def _write_staged(db_path: Path, apply: Callable[[duckdb.DuckDBPyConnection], object]) -> None:
    """Apply a change to a copy of the served file in one transaction, then swap it in.

    The caller holds the writer lock. ``WarehouseBusy`` (a direct writer left a
    ``.wal``) and ``ServedChanged`` propagate: nothing was replaced.
    """
    folder = new_staging_dir(db_path, "access")
    staged = folder / db_path.name
    try:
        copied = copy_served(db_path, staged)
        with connect_writable(staged) as connection:
            ensure_access_schema(connection)
            connection.begin()
            apply(connection)
            connection.commit()
        finish_staged(staged)
        swap_in(staged, db_path, copied)
    finally:
        remove_staging(folder)


def _article(*roles: str) -> str:
    return "an" if roles and roles[0][0] in "aeiou" else "a"
