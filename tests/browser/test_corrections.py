"""In Chromium: a "Suggest a correction" link leads to the how-to page, which names the entry and its line."""

import pytest

from browser.conftest import scripts_started
from conftest import ROOT
from macros import DATA_FILE
from macros.load import load_located

GUIDE, LINES = load_located(ROOT / DATA_FILE, ROOT)

pytestmark = pytest.mark.browser


def test_correction_link_from_a_faq_entry_names_it_on_the_how_to_page(open_page, site_url):
    entry = GUIDE.faq[3]
    page, _ = open_page(f"faq/#{entry.id}")
    page.locator(f"#{entry.id} + details a.suggest-edit").click()
    target = page.locator("#correction-target")
    target.wait_for(state="visible")
    assert page.url.startswith(f"{site_url}corrections/")
    assert target.inner_text() == (
        f"You came from the entry with id {entry.id}. It starts on line {LINES[entry.id]} of data/guide.yml."
    )


def test_how_to_page_ignores_a_crafted_query(open_page, site_url):
    page, _ = open_page("corrections/?entry=%3Cimg%20src%3Dx%3E&line=1")
    assert page.locator("#correction-target").is_hidden()
    page.goto(f"{site_url}corrections/")
    scripts_started(page)
    assert page.locator("#correction-target").is_hidden()
