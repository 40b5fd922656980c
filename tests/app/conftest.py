"""Fixtures of the app tests: the hand-checkable warehouse and an AppTest pointed at it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest
from warehouse_fixture import build_warehouse

from cxbench.app import charts

APP_SCRIPT = Path(__file__).resolve().parents[2] / "app" / "streamlit_app.py"


@pytest.fixture(autouse=True)
def _validated_charts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every chart a test draws is validated against the Vega-Lite schema (app/charts/theme.py)."""
    monkeypatch.setenv(charts.VALIDATE_ENV, "1")


@pytest.fixture(autouse=True)
def _fresh_streamlit_caches() -> Iterator[None]:
    """Each test starts without cached connections or results from another test's file."""
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture(autouse=True)
def _served_on_loopback(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Run the app as ``cxbench app`` serves it: on 127.0.0.1, not as a client preview.

    The app serves a local analyst without a login only on a loopback address
    (:mod:`cxbench.app.auth`); AppTest has no server, so the address is set as the CLI sets it.
    """
    monkeypatch.delenv("CXBENCH_PREVIEW_CLIENT", raising=False)
    before = st.config.get_option("server.address")
    st.config.set_option("server.address", "127.0.0.1")
    yield
    st.config.set_option("server.address", before)


@pytest.fixture
def warehouse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The fixture warehouse, with ``CXBENCH_DB`` pointing at it."""
    path = build_warehouse(tmp_path / "cxbench.duckdb")
    monkeypatch.setenv("CXBENCH_DB", str(path))
    return path


@pytest.fixture
def make_app() -> Callable[[], AppTest]:
    """A fresh AppTest of the router (generous timeout: the first run imports altair)."""
    return lambda: AppTest.from_file(APP_SCRIPT, default_timeout=30)


@pytest.fixture
def make_page() -> Callable[[str], AppTest]:
    """A fresh AppTest of the router opening on one page, ``app/views/<name>.py``.

    AppTest cannot switch to a callable ``st.Page``, so the router is started with
    that page as its default: the page runs inside the same frame (language, title,
    warehouse check, URL) as in the app.
    """
    return lambda name: AppTest.from_string(
        f"from app.streamlit_app import main\nmain(default={name!r})\n", default_timeout=30
    )
