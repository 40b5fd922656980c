"""The Compare page on the demo warehouse: the pillars significantly ahead of their
leader (issue 17 counted 131 such rows in the demo ringed as gaps) show as ahead, and
none of them — nor a level pillar — is ever in "what to fix first".
"""

from __future__ import annotations

import duckdb
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from cxbench.app import queries
from cxbench.app.views import compare_sections
from tests.conftest import DemoWarehouse

pytestmark = pytest.mark.slow

#: Non-leaders with at least one pillar significantly ahead of their sector leader.
AHEAD_SQL = """
    select study_id, country, wave, company_id, count(*) as n_ahead
    from marts.fct_leader_gaps
    where direction = 'ahead' and not is_leader
    group by all
    order by n_ahead desc, company_id
"""


@pytest.fixture(scope="module")
def ahead(demo_warehouse: DemoWarehouse) -> list[tuple[str, str, int, str, int]]:
    with duckdb.connect(str(demo_warehouse.db_path), read_only=True) as connection:
        return connection.execute(AHEAD_SQL).fetchall()


def test_no_lead_or_level_pillar_is_ever_a_thing_to_fix_first(
    demo_warehouse: DemoWarehouse, ahead: list[tuple[str, str, int, str, int]]
) -> None:
    key = queries.open_warehouse(queries.ANALYST, demo_warehouse.db_path)
    assert sum(row[4] for row in ahead) >= 100  # the demo has leads to get wrong
    for study_id, country, wave, company_id, n_ahead in ahead:
        gaps = queries.leader_gaps(key, study_id, country, wave, company_id, "en")
        listed = compare_sections.fix_first(gaps)
        assert set(listed["direction"]) <= {"behind"}, company_id
        assert (listed["difference"] < 0).all(), company_id
        assert (gaps["direction"] == "ahead").sum() == n_ahead


def test_the_page_shows_a_lead_as_ahead(
    demo_warehouse: DemoWarehouse,
    ahead: list[tuple[str, str, int, str, int]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    study_id, country, wave, company_id, _ = ahead[0]
    monkeypatch.setenv("CXBENCH_DB", str(demo_warehouse.db_path))
    before = st.config.get_option("server.address")
    st.config.set_option("server.address", "127.0.0.1")  # the local analyst, as the CLI serves
    try:
        at = AppTest.from_string(
            "from app.streamlit_app import main\nmain(default='compare')\n", default_timeout=120
        )
        at.query_params.update(
            {"study": study_id, "country": country, "wave": str(wave), "org": company_id}
        )
        at.run()
    finally:
        st.config.set_option("server.address", before)
    assert not at.exception, [item.value for item in at.exception]
    key = queries.open_warehouse(queries.ANALYST, demo_warehouse.db_path)
    gaps = queries.leader_gaps(key, study_id, country, wave, company_id, "en")
    leads = set(gaps.loc[gaps["direction"] == "ahead", "pillar_label"])
    (directions,) = [
        frame.value for frame in at.dataframe if "leader_direction" in frame.value.columns
    ]
    shown = directions.set_index("pillar_label")["leader_direction"]
    assert {label for label, direction in shown.items() if direction == "ahead"} == leads
    listed = [frame.value for frame in at.dataframe if "priority_text" in frame.value.columns]
    assert not listed or not leads & set(listed[0]["pillar_label"])
