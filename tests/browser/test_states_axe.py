"""axe-core on what a reader opens or brings up, beyond the page as it loads: each in both colour schemes."""

import re
from urllib.parse import urlencode

import pytest
from playwright.sync_api import expect

from browser.conftest import PHONE, axe_violations, search
from browser.test_decide import first_with
from browser.test_scrolling import DESKTOP, wheel

pytestmark = pytest.mark.browser
SCHEMES = pytest.mark.parametrize("scheme", ["light", "dark"])


def settle(page) -> None:
    """Wait until the page's transitions have ended: axe passes over colours that are still changing."""
    page.evaluate("Promise.all(document.getAnimations().map(animation => animation.finished))")


def assert_clean_once_settled(page, watch, axe_script) -> None:
    """axe finds nothing once the page has settled, and the page reported no problem."""
    settle(page)
    assert axe_violations(page, axe_script) == []
    assert watch.problems == []


@SCHEMES
def test_the_open_navigation_drawer_on_a_phone(open_page, axe_script, scheme):
    page, watch = open_page("compare/", color_scheme=scheme, **PHONE)
    page.locator("label.md-header__button[for=__drawer]").click()
    expect(page.locator(".md-sidebar--primary")).to_be_in_viewport()
    assert_clean_once_settled(page, watch, axe_script)


@SCHEMES
def test_the_back_to_top_button_and_the_header_title_shown_while_reading(open_page, axe_script, scheme):
    page, watch = open_page("faq/", color_scheme=scheme, **DESKTOP)
    wheel(page, 8, 400)
    wheel(page, 2, -200)
    expect(page.locator("[data-md-component=top]")).to_be_visible()
    expect(page.locator(".md-header__title")).to_have_class("md-header__title md-header__title--active")
    assert_clean_once_settled(page, watch, axe_script)


@SCHEMES
def test_the_copied_notice_of_the_search_share_link(open_page, axe_script, scheme):
    page, watch = open_page("", color_scheme=scheme, permissions=["clipboard-read", "clipboard-write"])
    page.locator("input.md-search__input").click()
    search(page, "deposit")
    page.locator("[data-md-component=search-share]").click()
    notice = page.locator(".md-dialog")
    expect(notice).to_be_visible()
    settle(page)
    # The notice alone: it leaves after 2 s, sooner than axe checks the whole page on a busy machine.
    assert axe_violations(page, axe_script, within=".md-dialog") == []
    expect(notice).to_have_class(re.compile(r"\bmd-dialog--active\b"), timeout=1)
    assert watch.problems == []


@SCHEMES
def test_a_recommendation_of_the_decision_guide(open_page, axe_script, scheme):
    page, watch = open_page("decide/?" + urlencode(first_with("mode")), color_scheme=scheme)
    expect(page.locator(".decide-verdict")).not_to_be_empty()
    assert_clean_once_settled(page, watch, axe_script)
