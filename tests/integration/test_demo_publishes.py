"""``cxbench demo`` leaves a warehouse a client can be shown: its waves published, access ready.

The app shows a client only published waves and scopes it by the grants of
schema ``access``; a demo warehouse without either would show a client nothing.
"""

from __future__ import annotations

import duckdb

from cxcore.access_schema import has_access_schema, pseudonym_key
from tests.conftest import DemoWarehouse

DEMO_WAVES = (2024, 2025)


def test_the_demo_publishes_every_wave_after_the_checks(demo_warehouse: DemoWarehouse) -> None:
    output = " ".join(demo_warehouse.output.split())
    for wave in DEMO_WAVES:
        assert f"published: wave {wave}, methodology" in output
    assert output.index("checks passed") > output.index(f"published: wave {DEMO_WAVES[-1]}")
    with duckdb.connect(str(demo_warehouse.db_path), read_only=True) as connection:
        published = connection.execute(
            "select wave, count(*) from published.latest_rankings group by all order by wave"
        ).fetchall()
        movers = connection.execute(
            "select count(*) from published.latest_rankings "
            "where wave = ? and previous_published_wave = ?",
            [DEMO_WAVES[1], DEMO_WAVES[0]],
        ).fetchall()[0][0]
    assert [wave for wave, _ in published] == list(DEMO_WAVES)
    assert all(n_rows > 0 for _, n_rows in published)
    assert movers > 0  # the newer wave's movers are against the published older one


def test_the_demo_warehouse_holds_the_access_schema_and_no_grant(
    demo_warehouse: DemoWarehouse,
) -> None:
    with duckdb.connect(str(demo_warehouse.db_path), read_only=True) as connection:
        assert has_access_schema(connection)
        assert len(pseudonym_key(connection)) == 64
        assert connection.execute("select count(*) from access.grants").fetchall() == [(0,)]
