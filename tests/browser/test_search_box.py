"""The search box as the theme's users know it, drawn by javascripts/theme/search.js without the theme's bundle."""

import re

import pytest
from playwright.sync_api import expect

from browser.conftest import PHONE, axe_violations, search

pytestmark = pytest.mark.browser

BEST_RESULT = """() => [...document.querySelectorAll('.md-search-result__list > :first-child [href]')]
    .sort((a, b) => b.firstElementChild.dataset.mdScore - a.firstElementChild.dataset.mdScore)[0].href"""


def open_box(page) -> None:
    page.locator("input.md-search__input").click()


def test_a_shared_link_opens_the_box_with_its_query_and_closing_takes_the_query_off_the_address(open_page, site_url):
    page, watch = open_page("?q=warehouse")
    expect(page.locator("#__search")).to_be_checked()
    expect(page.locator("input.md-search__input")).to_have_value("warehouse")
    expect(page.locator(".md-search-result__meta")).to_contain_text("matching document")
    page.keyboard.press("Escape")
    expect(page.locator("#__search")).not_to_be_checked()
    assert page.url == site_url
    assert watch.problems == []


def test_enter_in_the_box_follows_the_best_result(open_page):
    page, _ = open_page("")
    open_box(page)
    search(page, "who sets the retail price")
    best = page.evaluate(BEST_RESULT)
    page.keyboard.press("Enter")
    page.wait_for_url(best)


def test_the_share_link_carries_the_query_and_copies_it(open_page, site_url):
    page, _ = open_page("#somewhere", permissions=["clipboard-read", "clipboard-write"])
    open_box(page)
    search(page, "return & refund")
    share = page.locator("[data-md-component=search-share]")
    expect(share).to_have_attribute("href", site_url + "?q=return+%26+refund")
    share.click()
    expect(page.locator(".md-dialog")).to_have_class(re.compile("md-dialog--active"))
    expect(page.locator(".md-dialog")).to_have_text("Copied to clipboard")
    assert page.evaluate("navigator.clipboard.readText()") == site_url + "?q=return+%26+refund"


def test_a_result_marks_the_words_found_on_the_page_it_leads_to(open_page):
    page, _ = open_page("")
    open_box(page)
    search(page, "warehouse")
    page.locator(".md-search-result__list a.md-search-result__link[href*='h=warehouse']").first.click()
    page.wait_for_url(re.compile(r"[?&]h=warehouse"))
    target = page.evaluate("decodeURIComponent(location.hash.slice(1))")
    marks = page.locator("[data-md-component=content] mark[data-md-highlight]")
    expect(page.locator(f"[id='{target}'] ~ * mark[data-md-highlight]").first).to_be_visible()
    assert all(re.match(r"(?i)warehouse", text) for text in marks.all_text_contents())


def test_a_suggestion_completes_the_last_word_and_the_right_arrow_takes_it(open_page):
    page, _ = open_page("")
    open_box(page)
    search(page, "wareh")
    suggestion = page.locator(".md-search__suggest")
    expect(suggestion).to_have_text(re.compile(r"^wareh\w+$"))
    completed = suggestion.text_content()
    page.keyboard.press("ArrowRight")
    expect(page.locator("input.md-search__input")).to_have_value(completed)


def test_results_are_grouped_by_page_with_missing_words_and_the_rest_folded(open_page):
    page, _ = open_page("")
    open_box(page)
    search(page, "warehouse qqxzv")
    first = page.locator(".md-search-result__list > li").first
    expect(first.locator("article h1")).to_have_count(1)
    expect(first.locator(".md-search-result__terms del").first).to_have_text("qqxzv")
    folded = first.locator("details.md-search-result__more")
    expect(folded.locator("summary")).to_have_text(re.compile(r"^\d+ more on this page$"))
    expect(folded.locator("a.md-search-result__link").first).to_be_hidden()
    folded.locator("summary").click()
    expect(folded.locator("a.md-search-result__link").first).to_be_visible()


def test_more_results_are_drawn_when_the_list_is_scrolled_to_its_end(open_page):
    page, _ = open_page("", viewport={"width": 1280, "height": 700})
    open_box(page)
    search(page, "temu")
    total = int(re.match(r"\d+", page.locator(".md-search-result__meta").text_content()).group(0))
    items = page.locator(".md-search-result__list > li")
    assert total > 10 and items.count() == 10, "the first ten are drawn at once"
    page.locator(".md-search__scrollwrap").evaluate("wrap => wrap.scrollTo(0, wrap.scrollHeight)")
    expect(items).to_have_count(total)


def test_the_arrow_keys_go_through_the_results_and_escape_closes_the_box(open_page):
    page, _ = open_page("")
    page.keyboard.press("/")
    search(page, "deposit")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.matches('a.md-search-result__link')")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.matches('input.md-search__input')")
    page.keyboard.press("Escape")
    expect(page.locator("#__search")).not_to_be_checked()
    expect(page.locator(".md-search-result__list")).to_be_hidden()


def test_escape_right_after_the_box_takes_focus_again_closes_it_for_good(open_page):
    """The box opens a moment after it takes focus; an Escape in that moment must not be undone."""
    page, _ = open_page("")
    open_box(page)
    search(page, "deposit")
    page.keyboard.press("ArrowDown")
    page.evaluate("""() => {
        document.querySelector('input.md-search__input').focus();
        document.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true}));
    }""")
    page.wait_for_timeout(200)
    expect(page.locator("#__search")).not_to_be_checked()


def test_on_a_phone_the_page_behind_the_open_box_stays_where_it_was(open_page):
    page, _ = open_page("compare/", **PHONE)
    page.evaluate("window.scrollTo(0, 600)")
    page.locator("label.md-header__button[for=__search]").click()
    expect(page.locator("body")).to_have_attribute("data-md-scrolllock", "")
    assert page.evaluate("document.body.style.top") == "-600px"
    page.locator(".md-search__inner label.md-search__icon[for=__search]").click()
    expect(page.locator("body")).not_to_have_attribute("data-md-scrolllock", "")
    assert page.evaluate("window.scrollY") == 600


@pytest.mark.parametrize("screen", [{}, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_open_box_with_its_results_passes_axe(open_page, axe_script, scheme, screen):
    page, watch = open_page("", color_scheme=scheme, **screen)
    page.locator("label.md-header__button[for=__search]" if screen else "input.md-search__input").click()
    search(page, "warehouse qqxzv")
    page.locator("details.md-search-result__more summary").first.click()
    expect(page.locator(".md-search-result__terms del").first).to_be_visible()
    # Back to the top of the list: axe passes over what its scrolling box has scrolled out of view.
    page.locator(".md-search__scrollwrap").evaluate("wrap => wrap.scrollTo(0, 0)")
    assert axe_violations(page, axe_script) == []
    assert watch.problems == []
