"""From who logged in to what they may see: an :class:`~cxbench.app.auth.Identity` becomes a
:class:`~cxbench.app.queries.Viewer`, or a refusal to show anything.

- a local session (``cxbench app``/``make demo`` on loopback, no login) is an analyst;
- a preview (``cxbench app --preview-client ORG``) is a client entitled to ORG alone;
- a logged-in principal is whatever ``access.grants`` says: an analyst, a client of
  its granted companies, or nobody (no grant: no page at all).

The decision is the warehouse's (``cxbench access grant``), read through SQL; the
viewer then travels with every query (:class:`~cxbench.app.queries.WarehouseFile`), where the
scope macros apply it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from cxbench.app import i18n, queries
from cxbench.app.auth import Identity
from cxbench.app.queries import access

#: Whoever is not yet known: the scope macros show such a viewer nothing.
NOBODY = queries.Viewer(role="nobody")


@dataclass(frozen=True)
class Refusal:
    """Why nothing is shown: an i18n key and its values."""

    key: str
    values: dict[str, str]


def resolve(
    identity: Identity, key: queries.WarehouseFile, language: str
) -> queries.Viewer | Refusal:
    """The viewer ``identity`` is in the warehouse of ``key``, in ``language``'s words."""
    words = {
        "peer_word": i18n.text("peer_pseudonym", language),
        "leader_word": i18n.text("leader_pseudonym", language),
    }
    probe = dataclasses.replace(key, viewer=NOBODY)
    if identity.mode == "local":
        return queries.Viewer(role="analyst", **words)
    if identity.mode == "preview":
        company = identity.preview_company_id or ""
        if access.company_name(probe, company) is None:
            return Refusal("unknown_preview_company", {"company": company})
        return queries.Viewer(role="client", company_ids=(company,), **words)
    principal = identity.principal or ""
    granted = access.grants(probe, principal)
    if any(role == "analyst" for role, _ in granted):
        return queries.Viewer(role="analyst", **words)
    companies = tuple(sorted({company for role, company in granted if company}))
    if not companies:
        return Refusal("no_access", {"who": principal})
    return queries.Viewer(role="client", company_ids=companies, **words)


def organisation_names(key: queries.WarehouseFile) -> list[str]:
    """Names of the organisations a client viewer is entitled to (for its badge)."""
    probe = dataclasses.replace(key, viewer=NOBODY)
    names = (access.company_name(probe, company) for company in key.viewer.company_ids)
    return [name for name in names if name]
