"""The FAQ as one page or as one page per category: pure renderers, layout given in Links."""

import datetime
import json
import re

import markdown
import pytest

from conftest import FIXTURES
from macros.faq import (
    faq_by_category, faq_is_split, faq_pages, render_faq, render_faq_category, render_faq_index,
    render_faq_links, render_faq_locations,
)
from macros.load import parse_guide
from macros.markup import links_for, md_block
from macros.model import Category
from macros.pages import fact_link, render_abbreviations, render_sources

BASE = parse_guide((FIXTURES / "minimal.yml").read_bytes(), "minimal.yml", datetime.date(2026, 6, 1))
CATEGORIES = [*BASE.categories, Category(id="money", name="Money"), Category(id="empty", name="Nothing here")]
ENTRY = BASE.faq[0]
FAQ = [
    ENTRY.model_copy(update={"id": f"q-{n}", "question": f"Question {n}?", "category": category})
    for n, category in enumerate(["stock", "money", "stock", "money", "stock"])
]
GUIDE = BASE.model_copy(update={"categories": CATEGORIES, "faq": FAQ})
PAGES = faq_pages(GUIDE)


def ids_in(text: str) -> list[str]:
    return re.findall(r"\{#([a-z0-9-]+)\}", text)


def test_split_only_above_the_limit():
    assert not faq_is_split(GUIDE, len(FAQ))
    assert faq_is_split(GUIDE, len(FAQ) - 1)


def test_groups_keep_data_order_and_skip_empty_categories():
    groups = faq_by_category(GUIDE)
    assert [(c.id, [e.id for e in entries]) for c, entries in groups] == [
        ("stock", ["q-0", "q-2", "q-4"]), ("money", ["q-1", "q-3"])]


def test_one_page_faq_has_every_question_as_a_level_three_heading():
    out = render_faq(GUIDE, links_for("faq/", "faq.md"))
    assert ids_in(out) == ["stock", "q-0", "q-2", "q-4", "money", "q-1", "q-3"]
    assert all(f"### Question {n}? {{#q-{n}}}" in out for n in range(5))


def test_index_lists_categories_with_counts_and_no_questions():
    out = render_faq_index(GUIDE, links_for("faq/", "faq.md", PAGES))
    assert "- [Stock](faq/stock.md) · 3 questions" in out
    assert "- [Money](faq/money.md) · 2 questions" in out
    assert "Nothing here" not in out and "Question" not in out and not ids_in(out)
    assert 'data-locations="../faq/locations.json"' in out


def test_category_page_has_only_its_questions_as_level_two_headings():
    groups = faq_by_category(GUIDE)
    out = render_faq_category(GUIDE, groups, "money", links_for("faq/money/", "faq/money.md", PAGES))
    assert ids_in(out) == ["money", "q-1", "q-3"]
    assert out.startswith("# Money {#money}")
    assert "## Question 1? {#q-1}\n\n??? question faq" in out
    assert "[All topics](../faq.md)" in out
    with pytest.raises(ValueError, match="category 'empty'; categories with entries: stock, money"):
        render_faq_category(GUIDE, groups, "empty", links_for("faq/x/", "faq/x.md", PAGES))


def test_locations_map_sends_each_question_to_its_category_page():
    locations = json.loads(render_faq_locations(GUIDE))
    assert locations == {"stock/": ["q-0", "q-2", "q-4"], "money/": ["q-1", "q-3"]}
    assert {e: f"faq/{page[:-1]}" for page, ids in locations.items() for e in ids} == {
        e.id: PAGES[e.id] for e in GUIDE.faq}


def test_links_to_questions_follow_the_layout():
    one_page, split = links_for("modes/alpha/", "modes/alpha.md"), links_for("modes/alpha/", "modes/alpha.md", PAGES)
    assert one_page.md("faq", "q-3") == "../faq.md#q-3"
    assert split.md("faq", "q-3") == "../faq/money.md#q-3"
    assert split.to("faq", "q-3") == "../../faq/money/#q-3"
    assert split.md("faq", "money") == "../faq/money.md#money"
    assert split.md("faq") == "../faq.md" and split.md("compare", "q-3") == "../compare.md#q-3"
    assert "](../faq/stock.md#q-0)" in render_faq_links(GUIDE, "alpha", split)
    assert "](../faq/stock.md#q-4)" in md_block("See [this](faq.md#q-4).", split)


def test_sources_page_links_facts_to_the_page_that_holds_them():
    links = links_for("sources/", "sources.md", PAGES)
    out = render_sources(GUIDE, links)
    assert 'href="../faq/money/#q-1"' in out and 'href="../faq/#q-1"' not in out
    assert fact_link(GUIDE, ("faq", 1)) == ("Question 1?", "faq", "q-1")


def test_every_abbreviation_definition_is_applied():
    terms = [GUIDE.glossary[0].model_copy(update={"id": f"term-{n}", "term": f"Word{n}", "chinese": f"词{n}"}) for n in range(30)]
    guide = GUIDE.model_copy(update={"glossary": terms})
    text = " ".join(f"Word{n} 词{n}" for n in range(30))
    html = markdown.markdown(text + "\n" + render_abbreviations(guide), extensions=["abbr"])
    assert html.count("<abbr ") == 60
    assert "*[" not in html


def test_guide_prints_as_counts():
    assert repr(GUIDE) == str(GUIDE)
    assert "5 faq" in repr(GUIDE) and "3 categories" in repr(GUIDE) and "Question" not in repr(GUIDE)


def test_a_mode_page_of_the_split_faq_links_topics_with_counts_not_every_question():
    only_alpha = [e.model_copy(update={"modes": ["alpha"]}) if e.id == "q-4" else e for e in FAQ]
    only_alpha = [e.model_copy(update={"modes": ["beta"]}) if e.id in ("q-1", "q-3") else e for e in only_alpha]
    guide = GUIDE.model_copy(update={"faq": only_alpha})
    links = links_for("modes/alpha/", "modes/alpha.md", faq_pages(guide))
    groups = faq_by_category(guide)
    alpha = render_faq_links(guide, "alpha", links, groups)
    assert alpha.splitlines() == [f"- [{BASE.categories[0].name}](../faq/stock.md#stock) · 3 questions"]
    beta = render_faq_links(guide, "beta", links, groups)
    assert beta.splitlines()[-1] == "- [Money](../faq/money.md#money) · 2 questions"
    assert "Question" not in alpha + beta
