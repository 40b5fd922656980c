"""Who is looking (placeholder until the login is merged): local analyst or preview."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Identity:
    mode: Literal["local", "preview", "oidc"]
    principal: str | None = None
    preview_company_id: str | None = None
    display_name: str | None = None


def identify() -> Identity | None:
    preview = os.environ.get("CXBENCH_PREVIEW_CLIENT")
    if preview:
        return Identity(mode="preview", preview_company_id=preview)
    return Identity(mode="local")
