"""A small warehouse for the escape corpus, with a salt and a secret file to aim at."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from cxbench.ingestion.privacy import SALT_ENV, resolve_salt
from cxcore.salt_location import SALT_FILE_ENV, salt_file_path
from tests.fixtures.mart_tables import create_marts


@dataclass(frozen=True)
class Target:
    """The warehouse under attack and the files an escape would read or write."""

    db_path: Path
    salt: str
    salt_file: Path
    secret_file: Path  # a file inside the warehouse folder that must stay unread
    outside: Path  # an empty folder outside the warehouse where nothing may appear


@pytest.fixture(scope="session")
def target(tmp_path_factory: pytest.TempPathFactory) -> Target:
    """Built once: the company marts (empty but for one company), a real salt key file."""
    root = tmp_path_factory.mktemp("sandbox")
    db_path = root / "warehouse" / "cxbench.duckdb"
    db_path.parent.mkdir()
    with duckdb.connect(str(db_path)) as connection:
        create_marts(
            connection, "dim_pillar", "dim_company", "dim_study", "fct_company_scores",
            "fct_company_pillar_scores", with_constraints=False,
        )  # fmt: skip
        connection.execute("insert into marts.dim_pillar (pillar_id) values ('integrity')")
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv(SALT_ENV, raising=False)
        patch.delenv(SALT_FILE_ENV, raising=False)
        salt = resolve_salt(db_path.parent)
    secret = db_path.parent / "secret.txt"
    secret.write_text("top-secret-canary\n")
    outside = root / "outside"
    outside.mkdir()
    return Target(db_path, salt, salt_file_path(db_path.parent), secret, outside)
