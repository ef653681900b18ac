"""Scrolling a page: the table of contents and the address follow the reader, the header, back-to-top and sidebars."""

import re

import pytest
from playwright.sync_api import expect

from browser.conftest import GUIDE, PHONE

pytestmark = pytest.mark.browser

DESKTOP = {"viewport": {"width": 1280, "height": 800}}
TOC_LINKS = ".md-sidebar--secondary [data-md-component=toc] a.md-nav__link"
TOC_SCROLL = ".md-sidebar--secondary .md-sidebar__scrollwrap"
# The heading just under the header, as a reader who has scrolled to it sees it.
SCROLL_TO_HEADING = """id => {
    const top = document.getElementById(id).getBoundingClientRect().top + scrollY;
    scrollTo(0, top - document.querySelector('.md-header').offsetHeight - 8);
}"""
BOX = "e => { const r = e.getBoundingClientRect(); return {top: r.top, bottom: r.bottom}; }"
HEADER_BOTTOM = "document.querySelector('.md-header').getBoundingClientRect().bottom"


def toc_ids(page) -> list[str]:
    """The anchors the table of contents links to, in its order."""
    return [href.lstrip("#") for href in page.locator(TOC_LINKS).evaluate_all("links => links.map(a => a.hash)")]


def toc_link(page, anchor: str):
    """The table of contents' link to one anchor."""
    return page.locator(f"{TOC_LINKS}[href='#{anchor}']")


def painted(page) -> None:
    """Wait until the page has drawn two more frames: scrolling is handled once a frame."""
    page.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")


def wheel(page, steps: int, delta: int) -> None:
    """Scroll as a mouse wheel does, a notch at a time, so the page sees the direction."""
    page.mouse.move(640, 400)
    for _ in range(steps):
        page.mouse.wheel(0, delta)
        painted(page)


@pytest.mark.parametrize("path", ["faq/", "compare/"])
def test_scrolling_to_a_section_marks_its_link_in_the_table_of_contents_and_names_it_in_the_address(open_page, site_url, path):
    page, watch = open_page(path, **DESKTOP)
    ids = toc_ids(page)
    assert len(ids) >= 4
    entries = page.evaluate("history.length")
    chosen = len(ids) // 2
    page.evaluate(SCROLL_TO_HEADING, ids[chosen])
    expect(toc_link(page, ids[chosen])).to_have_class(re.compile(r"\bmd-nav__link--active\b"))
    for earlier in ids[:chosen]:
        expect(toc_link(page, earlier)).to_have_class(re.compile(r"\bmd-nav__link--passed\b"))
        expect(toc_link(page, earlier)).not_to_have_class(re.compile(r"\bmd-nav__link--active\b"))
    for later in ids[chosen + 1:]:
        expect(toc_link(page, later)).not_to_have_class(re.compile(r"\bmd-nav__link--(active|passed)\b"))
    expect(page).to_have_url(f"{site_url}{path}#{ids[chosen]}")
    assert page.evaluate("history.length") == entries, "following the reader must not add history entries"
    assert watch.problems == []


def test_back_at_the_top_the_address_drops_the_section(open_page, site_url):
    page, watch = open_page("faq/", **DESKTOP)
    ids = toc_ids(page)
    page.evaluate(SCROLL_TO_HEADING, ids[2])
    expect(page).to_have_url(f"{site_url}faq/#{ids[2]}")
    page.evaluate("scrollTo(0, 0)")
    expect(page).to_have_url(f"{site_url}faq/")
    expect(page.locator(f"{TOC_LINKS}.md-nav__link--active")).to_have_count(0)
    assert page.evaluate("scrollY") == 0, "changing the address must not scroll the page"
    assert watch.problems == []


def test_a_deep_link_keeps_its_address_until_the_reader_scrolls_to_another_section(open_page, site_url):
    """Opening an answer settles the page with a few scrolls of its own; only the reader's scrolling renames it."""
    question = GUIDE.faq[len(GUIDE.faq) // 2].id
    page, watch = open_page(f"faq/#{question}", **DESKTOP)
    page.wait_for_timeout(1000)  # long enough for the address to have changed, had it been going to
    assert page.url == f"{site_url}faq/#{question}"
    ids = toc_ids(page)
    page.evaluate(SCROLL_TO_HEADING, ids[0])
    expect(page).to_have_url(f"{site_url}faq/#{ids[0]}")
    assert watch.problems == []


def test_the_header_shows_the_page_title_once_its_heading_has_scrolled_under_it(open_page):
    page, watch = open_page("compare/", **DESKTOP)
    site_name, page_title = page.locator(".md-header__topic").all()
    expect(site_name).to_have_css("opacity", "1")
    expect(page_title).to_have_css("opacity", "0")
    heading = page.locator(".md-content h1")
    page.evaluate("h => scrollTo(0, h.getBoundingClientRect().bottom + scrollY)", heading.element_handle())
    expect(page_title).to_have_css("opacity", "1")
    expect(site_name).to_have_css("opacity", "0")
    page.evaluate("scrollTo(0, 0)")
    expect(site_name).to_have_css("opacity", "1")
    assert watch.problems == []


def test_the_back_to_top_button_appears_when_scrolling_back_up_and_takes_the_reader_to_the_top(open_page):
    page, watch = open_page("faq/", **DESKTOP)
    button = page.locator("[data-md-component=top]")
    wheel(page, 10, 300)
    expect(button).to_have_attribute("hidden", "")
    wheel(page, 2, -200)
    expect(button).not_to_have_attribute("hidden", "")
    expect(button).to_have_css("opacity", "1")
    expect(button).to_be_in_viewport()
    button.click()
    page.wait_for_function("scrollY === 0")
    expect(button).to_have_attribute("hidden", "")
    assert page.evaluate("b => document.activeElement !== b && b.tabIndex === -1", button.element_handle()), \
        "a hidden button should leave the tab order and give up focus"
    assert watch.problems == []


def test_on_a_desktop_the_table_of_contents_fits_the_window_below_the_header_and_scrolls_inside_itself(open_page):
    """The data and API page has the longest table of contents: longer than a 1280×800 window has room for."""
    page, watch = open_page("api/", **DESKTOP)
    toc = page.locator(TOC_SCROLL)
    expect(toc).to_be_visible()
    box = toc.evaluate(BOX)
    assert box["top"] >= page.evaluate(HEADER_BOTTOM) and box["bottom"] <= 800
    assert toc.evaluate("t => t.scrollHeight > t.clientHeight"), "the list should scroll inside its sidebar"
    last = page.locator(TOC_LINKS).last
    toc.evaluate("t => { t.scrollTop = t.scrollHeight; }")
    assert last.evaluate(BOX)["bottom"] <= box["bottom"] + 1, "the last entry can be scrolled into view"
    assert page.evaluate("scrollY") == 0
    assert watch.problems == []


def test_at_the_end_of_the_page_the_sidebars_stop_above_the_footer(open_page):
    page, watch = open_page("api/", **DESKTOP)
    page.evaluate("scrollTo(0, document.body.scrollHeight)")
    footer = page.locator(".md-footer")
    expect(footer).to_be_in_viewport()
    page.wait_for_function(
        """() => [...document.querySelectorAll('.md-sidebar__scrollwrap')].every(wrap =>
            wrap.getBoundingClientRect().bottom <= document.querySelector('.md-footer').getBoundingClientRect().top)""")
    assert watch.problems == []


def test_the_active_link_is_kept_in_view_inside_the_table_of_contents(open_page):
    page, watch = open_page("api/", **DESKTOP)
    ids = toc_ids(page)
    page.evaluate(SCROLL_TO_HEADING, ids[-1])
    link = toc_link(page, ids[-1])
    expect(link).to_have_class(re.compile(r"\bmd-nav__link--active\b"))
    page.wait_for_function(
        """link => {
            const box = link.getBoundingClientRect(), wrap = link.closest('.md-sidebar__scrollwrap').getBoundingClientRect();
            return box.top >= wrap.top && box.bottom <= wrap.bottom;
        }""", arg=link.element_handle())
    y = page.evaluate("scrollY")
    page.wait_for_timeout(400)  # the address changes after a pause: the page must stay put
    assert page.evaluate("scrollY") == y
    assert watch.problems == []


def test_without_toc_follow_and_tracking_in_the_theme_features_neither_the_contents_nor_the_address_follow(
        open_page, site_url):
    page, watch = open_page("api/", without_features=("toc.follow", "navigation.tracking"), **DESKTOP)
    ids = toc_ids(page)
    page.evaluate(SCROLL_TO_HEADING, ids[-1])
    expect(toc_link(page, ids[-1])).to_have_class(re.compile(r"\bmd-nav__link--active\b"))
    page.wait_for_timeout(600)  # longer than the address and the contents take to follow, had they been going to
    assert page.locator(TOC_SCROLL).evaluate("wrap => wrap.scrollTop") == 0
    assert page.url == f"{site_url}api/"
    assert watch.problems == []


def test_on_a_page_without_a_table_of_contents_the_header_and_back_to_top_button_still_work(open_page):
    page, watch = open_page("glossary/", **DESKTOP)
    assert page.locator("[data-md-component=toc]").count() == 0
    wheel(page, 6, 300)
    expect(page.locator(".md-header__topic").last).to_have_css("opacity", "1")
    wheel(page, 2, -200)
    expect(page.locator("[data-md-component=top]")).not_to_have_attribute("hidden", "")
    assert watch.problems == []


@pytest.mark.parametrize("path", ["faq/", "compare/"])
def test_on_a_phone_scrolling_shows_the_back_to_top_button_without_errors(open_page, path):
    page, watch = open_page(path, **PHONE)
    button = page.locator("[data-md-component=top]")
    page.evaluate("scrollTo(0, 3000)")
    painted(page)
    page.evaluate("scrollTo(0, 2800)")
    expect(button).not_to_have_attribute("hidden", "")
    button.tap()
    page.wait_for_function("scrollY === 0")
    expect(button).to_have_attribute("hidden", "")
    assert page.locator(".md-sidebar__scrollwrap").evaluate_all("ws => ws.map(w => w.style.height)") == ["", ""], \
        "on a phone the navigation is a drawer, not a column to fit"
    assert watch.problems == []

