"""A 375×812 phone: nothing scrolls sideways but the comparison tables, whose first column stays put."""

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from browser.conftest import GUIDE, PHONE, axe_violations, scripts_started, site_pages

pytestmark = pytest.mark.browser

SIDEWAYS = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.mark.parametrize("path", site_pages())
def test_no_page_scrolls_sideways_and_axe_finds_nothing(open_page, axe_script, path):
    page, _ = open_page(path, **PHONE)
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    assert page.evaluate(SIDEWAYS) <= 0
    assert axe_violations(page, axe_script) == []  # the narrow layout shows labels the wide one hides


@pytest.mark.parametrize("path", ["", "compare/", "faq/", "decide/"])
def test_the_dark_scheme_on_a_phone_passes_axe(open_page, axe_script, path):
    page, _ = open_page(path, color_scheme="dark", **PHONE)
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    assert axe_violations(page, axe_script) == []


SCROLLS_SIDEWAYS = "r => r.scrollWidth > r.clientWidth"


def wait_until_it_scrolls_sideways(page, region) -> None:
    """Far-off tables are laid out only once they come near (content-visibility), a frame or more later."""
    try:
        page.wait_for_function(SCROLLS_SIDEWAYS, arg=region.element_handle(), timeout=5000)
    except PlaywrightTimeoutError:
        pytest.fail("a table wider than a phone should scroll")


@pytest.mark.parametrize("path", ["", "compare/"])
def test_tables_scroll_on_their_own_and_keep_the_first_column_in_view(open_page, path):
    page, _ = open_page(path, **PHONE)
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")  # tables inside too
    regions = page.locator(".comparison-scroll:has(> table.comparison)")
    assert regions.count() >= 1
    for region in regions.all():
        region.scroll_into_view_if_needed()
        wait_until_it_scrolls_sideways(page, region)
        row_header = region.locator("tbody th[scope=row]").first
        last_cell = region.locator("tbody tr").first.locator("td").last
        header_before, cell_before = row_header.bounding_box(), last_cell.bounding_box()
        assert region.evaluate("r => { r.scrollLeft = r.scrollWidth; return r.scrollLeft; }") > 0
        header_after, cell_after, box = row_header.bounding_box(), last_cell.bounding_box(), region.bounding_box()
        assert cell_after["x"] < cell_before["x"], "the other columns should have moved"
        assert header_after["x"] == pytest.approx(header_before["x"], abs=1)
        assert box["x"] - 1 <= header_after["x"] and header_after["x"] + header_after["width"] <= box["x"] + box["width"] + 1
        assert page.evaluate("window.scrollX") == 0 and page.evaluate(SIDEWAYS) <= 0


def test_drawer_navigation_reaches_every_mode_page(open_page, site_url):
    page, watch = open_page("", **PHONE)
    drawer = page.locator(".md-nav--primary")
    for mode in GUIDE.modes:
        page.goto(site_url)
        scripts_started(page)
        expect(drawer).not_to_be_in_viewport()
        page.locator("label.md-header__button[for=__drawer]").click()
        expect(drawer).to_be_in_viewport()
        drawer.locator("label.md-nav__link", has_text="Modes").click()
        drawer.get_by_role("link", name=mode.name, exact=True).click()
        page.wait_for_url(f"{site_url}modes/{mode.id}/")
        expect(page.locator("h1")).to_contain_text(mode.name)
        expect(drawer).not_to_be_in_viewport()
    assert watch.problems == []
