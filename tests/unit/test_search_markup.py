"""What the renderers show readers for search: other names on rows and FAQ entries, noise marked out."""

import datetime
import html

from bs4 import BeautifulSoup

from conftest import FIXTURES
from macros.faq import render_faq
from macros.load import parse_guide
from macros.markup import NO_SEARCH, checked, cite, links_for, md_text, phrase
from macros.pages import render_sources
from macros.tables import render_comparison_table, render_key_differences

GUIDE = parse_guide((FIXTURES / "minimal.yml").read_bytes(), "minimal.yml", datetime.date(2026, 6, 1))
COMPARE = links_for("compare/", "compare.md")
FAQ = links_for("faq/", "faq.md")
HOSTILE = "<b>x</b> *y* [z](w) {: .c } {{ v }}"


def with_row_aliases(aliases: list[str]):
    row = GUIDE.dimensions[0].model_copy(update={"aliases": aliases})
    return GUIDE.model_copy(update={"dimensions": [row]})


def with_also_asked(phrasings: list[str]):
    entry = GUIDE.faq[0].model_copy(update={"also_asked": phrasings})
    return GUIDE.model_copy(update={"faq": [entry]})


def test_row_header_shows_the_other_names_below_the_label():
    row = GUIDE.dimensions[0]
    out = render_comparison_table(with_row_aliases(["stock place", "仓库"]), COMPARE)
    assert (f'<th scope="row">{row.label}<span class="also">also: stock place, '
            '<span lang="zh">仓库</span></span></th>') in out


def test_row_header_without_aliases_is_the_label_alone():
    row = GUIDE.dimensions[0]
    assert f'<th scope="row">{row.label}</th>' in render_comparison_table(GUIDE, COMPARE)
    assert 'class="also"' not in render_comparison_table(GUIDE, COMPARE)


def test_row_aliases_are_escaped():
    out = render_comparison_table(with_row_aliases([HOSTILE]), COMPARE)
    assert "<b>x</b>" not in out
    shown = BeautifulSoup(out.split("\n\n", 1)[1], "html.parser").select_one("th .also").get_text()
    assert shown == f"also: {HOSTILE}"


def test_comparison_tables_are_left_out_of_page_search_entries():
    for out in (render_comparison_table(GUIDE, COMPARE), render_key_differences(GUIDE, COMPARE)):
        assert f'<table class="comparison" {NO_SEARCH}>' in out


def test_faq_answer_ends_with_the_other_phrasings_then_the_meta_line_out_of_search():
    out = render_faq(with_also_asked(["Where is my stock?", "库存在哪里"]), FAQ)
    phrasings = 'Also asked as: <q>Where is my stock?</q> · <q><span lang="zh">库存在哪里</span></q>\n    {: .also-asked }'
    assert phrasings in out
    assert out.index(phrasings) < out.index("Applies to:")
    assert f"{{: .faq-meta {NO_SEARCH} }}" in out


def test_faq_without_other_phrasings_has_no_such_paragraph():
    assert "Also asked as" not in render_faq(GUIDE, FAQ)


def test_other_phrasings_are_literal_markdown_and_html():
    out = render_faq(with_also_asked([HOSTILE]), FAQ)
    assert f"<q>{md_text(HOSTILE)}</q>" in out
    assert "<b>" not in out and "*y*" not in out and "{: .c }" not in out and "{{ v }}" not in out


def test_chinese_is_marked_only_when_the_phrase_is_chinese_only():
    assert phrase("半托管") == '<span lang="zh">半托管</span>'
    assert phrase("半托管 meaning") == "半托管 meaning"
    assert phrase("semi managed") == "semi managed"


def test_citations_dates_and_the_source_list_are_left_out_of_search():
    numbers = {"src-one": 1}
    assert cite(["src-one"], numbers, FAQ).startswith(f'<sup class="cite" {NO_SEARCH}>')
    assert checked(datetime.date(2026, 1, 2)).startswith(f'<span class="checked" {NO_SEARCH}>')
    assert render_sources(GUIDE, links_for("sources/", "sources.md")).startswith(f'<ol class="sources" {NO_SEARCH}>')
