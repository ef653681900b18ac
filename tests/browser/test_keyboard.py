"""Keyboard only: answers open and close, tabs switch, and search finds and follows a result."""

import re

import pytest
from playwright.sync_api import Page, expect

from browser.conftest import CHOSEN_TABS, GUIDE, answer, search

pytestmark = pytest.mark.browser

FOCUSED_ANSWER_RESULT = """ids => {
    const a = document.activeElement;
    return a.matches('a.md-search-result__link') && a.pathname.endsWith('/faq/') && ids.includes(a.hash.slice(1));
}"""


def tab_to(page: Page, selector: str, limit: int = 1000) -> None:
    """Press Tab from the top of the page until the focused element matches the selector."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"{limit} presses of Tab never reached {selector}")


def arrow(details) -> str:
    """The transform of the arrow beside a collapsible answer's summary (it turns when opened)."""
    return details.evaluate("d => getComputedStyle(d.firstElementChild, '::after').transform")


def test_enter_and_space_open_and_close_an_answer(open_page):
    page, _ = open_page("faq/")
    tab_to(page, "details.faq > summary")
    faq_id = page.evaluate("document.activeElement.parentElement.previousElementSibling.id")
    assert faq_id in {entry.id for entry in GUIDE.faq}
    details = answer(page, faq_id)
    expect(details).not_to_have_attribute("open", "")
    closed_arrow = arrow(details)
    page.keyboard.press("Enter")
    expect(details).to_have_attribute("open", "")
    page.wait_for_function("([d, closed]) => getComputedStyle(d.firstElementChild, '::after').transform !== closed",
                           arg=[details.element_handle(), closed_arrow])  # open is shown by the arrow, not colour alone
    page.keyboard.press("Space")
    expect(details).not_to_have_attribute("open", "")
    page.keyboard.press("Space")
    expect(details).to_have_attribute("open", "")


def test_arrow_keys_switch_the_linked_tabs(open_page):
    page, _ = open_page("compare/")
    names = [mode.name for mode in GUIDE.modes]
    tab_to(page, ".tabbed-set > input")
    for name in names[1:] + names[:1]:  # radio buttons: the arrow wraps round to the first
        page.keyboard.press("ArrowRight")
        assert set(page.evaluate(CHOSEN_TABS)) == {name}


@pytest.mark.parametrize("key", ["/", "s"])
def test_search_opens_from_the_keyboard_and_enter_follows_a_result(open_page, site_url, key):
    page, _ = open_page("")
    page.keyboard.press(key)
    assert page.evaluate("document.activeElement.matches('input.md-search__input')")
    search(page, GUIDE.faq[0].question)
    faq_ids = [entry.id for entry in GUIDE.faq]
    for _ in range(30):
        page.keyboard.press("ArrowDown")
        if page.evaluate(FOCUSED_ANSWER_RESULT, faq_ids):
            break
    else:
        pytest.fail("ArrowDown never reached a FAQ answer among the results")
    faq_id = page.evaluate("document.activeElement.hash.slice(1)")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(f"{site_url}faq/") + r".*#" + re.escape(faq_id) + "$"))
    expect(answer(page, faq_id)).to_have_attribute("open", "")


def test_enter_on_the_colour_scheme_switch_changes_the_scheme(open_page):
    page, _ = open_page("", color_scheme="light")
    scheme = "document.body.dataset.mdColorScheme"
    tab_to(page, "form[data-palette] input")
    page.keyboard.press("Enter")
    assert page.evaluate(scheme) == "slate"
    assert page.evaluate("document.activeElement.matches('form[data-palette] input')")
    page.keyboard.press("Enter")
    assert page.evaluate(scheme) == "default"
