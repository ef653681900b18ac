"""Every page in a real browser: loads cleanly, stays on this host, 0 axe-core violations in both schemes."""

import pytest
from playwright.sync_api import expect

from browser.conftest import axe_violations, scripts_started, site_pages

PAGES = site_pages()


def test_the_page_list_covers_every_page_the_build_makes(built_site):
    built = {p.parent.relative_to(built_site).as_posix() + "/" for p in built_site.rglob("index.html")}
    built = {"" if path == "./" else path for path in built} | {"404.html"}
    assert set(PAGES) == built


@pytest.mark.browser
@pytest.mark.parametrize("path", PAGES)
def test_page_loads_cleanly_and_passes_axe_in_light_and_dark(open_page, axe_script, path):
    page, watch = open_page(path, wait_until="networkidle", color_scheme="light")  # late requests too
    assert page.locator("h1").first.is_visible()
    assert watch.problems == []
    assert watch.off_site() == []
    assert len(watch.requests) > 1, "the page's own assets should have been requested"
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")  # check answers too
    violations = {"light": axe_violations(page, axe_script)}
    page.locator("form[data-palette] label:visible").click()
    body = page.locator("body")
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    expect(body).not_to_have_attribute("data-md-color-switching", "")
    violations["dark"] = axe_violations(page, axe_script)
    assert violations == {"light": [], "dark": []}
    assert watch.problems == []


@pytest.mark.browser
def test_watch_reports_requests_to_other_hosts(open_page):
    """Negative control: a request elsewhere is recorded, refused and reported."""
    page, watch = open_page("", wait_until="networkidle")
    page.evaluate("() => fetch('http://example.com/track').catch(() => null)")
    page.wait_for_load_state("networkidle")
    assert watch.off_site() == ["http://example.com/track"]
    assert any("example.com/track" in problem for problem in watch.problems)


@pytest.mark.browser
def test_axe_reports_a_violation_when_there_is_one(open_page, axe_script):
    """Negative control: axe-core runs and reports what it finds."""
    page, _ = open_page("")
    page.evaluate("document.querySelector('.md-search').removeAttribute('aria-label')")
    assert any(line.startswith("aria-dialog-name") for line in axe_violations(page, axe_script))


AFTER_PAINT = """() => {
    const paint = performance.getEntriesByName("first-contentful-paint")[0];
    const listed = [...document.querySelectorAll("script[data-after-paint]")].map(s => s.src);
    const started = [...document.querySelectorAll("script[src]:not([type])")].map(s => s.src);
    const fetched = listed.map(src => performance.getEntriesByName(src)[0]);
    return {
        listed: listed.length,
        missing: listed.filter(src => !started.includes(src)),
        before_paint: listed.filter((src, i) => !fetched[i] || fetched[i].startTime < paint.startTime),
    };
}"""


@pytest.mark.browser
@pytest.mark.parametrize("path", ["", "faq/"])
def test_scripts_start_after_the_first_paint_and_all_run(open_page, path):
    page, watch = open_page(path)
    result = page.evaluate(AFTER_PAINT)
    assert result["listed"] >= 2, "the theme's behaviour and the guide's scripts should be listed"
    assert result["missing"] == [] and result["before_paint"] == []
    assert [url for url in watch.requests if "/assets/javascripts/bundle." in url] == [], "the theme's bundle is left out"
    assert watch.problems == []


@pytest.mark.browser
def test_scripts_run_in_their_listed_order_when_the_first_arrives_last(browser, site_url):
    """Each script is added in a task of its own; the first listed, slowest here, must still run first."""
    context = browser.new_context()

    def tagged(route):
        response = route.fetch()
        if route.request.url.endswith("/javascripts/theme/page.js"):
            context.pages[0].wait_for_timeout(400)
        name = route.request.url.rsplit("/", 1)[-1]
        route.fulfill(response=response, body=f"(window.ran = window.ran || []).push({name!r});\n" + response.text())

    context.route("**/*.js", tagged)
    try:
        page = context.new_page()
        page.goto(site_url)
        scripts_started(page)
        listed = page.evaluate("[...document.querySelectorAll('script[data-after-paint]')].map(s => s.src.split('/').pop())")
        assert len(listed) >= 2 and listed[0] == "page.js"
        assert page.evaluate("window.ran.filter(name => name !== 'after-paint.js')") == listed
    finally:
        context.close()
