"""Reading the guide: FAQ deep links, search to an answer, the colour scheme switch, linked tabs."""

import re

import pytest
from playwright.sync_api import Page, expect

from browser.conftest import GUIDE, PHONE

pytestmark = pytest.mark.browser

CHOSEN_TABS = """() => [...document.querySelectorAll('.tabbed-set')].map(set => {
    const input = set.querySelector(':scope > input:checked');
    return set.querySelector(`label[for="${input.id}"]`).textContent.trim();
})"""


def sample(items: list) -> list:
    """The first, middle and last item: enough to cover the ends and the inside of a long list."""
    return [items[i] for i in sorted({0, len(items) // 2, len(items) - 1})]


def answer(page: Page, faq_id: str):
    """The collapsible answer that follows a FAQ question."""
    return page.locator(f"h3[id='{faq_id}'] + details")


@pytest.mark.parametrize("entry", sample(GUIDE.faq), ids=lambda e: e.id)
def test_a_deep_link_opens_that_answer_only(open_page, entry):
    page, watch = open_page(f"faq/#{entry.id}")
    expect(answer(page, entry.id)).to_have_attribute("open", "")
    expect(page.locator(f"[id='{entry.id}']")).to_be_in_viewport()
    assert page.locator("details.faq[open]").count() == 1
    assert watch.problems == []


SEARCH_CASES = [(entry, {}) for entry in sample(GUIDE.faq)] + [(GUIDE.faq[-1], PHONE)]


@pytest.mark.parametrize("entry, screen", SEARCH_CASES, ids=lambda case: getattr(case, "id", "phone" if case else "desktop"))
def test_search_finds_a_question_and_lands_on_its_open_answer(open_page, site_url, entry, screen):
    page, watch = open_page("", **screen)
    if screen:  # on a phone, search sits behind a button
        page.locator("label.md-header__button[for=__search]").click()
    page.locator("input.md-search__input").fill(entry.question)
    result = page.locator(f"a.md-search-result__link[href*='/faq/'][href$='#{entry.id}']")
    expect(result.or_(page.locator(".md-search-result__more", has=result))).not_to_have_count(0)
    if not result.is_visible():  # folded under "N more on this page"
        page.locator(".md-search-result__more", has=result).locator("summary").click()
    result.click()
    page.wait_for_url(re.compile(re.escape(f"{site_url}faq/") + r".*#" + re.escape(entry.id) + "$"))
    expect(answer(page, entry.id)).to_have_attribute("open", "")
    expect(page.locator(f"[id='{entry.id}']")).to_be_in_viewport()
    assert watch.problems == [] and watch.off_site() == []


def test_the_colour_scheme_switch_works_and_is_remembered(open_page, site_url):
    page, _ = open_page("", color_scheme="light")
    scheme = "document.body.dataset.mdColorScheme"
    toggle = page.locator("form[data-md-component=palette] label:visible")
    assert page.evaluate(scheme) == "default"
    toggle.click()
    assert page.evaluate(scheme) == "slate"
    stored = page.evaluate("Object.keys(localStorage).filter(k => k.endsWith('__palette')).map(k => localStorage[k])")
    assert len(stored) == 1 and '"slate"' in stored[0]
    page.reload()
    assert page.evaluate(scheme) == "slate"
    page.goto(site_url + "faq/")
    assert page.evaluate(scheme) == "slate"
    toggle.click()
    page.reload()
    assert page.evaluate(scheme) == "default"


def test_linked_tabs_switch_together_and_follow_to_other_pages(open_page, site_url):
    page, _ = open_page("compare/")
    names = [mode.name for mode in GUIDE.modes]
    assert len(page.locator(".tabbed-set").all()) >= 2, "the compare page should hold two linked tab sets"
    assert set(page.evaluate(CHOSEN_TABS)) == {names[0]}
    for name in names[1:] + names[:1]:
        page.locator(".tabbed-set").first.locator(".tabbed-labels label", has_text=name).first.click()
        assert set(page.evaluate(CHOSEN_TABS)) == {name}
    page.locator(".tabbed-set").last.locator(".tabbed-labels label", has_text=names[-1]).click()
    assert set(page.evaluate(CHOSEN_TABS)) == {names[-1]}
    page.goto(site_url)
    assert set(page.evaluate(CHOSEN_TABS)) == {names[-1]}
