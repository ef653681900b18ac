"""Browser fixtures: the built site served on loopback, Debian's Chromium driven by Playwright."""

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from conftest import ROOT
from macros import DATA_FILE
from macros.load import load_guide
from tools.local_site import serve_folder

GUIDE = load_guide(ROOT / DATA_FILE, ROOT)
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
expect.set_options(timeout=15_000)  # the machine may be busy; a real failure still fails
PHONE = {"viewport": {"width": 375, "height": 812}, "is_mobile": True, "has_touch": True}


def site_pages() -> list[str]:
    """Every page's path below the site root: one per Markdown file, one per mode, and the 404 page."""
    docs = ROOT / "docs"
    pages = []
    for source in sorted(docs.rglob("*.md")):
        url = source.relative_to(docs).with_suffix("").as_posix()
        url = url.removesuffix("index")
        pages.append(url if url.endswith("/") or not url else url + "/")
    return pages + [f"modes/{mode.id}/" for mode in GUIDE.modes] + ["404.html"]


@pytest.fixture(scope="session")
def site_url(built_site):
    """The built site on a free loopback port, stopped after the session."""
    with serve_folder(built_site) as url:
        yield url


@dataclass
class Watch:
    """What a page asked for and what went wrong while it ran."""

    origin: str
    requests: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def attach(self, page: Page) -> None:
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("console", lambda message: message.type == "error" and self.problems.append(
            f"console error: {message.text}"))
        page.on("pageerror", lambda error: self.problems.append(f"script error: {error}"))
        page.on("requestfailed", self._failed)
        page.on("response", lambda response: response.status >= 400 and self.problems.append(
            f"HTTP {response.status}: {response.url}"))

    def _failed(self, request) -> None:
        # ERR_ABORTED: the browser dropped a request because the test moved on to another page.
        if request.failure != "net::ERR_ABORTED":
            self.problems.append(f"failed request: {request.url} ({request.failure})")

    def off_site(self) -> list[str]:
        """Requests to anything but the test server."""
        return [url for url in self.requests if not url.startswith(self.origin)]


@pytest.fixture
def open_page(browser, site_url):
    """Opens a page in a fresh browser context; returns the page and its Watch."""
    contexts = []

    def open_(path: str = "", wait_until: str = "load", without_features: tuple[str, ...] = (),
              **context_options) -> tuple[Page, Watch]:
        context = browser.new_context(**context_options)
        contexts.append(context)
        # Requests elsewhere are recorded by the Watch, then refused, so a test never leaves the machine.
        context.route(lambda url: not url.startswith(site_url), lambda route: route.abort())
        if without_features:
            context.route(lambda url: url.startswith(site_url), lambda route: serve_without(route, without_features))
        page = context.new_page()
        watch = Watch(site_url)
        watch.attach(page)
        page.goto(site_url + path, wait_until=wait_until)
        if context_options.get("java_script_enabled", True):  # without JavaScript nothing marks the scripts started
            scripts_started(page)
        return page, watch

    yield open_
    for context in contexts:
        # A handler still fetching when the context closes (the search worker loads late) must not
        # raise into the next test.
        context.unroute_all(behavior="ignoreErrors")
        context.close()


def serve_without(route, features: tuple[str, ...]) -> None:
    """Serve pages as if mkdocs.yml's theme.features did not list these features (other files as they are)."""
    if route.request.resource_type != "document":
        route.fallback()
        return
    response = route.fetch()
    settings = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
    page = response.text()
    config = json.loads(settings.search(page).group(2))
    config["features"] = [feature for feature in config["features"] if feature not in features]
    route.fulfill(response=response, body=settings.sub(lambda m: m.group(1) + json.dumps(config) + m.group(3), page))


def scripts_started(page: Page) -> None:
    """Wait until the page's scripts, started after its first paint, have all run."""
    page.wait_for_selector("html[data-scripts=started]", state="attached")


@pytest.fixture(scope="session")
def axe_script() -> Path:
    """axe-core as pinned in package-lock.json (installed by `make test`)."""
    if not AXE.exists():
        pytest.fail(f"{AXE.relative_to(ROOT)} is missing: run `make test` (it runs npm ci)", pytrace=False)
    return AXE


def axe_violations(page: Page, axe_script: Path, within: str | None = None) -> list[str]:
    """axe-core's violations on the page as it is now (or on the elements `within` selects), one line per rule and element."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(axe_script))
        # The site lets the browser skip rendering what is off screen; axe must see all of it.
        page.add_style_tag(content="* { content-visibility: visible !important; }")
    result = page.evaluate("within => axe.run(within || document, {resultTypes: ['violations']})", within)
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at {node['target']}"
        for violation in result["violations"] for node in violation["nodes"]
    ]


def answer(page: Page, faq_id: str):
    """The collapsible answer that follows a FAQ question."""
    return page.locator(f"h3[id='{faq_id}'] + details")


def search(page: Page, query: str) -> None:
    """Type a query once the search index is ready, and wait for its results."""
    meta = page.locator(".md-search-result__meta")
    expect(meta).to_have_text("Type to start searching", timeout=30_000)
    box = page.locator("input.md-search__input")
    box.fill(query)
    box.press("End")  # Material searches on key-up: one key-up, one search, one stable result list
    expect(meta).to_contain_text("matching document")


CHOSEN_TABS = """() => [...document.querySelectorAll('.tabbed-set')].map(set => {
    const input = set.querySelector(':scope > input:checked');
    return set.querySelector(`label[for="${input.id}"]`).textContent.trim();
})"""


def tab_label(tab_set, name: str):
    """The label of the tab with exactly this name in a set of content tabs."""
    return tab_set.locator(".tabbed-labels label").filter(has_text=re.compile(f"^{re.escape(name)}$"))
