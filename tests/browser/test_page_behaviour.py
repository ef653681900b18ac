"""The theme's page behaviour, given by javascripts/theme/page.js without the theme's bundle."""

import pytest
from playwright.sync_api import expect

from browser.conftest import CHOSEN_TABS, GUIDE, PHONE, tab_label

pytestmark = pytest.mark.browser

FOCUS_RING = """() => {
    const style = getComputedStyle(document.activeElement);
    return {visible: document.activeElement.classList.contains('focus-visible'), outline: style.outlineStyle};
}"""


def test_a_control_reached_with_the_keyboard_shows_its_focus_ring_and_a_clicked_one_does_not(open_page):
    page, _ = open_page("")
    switch = page.locator("form[data-palette] label:visible")
    for _ in range(15):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('form[data-palette] input')"):
            break
    else:
        pytest.fail("Tab never reached the colour scheme switch")
    assert page.evaluate(FOCUS_RING)["visible"]
    link = page.locator(".md-nav--primary a.md-nav__link").first
    link.evaluate("link => link.addEventListener('click', event => event.preventDefault())")
    link.click()
    assert page.evaluate("document.activeElement.matches('.md-nav--primary a')")
    assert page.evaluate(FOCUS_RING) == {"visible": False, "outline": "none"}
    assert switch.count() == 1


def test_switching_a_linked_tab_keeps_the_clicked_set_where_it_was_on_the_screen(open_page):
    page, _ = open_page("compare/", viewport={"width": 1280, "height": 800})
    sets = page.locator(".tabbed-set")
    last = sets.last
    last.scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, -200)")
    heights = sets.evaluate_all("sets => sets.map(set => set.offsetHeight)")
    top = last.evaluate("set => set.getBoundingClientRect().top")
    tab_label(last, GUIDE.modes[-1].name).click()
    assert set(page.evaluate(CHOSEN_TABS)) == {GUIDE.modes[-1].name}
    assert sets.evaluate_all("sets => sets.map(set => set.offsetHeight)")[:-1] != heights[:-1], \
        "the sets above change height, or this test shows nothing"
    assert abs(last.evaluate("set => set.getBoundingClientRect().top") - top) <= 1


def test_a_link_into_a_folded_part_of_the_page_unfolds_it(open_page):
    page, watch = open_page("glossary/")
    page.evaluate("""() => document.querySelector('[data-md-component=content]').insertAdjacentHTML('beforeend',
        '<details><summary>More</summary><p id="inside-folded">Folded text</p></details>')""")
    # Chromium itself unfolds a fragment's target on navigation; other browsers may not. Without a
    # navigation (the address changed by script, then the event), only the page's script unfolds it.
    page.evaluate("""() => { history.replaceState(null, '', '#inside-folded');
        window.dispatchEvent(new HashChangeEvent('hashchange')); }""")
    expect(page.locator("#inside-folded")).to_be_visible()
    assert watch.problems == []


def test_following_a_link_on_the_same_page_closes_the_drawer(open_page):
    page, _ = open_page("compare/", **PHONE)
    page.locator("label.md-header__button[for=__drawer]").click()
    expect(page.locator("#__drawer")).to_be_checked()
    page.locator(".md-nav--primary label.md-nav__link[for=__toc]").click()
    page.locator(".md-nav--primary .md-nav--secondary a.md-nav__link").nth(1).click()
    expect(page.locator("#__drawer")).not_to_be_checked()


def test_a_printed_page_shows_every_answer_and_the_closed_ones_close_again_after(open_page):
    page, _ = open_page("faq/")
    closed = "document.querySelectorAll('details:not([open])').length"
    assert page.evaluate(closed) > 0
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.evaluate(closed) == 0
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.evaluate("document.querySelectorAll('details[open]').length") == 0


def test_n_and_p_go_to_the_next_and_the_previous_page(open_page, site_url):
    page, _ = open_page("compare/")
    page.keyboard.press("n")
    page.wait_for_url(site_url + "decide/")
    page.wait_for_selector("html[data-scripts=started]", state="attached")
    page.keyboard.press("p")
    page.wait_for_url(site_url + "compare/")


def test_a_title_cut_short_in_the_header_shows_in_full_on_hover(open_page):
    page, _ = open_page("", **PHONE)
    name = page.locator(".md-header__topic .md-ellipsis:visible").first
    long_name = " ".join(["A very long site name"] * 6)
    name.evaluate("(name, text) => { name.textContent = text; }", long_name)
    assert name.evaluate("name => name.offsetWidth < name.scrollWidth"), "the name must be cut short for this test"
    name.hover()
    expect(name).to_have_attribute("title", long_name)


def test_without_linked_tabs_in_the_theme_features_a_tab_switches_its_own_set_only(open_page):
    page, watch = open_page("compare/", without_features=("content.tabs.link",))
    sets = page.locator(".tabbed-set")
    first = GUIDE.modes[0].name
    tab_label(sets.first, GUIDE.modes[-1].name).click()
    chosen = page.evaluate(CHOSEN_TABS)
    assert chosen[0] == GUIDE.modes[-1].name and set(chosen[1:]) == {first}
    assert watch.problems == []
