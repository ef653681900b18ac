"""In Chromium: a "Suggest a correction" link leads to the how-to page, which names the entry and its line."""

import functools
import http.server
import threading

import pytest

from browser.conftest import scripts_started
from conftest import ROOT
from macros import DATA_FILE
from macros.load import load_located

GUIDE, LINES = load_located(ROOT / DATA_FILE, ROOT)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def chromium(browser):
    """The session's Chromium (tests/browser/conftest.py): one Playwright per test run."""
    return browser


@pytest.fixture(scope="module")
def served_site(built_site):
    """The built site over HTTP on a free loopback port, stopped after the tests."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(built_site))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


def test_correction_link_from_a_faq_entry_names_it_on_the_how_to_page(chromium, served_site):
    entry = GUIDE.faq[3]
    page = chromium.new_page()
    page.goto(f"{served_site}faq/#{entry.id}")
    scripts_started(page)
    page.locator(f"#{entry.id} + details a.suggest-edit").click()
    target = page.locator("#correction-target")
    target.wait_for(state="visible")
    assert page.url.startswith(f"{served_site}corrections/")
    assert target.inner_text() == (
        f"You came from the entry with id {entry.id}. It starts on line {LINES[entry.id]} of data/guide.yml."
    )
    page.close()


def test_how_to_page_ignores_a_crafted_query(chromium, served_site):
    page = chromium.new_page()
    page.goto(f"{served_site}corrections/?entry=%3Cimg%20src%3Dx%3E&line=1")
    scripts_started(page)
    assert page.locator("#correction-target").is_hidden()
    page.goto(f"{served_site}corrections/")
    scripts_started(page)
    assert page.locator("#correction-target").is_hidden()
    page.close()
