"""Reading the guide: FAQ deep links, search to an answer, the colour scheme switch, linked tabs."""

import re

import pytest
from playwright.sync_api import expect

from browser.conftest import CHOSEN_TABS, GUIDE, PHONE, answer, scripts_started, search, tab_label

pytestmark = pytest.mark.browser


def sample(items: list) -> list:
    """The first, middle and last item: enough to cover the ends and the inside of a long list."""
    return [items[i] for i in sorted({0, len(items) // 2, len(items) - 1})]


@pytest.mark.parametrize("entry", sample(GUIDE.faq), ids=lambda e: e.id)
def test_a_deep_link_opens_that_answer_only(open_page, entry):
    page, watch = open_page(f"faq/#{entry.id}")
    expect(answer(page, entry.id)).to_have_attribute("open", "")
    expect(page.locator(f"[id='{entry.id}']")).to_be_in_viewport()
    assert page.locator("details.faq[open]").count() == 1
    assert watch.problems == []


SEARCH_CASES = [(entry, {}) for entry in sample(GUIDE.faq)] + [(GUIDE.faq[-1], PHONE)]
FIRST_ANSWER_RESULT = """ids => [...document.querySelectorAll('a.md-search-result__link')]
    .find(a => a.checkVisibility() && a.pathname.endsWith('/faq/') && ids.includes(a.hash.slice(1)))?.href"""


@pytest.mark.parametrize("entry, screen", SEARCH_CASES, ids=lambda case: getattr(case, "id", "phone" if case else "desktop"))
def test_search_shows_results_and_a_faq_result_lands_on_its_open_answer(open_page, site_url, entry, screen):
    page, watch = open_page("", **screen)
    if screen:  # on a phone, search sits behind a button
        page.locator("label.md-header__button[for=__search]").click()
    search(page, entry.question)
    href = page.evaluate(FIRST_ANSWER_RESULT, [e.id for e in GUIDE.faq])
    assert href, f"no FAQ answer among the results for {entry.question!r}"
    faq_id = href.rsplit("#", 1)[1]
    page.locator(f"a.md-search-result__link[href='{href}']").click()
    page.wait_for_url(re.compile(re.escape(f"{site_url}faq/") + r".*#" + re.escape(faq_id) + "$"))
    expect(answer(page, faq_id)).to_have_attribute("open", "")
    expect(page.locator(f"[id='{faq_id}']")).to_be_in_viewport()
    assert watch.problems == [] and watch.off_site() == []


def test_the_colour_scheme_switch_works_and_is_remembered(open_page, site_url):
    page, _ = open_page("", color_scheme="light")
    scheme = "document.body.dataset.mdColorScheme"
    toggle = page.locator("form[data-palette] label:visible")
    assert page.evaluate(scheme) == "default"
    toggle.click()
    assert page.evaluate(scheme) == "slate"
    stored = page.evaluate("Object.keys(localStorage).filter(k => k.endsWith('__palette')).map(k => localStorage[k])")
    assert len(stored) == 1 and '"slate"' in stored[0]
    page.reload()
    scripts_started(page)
    assert page.evaluate(scheme) == "slate"
    page.goto(site_url + "faq/")
    scripts_started(page)
    assert page.evaluate(scheme) == "slate"
    toggle.click()
    page.reload()
    scripts_started(page)
    assert page.evaluate(scheme) == "default"


def test_a_dark_system_preference_opens_the_dark_scheme(open_page):
    page, _ = open_page("", color_scheme="dark")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"


def test_the_scheme_is_chosen_and_switched_before_any_script_file_runs(browser, site_url):
    """The switch runs inline in the header: a dark page never shows light while scripts download."""
    context = browser.new_context(color_scheme="dark")
    context.route("**/*.js", lambda route: route.abort())  # no theme bundle, no after-paint loader
    try:
        page = context.new_page()
        page.goto(site_url + "faq/")
        assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
        toggle = page.locator("form[data-palette] label:visible")
        expect(toggle).to_have_attribute("title", "Switch to light mode")
        toggle.click()
        assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
        expect(page.locator("form[data-palette] label:visible")).to_have_attribute("title", "Switch to dark mode")
        expect(page.locator("body")).not_to_have_attribute("data-md-color-switching", "")
        page.reload()
        assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    finally:
        context.close()


BROWSER_COLOURS = """() => {
    const metas = name => [...document.head.querySelectorAll(`meta[name="${name}"]`)].map(m => m.content);
    const header = getComputedStyle(document.querySelector('.md-header'));
    const hex = '#' + header.backgroundColor.match(/\\d+/g).slice(0, 3).map(n => (+n).toString(16).padStart(2, '0')).join('');
    return {theme: metas('theme-color'), scheme: metas('color-scheme'), header: hex};
}"""


@pytest.mark.parametrize("preference, first, second", [("dark", "dark", "light"), ("light", "light", "dark")])
def test_the_browser_is_told_the_header_colour_and_the_scheme_and_follows_the_switch(open_page, preference, first, second):
    """Phones colour their address bar with theme-color; color-scheme gives the page dark scrollbars and controls."""
    page, watch = open_page("faq/", color_scheme=preference)
    colours = page.evaluate(BROWSER_COLOURS)
    assert colours["theme"] == [colours["header"]] and colours["scheme"] == [first]
    page.locator("form[data-palette] label:visible").click()
    changed = page.evaluate(BROWSER_COLOURS)
    assert changed["theme"] == [changed["header"]] and changed["scheme"] == [second]
    assert watch.problems == []


OPEN_TAB_UNDERLINED = """() => [...document.querySelectorAll('.tabbed-set')].every(set => {
    const label = set.querySelector(`label[for="${set.querySelector(':scope > input:checked').id}"]`);
    const others = [...set.querySelectorAll('.tabbed-labels > label')].filter(other => other !== label);
    const line = style => style.borderBottomStyle !== 'none' && parseFloat(style.borderBottomWidth) > 0
        && style.borderBottomColor !== 'rgba(0, 0, 0, 0)';
    return line(getComputedStyle(label)) && !others.some(other => line(getComputedStyle(other)));
})"""


def test_the_page_is_styled_for_scripts_before_they_run_and_the_open_tab_stays_underlined(browser, site_url):
    """The js class is set in the head and the open tab is underlined by the stylesheet: nothing waits for a script."""
    context = browser.new_context()
    context.route("**/*.js", lambda route: route.abort())  # no theme bundle, no after-paint loader
    try:
        page = context.new_page()
        page.goto(site_url)
        assert page.evaluate("document.documentElement.className") == "js"
        assert page.locator(".tabbed-set").count() >= 1
        assert page.evaluate(OPEN_TAB_UNDERLINED), "the open tab needs its underline without any script"
    finally:
        context.close()


ROOT_CLASSES = """
window.rootClasses = [];
new MutationObserver(changes => changes.forEach(change => {
    if (change.target === document.documentElement) rootClasses.push(change.target.className);
})).observe(document, {attributes: true, attributeFilter: ["class"], subtree: true});
"""


@pytest.mark.parametrize("path", ["", "compare/"])
def test_starting_the_scripts_leaves_the_classes_of_the_page_root_as_they_are(browser, site_url, path):
    """A class that changes on <html> restyles the whole page; the head sets the one the theme styles by."""
    context = browser.new_context()
    context.add_init_script(ROOT_CLASSES)
    try:
        page = context.new_page()
        page.goto(site_url + path)
        scripts_started(page)
        assert set(page.evaluate("rootClasses")) == {"js"}
    finally:
        context.close()


def test_without_javascript_the_page_keeps_the_no_js_styles(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url)
        expect(page.locator("html")).to_have_class("no-js")
    finally:
        context.close()


def test_linked_tabs_switch_together_and_follow_to_other_pages(open_page, site_url):
    page, _ = open_page("compare/")
    names = [mode.name for mode in GUIDE.modes]
    sets = page.locator(".tabbed-set")
    assert sets.count() >= 2, "the compare page should hold two linked tab sets"
    assert set(page.evaluate(CHOSEN_TABS)) == {names[0]}
    for name in names[1:] + names[:1]:
        tab_label(sets.first, name).click()
        assert set(page.evaluate(CHOSEN_TABS)) == {name}
        page.wait_for_function(OPEN_TAB_UNDERLINED)  # the chosen tab is marked by shape, not colour alone
    tab_label(sets.last, names[-1]).click()
    assert set(page.evaluate(CHOSEN_TABS)) == {names[-1]}
    page.goto(site_url)
    scripts_started(page)
    assert set(page.evaluate(CHOSEN_TABS)) == {names[-1]}
