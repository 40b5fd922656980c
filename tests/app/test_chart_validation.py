"""Charts are validated against the Vega-Lite schema in tests, not on the server."""

from __future__ import annotations

import altair as alt
import pandas as pd
import pytest

from cxbench.app.charts.theme import VALIDATE_ENV, served


def _invalid_chart() -> alt.Chart:
    """A chart made invalid after construction, so only serialising can notice."""
    chart = alt.Chart(pd.DataFrame({"a": [1.0, 2.0]})).mark_point().encode(x="a:Q")
    chart._kwds["mark"] = {"type": "nonsense"}
    return chart


def test_tests_validate_every_chart() -> None:
    with pytest.raises(Exception, match="nonsense"):
        served(_invalid_chart)().to_dict()


def test_the_server_serialises_without_validating(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(VALIDATE_ENV)

    spec = served(_invalid_chart)().to_dict()

    assert spec["mark"] == {"type": "nonsense"}
