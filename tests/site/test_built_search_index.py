"""The real site's search index: rows findable, Chinese segmented, other names indexed, noise left out."""

import json
import re

from bs4 import BeautifulSoup

from conftest import ROOT
from macros import DATA_FILE
from macros.load import load_guide
from macros.search_index import ALSO, as_typed

GUIDE = load_guide(ROOT / DATA_FILE, ROOT)


def index(site) -> dict:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))


def docs(site) -> dict[str, dict]:
    return {doc["location"]: doc for doc in index(site)["docs"]}


def test_search_runs_in_english_and_chinese_and_splits_chinese_words(built_site):
    config = index(built_site)["config"]
    assert config["lang"] == ["en", "zh"]
    separator = re.compile(config["separator"])
    assert separator.split("半托管\u200b全托管") == ["半托管", "全托管"]
    assert separator.split("sample (寄样), CPC?") == ["sample", "寄样", "CPC", ""]
    assert separator.split("0.5% fee.") == ["0.5%", "fee", ""]
    assert config["fields"][ALSO]["boost"] == config["fields"]["title"]["boost"]


def test_every_comparison_row_is_a_search_result_of_its_own(built_site):
    found = docs(built_site)
    for dimension in GUIDE.dimensions:
        entry = found.get(f"compare/#{dimension.id}")
        assert entry is not None, dimension.id
        assert entry["title"].replace("\u200b", "") == " ".join(dimension.label.split())
    locations = [doc["location"] for doc in index(built_site)["docs"]]
    assert locations.index("compare/") < min(locations.index(f"compare/#{d.id}") for d in GUIDE.dimensions)


def test_the_guide_chinese_terms_are_whole_words_in_the_index(built_site):
    text = "".join(doc["text"] + doc["title"] + doc.get(ALSO, "") for doc in index(built_site)["docs"])
    words = set(text.split("\u200b"))
    for term in {m.chinese for m in GUIDE.modes} | {"备货单", "保证金", "核价", "寄样"}:
        assert term in words, term


def test_faq_entries_carry_their_other_phrasings(built_site):
    found = docs(built_site)
    for entry in (e for e in GUIDE.faq if e.also_asked):
        doc = found[f"faq/#{entry.id}"]
        first = entry.also_asked[0].replace(" ", "")
        assert first[:6] in doc[ALSO].replace("\u200b", "").replace(" ", ""), entry.id
        assert "Also asked as" in doc["text"], "readers see the same words"


def test_citations_dates_meta_lines_and_the_source_list_are_not_indexed(built_site):
    found = docs(built_site)
    for location, doc in found.items():
        assert not re.search(r"checked \d{4}-\d\d-\d\d|Applies to:|\[\d+\]", doc["text"]), location
    assert found["sources/#list"]["text"] == ""
    assert "sources/#method" in found, "the rest of the Sources page stays searchable"


def test_the_correction_how_tos_example_link_is_not_searched(built_site):
    """Its example id is made of question words: searched, it put the how-to among the answers to them."""
    page = (built_site / "corrections" / "index.html").read_text(encoding="utf-8")
    assert "faq/#" in page
    assert "faq/#" not in docs(built_site)["corrections/"]["text"]


def test_the_exclusion_marker_does_not_reach_readers(built_site):
    for page in ("faq", "compare", "sources", "corrections", ""):
        html = (built_site / page / "index.html").read_text(encoding="utf-8")
        assert "data-search-exclude" not in html, page


def test_readers_see_the_other_names(built_site):
    compare = BeautifulSoup((built_site / "compare" / "index.html").read_text(encoding="utf-8"), "html.parser")
    faq = BeautifulSoup((built_site / "faq" / "index.html").read_text(encoding="utf-8"), "html.parser")
    for dimension in (d for d in GUIDE.dimensions if d.aliases):
        shown = compare.select_one(f"tr#{dimension.id} > th .also").get_text()
        assert all(alias in shown for alias in dimension.aliases), dimension.id
    for entry in (e for e in GUIDE.faq if e.also_asked):
        paragraph = faq.select_one(f"h3#{entry.id} + details p.also-asked")
        assert paragraph is not None and paragraph.parent.name == "details", entry.id
        assert [q.get_text() for q in paragraph.find_all("q")] == entry.also_asked


def test_faq_paragraphs_are_not_nested(built_site):
    html = (built_site / "faq" / "index.html").read_text(encoding="utf-8")
    assert not re.search(r"<p>\s*<p[ >]", html)


def test_the_search_box_gets_the_modes_other_names(built_site):
    script = (built_site / "javascripts" / "mode-names.js").read_text(encoding="utf-8")
    names = json.loads(script.removeprefix("window.guideModeNames = ").rstrip().removesuffix(";"))
    for mode in GUIDE.modes:
        for alias in mode.aliases:
            assert names[as_typed(alias)] == mode.name, alias
    html = (built_site / "faq" / "index.html").read_text(encoding="utf-8")
    assert html.index("mode-names.js") < html.index("search-query.js"), "names load before the query filter"
