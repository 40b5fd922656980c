"""The router: every view is a page, every page gets the same frame, and a page
declared by a descriptor alone is in the menu with its URL keys kept in sync."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest
from page_helpers import choose, run
from streamlit.testing.v1 import AppTest
from streamlit.util import calc_hash

from cxbench.app import i18n, page, routing, state
from cxbench.app.streamlit_app import PAGES

VIEWS = Path(__file__).resolve().parents[2] / "app" / "views"
#: Modules in app/views that help pages rather than being one (Compare's sections,
#: the Rankings page's table, movers and downloads).
NOT_PAGES = {
    "__init__", "sidebar", "coverage", "compare_sections", "compare_headline",
    "compare_directions", "compare_changes", "compare_text", "deliverables",
    "rankings_table", "rankings_movers", "rankings_downloads",
}  # fmt: skip
SLUGS = [shown.slug for shown in PAGES]


def test_every_view_module_is_a_page() -> None:
    assert {shown.slug for shown in PAGES} == {path.stem for path in VIEWS.glob("*.py")} - NOT_PAGES


def test_descriptors_agree_on_url_parameters_and_strings() -> None:
    params = page.url_params(PAGES)
    catalogue = page.strings(PAGES)

    assert params[state.LANGUAGE] == "lang"
    assert params[state.ORGANISATION] == "org"
    assert {shown.title_key for shown in PAGES} <= catalogue.keys()


def _extra(**changes: object) -> page.Page:
    """A minimal descriptor, with ``changes`` applied."""
    fields: dict = {
        "slug": "extra",
        "title_key": "extra_page",
        "icon": ":material/add:",
        "render": lambda warehouse, language: None,
        "strings": {"extra_page": {"en": "Extra"}},
    }
    return page.Page(**{**fields, **changes})


def test_two_pages_may_not_share_a_query_parameter_for_different_keys() -> None:
    with pytest.raises(ValueError, match="org"):
        page.url_params([*PAGES, _extra(url_keys={"extra_choice": "org"})])
    with pytest.raises(ValueError, match="compare_organisation"):
        page.url_params([*PAGES, _extra(url_keys={state.ORGANISATION: "company"})])


def test_a_string_defined_by_two_pages_or_a_missing_title_is_refused() -> None:
    twice = {"extra_page": {"en": "Extra"}, "language": {"en": "Tongue"}}
    with pytest.raises(ValueError, match="defined twice"):
        page.strings([*PAGES, _extra(strings=twice)])
    with pytest.raises(ValueError, match="extra_page"):
        page.strings([*PAGES, _extra(strings={})])


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
    assert menu(at)[:4] == ["Vergelijken", "Ranglijsten", "Sectoren", "Drijfveren"]


@pytest.mark.parametrize("slug", SLUGS)
def test_every_page_gets_the_frame_once(
    slug: str, warehouse: Path, make_page: Callable[[str], AppTest]
) -> None:
    shown = next(candidate for candidate in PAGES if candidate.slug == slug)
    at = make_page(slug)
    at.query_params["lang"] = "nl"
    at.query_params["org"] = "nl_beta"  # Compare's; every other page drops it
    run(at)

    title = i18n.text(shown.title_key, "nl")
    assert [element.value for element in at.title] == [title]
    assert [box.key for box in at.selectbox].count(state.LANGUAGE) == 1
    assert at.selectbox(key=state.LANGUAGE).value == "nl"
    assert menu(at) == [i18n.text(other.title_key, "nl") for other in PAGES]
    assert at.query_params["lang"] == "nl"
    assert set(at.query_params) <= set(shown.url_params().values())
    assert ("org" in at.query_params) == (state.ORGANISATION in shown.url_keys)


@pytest.mark.parametrize("shown", [shown for shown in PAGES if shown.tables], ids=lambda p: p.slug)
def test_page_whose_table_is_missing_explains_instead_of_drawing(
    shown: page.Page, warehouse: Path, make_page: Callable[[str], AppTest]
) -> None:
    schema, table = shown.tables[0].split(".")
    with duckdb.connect(str(warehouse)) as connection:
        (kind,) = connection.execute(
            "select table_type from information_schema.tables"
            " where table_schema = ? and table_name = ?",
            [schema, table],
        ).fetchone()
        connection.execute(f"drop {'view' if kind == 'VIEW' else 'table'} {schema}.{table}")
    at = run(make_page(shown.slug))

    (info,) = at.info
    assert "does not have yet" in info.value
    assert f"{schema}.{table}" in info.value
    assert not at.dataframe
    assert [element.value for element in at.title] == [i18n.text(shown.title_key, "en")]


def _app_with_an_extra_page() -> None:
    """An app whose extra page exists only as a descriptor (run by AppTest as a script)."""
    import streamlit as st

    from cxbench.app import state
    from cxbench.app.page import Page
    from cxbench.app.streamlit_app import PAGES, main

    def render(warehouse: object, language: str) -> None:
        state.settle_choice("extra_choice", ["a", "b", "c"])
        st.selectbox("Choice", ["a", "b", "c"], key="extra_choice")
        st.markdown(f"extra page in {language}")

    extra = Page(
        slug="extra",
        title_key="extra_page",
        icon=":material/add:",
        render=render,
        strings={"extra_page": {"en": "Extra", "nl": "Extra NL", "no": "Ekstra", "pl": "Dodatek"}},
        tables=("marts.dim_pillar",),
        url_keys={"extra_choice": "pick"},
    )
    main(pages=(*PAGES, extra), default="extra")


def test_page_declared_by_a_descriptor_is_in_the_menu_with_its_url_keys_synced(
    warehouse: Path,
) -> None:
    at = AppTest.from_function(_app_with_an_extra_page, default_timeout=30)
    at.query_params.update({"lang": "nl", "pick": "b", "org": "nl_beta", "utm": "mail"})
    run(at)

    assert menu(at)[-1] == "Extra NL"
    assert [element.value for element in at.title] == ["Extra NL"]
    assert at.markdown[0].value == "extra page in nl"
    assert at.selectbox(key="extra_choice").value == "b"
    # Compare's parameter is dropped, a foreign one is left alone
    assert at.query_params == {"lang": "nl", "pick": "b", "utm": "mail"}

    choose(at, "extra_choice", "c")
    assert at.query_params["pick"] == "c"


def menu(at: AppTest) -> list[str]:
    """Titles of the navigation menu, in order.

    AppTest has no public view of the menu; its page registry holds the titles, with
    the router's hidden pages (the default page's alias at its slug, "not found")
    that the menu does not show.
    """
    entries = list(at._registered_pages.values())
    default_titles = {entry["page_name"] for entry in entries if entry["url_pathname"] == ""}
    return [
        entry["page_name"]
        for entry in entries
        if entry["url_pathname"] != routing.NOT_FOUND_SLUG
        and not (entry["url_pathname"] and entry["page_name"] in default_titles)
    ]


def _asking_for(at: AppTest, url_path: str) -> AppTest:
    """``at`` set to open the page a browser asks for at ``/<url_path>``.

    A browser names the page by its path on the first request and by the page's id
    (the hash of its path) afterwards; AppTest can only send the id.
    """
    at._page_hash = calc_hash(url_path)
    return at


def test_a_pages_slug_opens_that_page_the_default_one_too(
    warehouse: Path, make_app: Callable[[], AppTest]
) -> None:
    at = run(_asking_for(make_app(), "compare"))
    assert [element.value for element in at.title] == ["Compare"]
    assert at.query_params["org"] == "nl_alfa"

    at = run(_asking_for(make_app(), "sectors"))
    assert [element.value for element in at.title] == ["Sectors"]


@pytest.mark.parametrize(
    ("language", "title"), [("en", "Page not found"), ("pl", "Nie znaleziono strony")]
)
def test_an_unknown_page_is_answered_in_the_interface_language(
    warehouse: Path, make_app: Callable[[], AppTest], language: str, title: str
) -> None:
    at = _asking_for(make_app(), "nonsense")
    at.query_params["lang"] = language
    run(at)

    assert [element.value for element in at.title] == [title]
    (warning,) = at.warning
    assert warning.value == i18n.text("page_not_found_link", language)
    assert not at.dataframe
    assert not at.get("vega_lite_chart")
    assert at.query_params["lang"] == language


def test_an_unknown_path_is_named_only_when_it_looks_like_one() -> None:
    assert routing._SHOWN_PATH.fullmatch("nonsense-page.v2")
    assert not routing._SHOWN_PATH.fullmatch("[x](http://example.com)")
