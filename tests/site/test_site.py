"""The real site, built with --strict: search entries, generated pages, nothing off-site."""

import json
import re

from bs4 import BeautifulSoup

from macros import DATA_FILE
from macros.load import load_guide
from conftest import ROOT

GUIDE = load_guide(ROOT / DATA_FILE, ROOT)


def page(site, path: str) -> BeautifulSoup:
    """A built page, parsed."""
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_every_faq_id_is_its_own_search_result(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    missing = [e.id for e in GUIDE.faq if f"faq/#{e.id}" not in locations]
    assert not missing, f"FAQ ids without their own search entry: {missing}"


def test_faq_questions_are_headings_followed_by_collapsed_answers(built_site):
    soup = page(built_site, "faq")
    for entry in GUIDE.faq:
        heading = soup.find(id=entry.id)
        assert heading is not None and heading.name == "h3", entry.id
        assert heading.get_text(" ", strip=True).startswith(entry.question.split()[0])
        answer = heading.find_next_sibling()
        assert answer.name == "details" and "faq" in answer["class"]
        assert not answer.has_attr("open")


def test_compare_page_shows_every_label_and_value(built_site):
    soup = page(built_site, "compare")
    for dimension in GUIDE.dimensions:
        row = soup.find("tr", id=dimension.id)
        assert row is not None, dimension.id
        assert row.th.get_text(" ", strip=True).startswith(" ".join(dimension.label.split()))
        shown = [cell.select_one(".value").get_text() for cell in row.find_all("td")]
        assert shown == [dimension.values[m.id].value for m in GUIDE.modes], dimension.id


def test_one_page_per_mode_with_its_faq(built_site):
    for mode in GUIDE.modes:
        soup = page(built_site, f"modes/{mode.id}")
        assert mode.name in soup.find("h1").get_text()
        links = {a["href"] for a in soup.select("#questions ~ ul a")}
        expected = {f"../../faq/#{e.id}" for e in GUIDE.faq if mode.id in e.modes}
        assert links == expected


def test_glossary_terms_are_tooltips_in_page_text(built_site):
    """A glossary term the page uses, by its English or its Chinese name, is explained by a tooltip."""
    soup = page(built_site, "")
    tooltips = {(abbr.get_text(), abbr["title"]) for abbr in soup.find_all("abbr")}
    text = soup.select_one("article").get_text()
    used = [t for t in GUIDE.glossary if t.chinese and t.chinese in text]
    assert used, "the home page should use at least one Chinese glossary term"
    for term in used:
        definition = " ".join(term.definition.split())
        assert {(term.term, definition), (term.chinese, definition)} & tooltips, term.id


OFF_SITE = re.compile(r"^(https?:)?//", re.I)


def test_nothing_is_loaded_from_another_host(built_site):
    offenders = []
    for html_file in built_site.rglob("*.html"):
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"), ("source", "src")):
            for element in soup.find_all(tag):
                value = element.get(attr, "")
                if tag == "link" and element.get("rel") in (["canonical"], ["alternate"]):
                    continue
                if OFF_SITE.match(value):
                    offenders.append(f"{html_file.relative_to(built_site)}: <{tag} {attr}={value}>")
    for css in built_site.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?((?:https?:)?//[^)'\"]+)", css.read_text(encoding="utf-8")):
            offenders.append(f"{css.relative_to(built_site)}: url({url})")
    assert not offenders, "\n".join(offenders)


def test_no_script_file_runs_before_the_first_paint(built_site):
    """Script files are listed inert and started by after-paint.js, which itself waits for the parser."""
    offenders, pages = [], 0
    for html_file in built_site.rglob("*.html"):
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        scripts = soup.find_all("script", src=True)
        pages += bool(scripts)
        for script in scripts:
            inert = script.get("type") == "text/plain" and script.has_attr("data-after-paint")
            starter = script["src"].endswith("javascripts/after-paint.js") and script.has_attr("defer")
            if not (inert or starter):
                offenders.append(f"{html_file.relative_to(built_site)}: {script}")
    assert pages > 10 and not offenders, "\n".join(offenders)


def test_source_links_open_safely(built_site):
    soup = page(built_site, "sources")
    links = soup.select("ol.sources > li > a")
    assert len(links) == len(GUIDE.sources)
    for link, source in zip(links, GUIDE.sources):
        assert link["href"] == source.url and link["rel"] == ["noopener", "noreferrer"]
