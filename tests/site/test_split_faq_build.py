"""A guide with more FAQ entries than `extra.faq_page_limit`: one FAQ page per category."""

import datetime
import json

import pytest
import yaml
from bs4 import BeautifulSoup

from bench.synthetic import dump, scaled
from conftest import FIXTURES, alone_as_text, copy_project, run_build
from macros import DATA_FILE
from macros.faq import faq_by_category
from macros.load import parse_guide
from tools.local_site import serve_folder

DATA = dump(scaled(yaml.safe_load((FIXTURES / "minimal.yml").read_text(encoding="utf-8")), 3, faq_total=7))
GUIDE = parse_guide(DATA.encode("utf-8"), "scaled.yml", datetime.date.today())
GROUPS = faq_by_category(GUIDE)
LIMIT = len(GUIDE.faq) - 1


def build_with_limit(root, limit) -> tuple:
    """Build a project copy with the scaled data and this FAQ page limit; (result, site)."""
    project = copy_project(root / "project")
    (project / DATA_FILE).write_text(DATA, encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  faq_page_limit: 150" in text
    config.write_text(text.replace("  faq_page_limit: 150", f"  faq_page_limit: {limit}"), encoding="utf-8")
    return run_build(project, root / "site"), root / "site"


@pytest.fixture(scope="module")
def split_site(tmp_path_factory):
    result, site = build_with_limit(tmp_path_factory.mktemp("split"), LIMIT)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def page(site, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_the_fixture_has_categories_of_different_sizes():
    assert len(GROUPS) >= 2 and len({len(entries) for _, entries in GROUPS}) >= 2


def test_one_page_per_category_with_only_its_questions(split_site):
    for category, entries in GROUPS:
        article = page(split_site, f"faq/{category.id}").select_one("article")
        assert article.find("h1")["id"] == category.id
        questions = article.find_all("h2")
        assert [h["id"] for h in questions] == [e.id for e in entries]
        assert all(h.find_next_sibling().name == "details" for h in questions)


def test_faq_index_lists_topics_with_counts_and_holds_no_questions(split_site):
    article = page(split_site, "faq").select_one("article")
    links = [(a["href"], a.parent.get_text(" ", strip=True)) for a in article.select(".faq-index li > a")]
    assert links == [(f"{c.id}/", f"{c.name} · {len(e)} question{'s' if len(e) > 1 else ''}") for c, e in GROUPS]
    assert not article.find_all(["h2", "h3", "details"])
    assert not [e.id for e in GUIDE.faq if article.find(id=e.id)]


def test_locations_map_and_search_point_at_category_pages(split_site):
    expected = {e.id: f"faq/{e.category}/#{e.id}" for e in GUIDE.faq}
    locations = json.loads((split_site / "faq" / "locations.json").read_text(encoding="utf-8"))
    assert {e: f"faq/{page}#{e}" for page, ids in locations.items() for e in ids} == expected
    index = json.loads((split_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    found = {doc["location"] for doc in index["docs"]}
    assert set(expected.values()) <= found
    assert not {f"faq/#{e.id}" for e in GUIDE.faq} & found


def json_ld(site, path: str) -> list:
    return [json.loads(s.string) for s in page(site, path).select('script[type="application/ld+json"]')]


def test_each_topic_page_carries_the_json_ld_of_its_questions_and_the_index_none(split_site):
    assert json_ld(split_site, "faq") == []
    for category, entries in GROUPS:
        (data,) = json_ld(split_site, f"faq/{category.id}")
        assert data["url"].endswith(f"/faq/{category.id}/")
        assert [q["url"].split("/faq/")[1] for q in data["mainEntity"]] == [f"{category.id}/#{e.id}" for e in entries]
        assert [q["acceptedAnswer"]["text"] for q in data["mainEntity"]] == [alone_as_text(e.answer) for e in entries]


def test_mode_pages_link_the_category_pages_of_their_questions(split_site):
    for mode in GUIDE.modes:
        links = {a["href"] for a in page(split_site, f"modes/{mode.id}").select("#questions ~ ul a")}
        assert links == {f"../../faq/{e.category}/#{e.category}" for e in GUIDE.faq if mode.id in e.modes}


def test_nav_lists_every_topic_under_faq(split_site):
    nav = page(split_site, "").select_one("nav.md-nav--primary")
    hrefs = {a["href"] for a in nav.select("a")}
    assert {f"faq/{c.id}/" for c, _ in GROUPS} <= hrefs


def test_at_the_limit_the_faq_stays_one_page(tmp_path):
    result, site = build_with_limit(tmp_path, len(GUIDE.faq))
    assert result.returncode == 0, result.stderr
    article = page(site, "faq").select_one("article")
    assert [h["id"] for h in article.find_all("h3")] == [e.id for _, entries in GROUPS for e in entries]
    assert not [p for p in (site / "faq").iterdir() if p.is_dir()]
    assert not (site / "faq" / "locations.json").exists()


@pytest.mark.parametrize("limit", ["0", "many", "true"])
def test_a_bad_limit_fails_the_build_with_a_message(tmp_path, limit):
    result, site = build_with_limit(tmp_path, limit)
    assert result.returncode != 0
    assert "extra.faq_page_limit must be a whole number of at least 1" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr


@pytest.fixture
def served_split_site(split_site):
    """The split site over HTTP on a free loopback port (fetch() needs http, not file://)."""
    with serve_folder(split_site) as url:
        yield url.rstrip("/")


@pytest.mark.browser
def test_an_old_one_page_link_lands_on_the_open_answer(served_split_site, browser):
    _, entries = GROUPS[-1]
    entry = entries[-1]
    tab = browser.new_page()
    try:
        tab.goto(f"{served_split_site}/faq/#{entry.id}")
        tab.wait_for_url(f"{served_split_site}/faq/{entry.category}/#{entry.id}", timeout=10_000)
        tab.wait_for_function(f"document.getElementById('{entry.id}').nextElementSibling.open", timeout=10_000)
        tab.goto(f"{served_split_site}/faq/#no-such-question")
        tab.wait_for_timeout(500)
        assert tab.url.endswith("/faq/#no-such-question")
    finally:
        tab.close()
