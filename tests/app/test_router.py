"""The router: every view is a page, and the default page is Compare."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from page_helpers import run
from streamlit.testing.v1 import AppTest

VIEWS = Path(__file__).resolve().parents[2] / "app" / "views"
#: Modules in app/views that help pages rather than being one.
NOT_PAGES = {"__init__", "sidebar", "compare_sections"}


def test_every_view_module_is_a_page() -> None:
    import app.streamlit_app as router

    registered = {url_path for _, _, _, url_path in router.PAGES}
    modules = {path.stem for path in VIEWS.glob("*.py")} - NOT_PAGES
    assert registered == modules


def test_default_page_is_compare(warehouse: Path, make_app: Callable[[], AppTest]) -> None:
    at: AppTest = run(make_app())
    assert at.title[0].value == "Compare"
    assert at.query_params["org"] == "nl_alfa"


def test_menu_follows_the_language_of_a_shared_url(
    warehouse: Path, make_app: Callable[[], AppTest]
) -> None:
    at = make_app()
    at.query_params["lang"] = "nl"
    run(at)

    assert at.title[0].value == "Vergelijken"
    assert at.selectbox(key="language").value == "nl"
    # AppTest has no public view of the menu; its page registry holds the titles.
    menu = [page["page_name"] for page in at._registered_pages.values()]
    assert menu[:4] == ["Vergelijken", "Ranglijsten", "Sectoren", "Drijfveren"]
