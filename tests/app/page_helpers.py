"""Small readers of what an AppTest run shows: tables by key, chart data, metrics."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import pyarrow as pa
from streamlit.testing.v1 import AppTest

MakePage = Callable[[str], AppTest]


def run(at: AppTest) -> AppTest:
    """Run the app and fail on any exception it rendered."""
    at.run()
    assert not at.exception, [item.value for item in at.exception]
    return at


def choose(at: AppTest, key: str, value: object) -> AppTest:
    """Pick ``value`` in the selectbox with ``key`` and rerun, as a user would."""
    at.selectbox(key=key).select(value)
    return run(at)


def table_with(at: AppTest, *columns: str) -> pd.DataFrame:
    """The one dataframe shown with all of ``columns`` (raw mart values, stable names).

    Tables are found by their columns because AppTest exposes a dataframe's key
    only for selectable tables.
    """
    (found,) = [frame.value for frame in at.dataframe if set(columns) <= set(frame.value.columns)]
    return found


def chart_frames(at: AppTest) -> list[pd.DataFrame]:
    """The rows behind each Altair chart, decoded from the elements' Arrow datasets."""
    frames = []
    for chart in at.get("vega_lite_chart"):
        (dataset,) = chart.proto.datasets
        frames.append(pa.ipc.open_stream(dataset.data.data).read_all().to_pandas())
    return frames


def chart_with(at: AppTest, *columns: str) -> pd.DataFrame:
    """The one chart whose data has all of ``columns``."""
    (found,) = [frame for frame in chart_frames(at) if set(columns) <= set(frame.columns)]
    return found


def metrics(at: AppTest) -> dict[str, str]:
    """Headline metrics, label -> shown value."""
    return {metric.label: metric.value for metric in at.metric}


def texts(at: AppTest) -> str:
    """Every markdown, caption, info, warning and success text, joined (for 'is it said')."""
    parts = [*at.markdown, *at.caption, *at.info, *at.warning, *at.success]
    return "\n".join(item.value for item in parts)
