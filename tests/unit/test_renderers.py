"""Pure renderers on the minimal fixture: expected text comes from the fixture itself."""

import datetime
import html
import re

import pytest
from bs4 import BeautifulSoup

from conftest import FIXTURES, site_markdown
from macros.faq import render_faq, render_faq_links
from macros.load import parse_guide
from macros.markup import Links, close_directions, escape, links_for, md_block, md_text
from macros.model import Cell, Dimension, Guide, Mode
from macros.context import render_variants
from macros.pages import fact_link, render_abbreviations, render_glance_tabs, render_glossary, render_mode_page, render_sources
from macros.timeline import render_timeline
from macros.tables import render_comparison_table, render_key_differences, wrap_markdown_tables

GUIDE = parse_guide((FIXTURES / "minimal.yml").read_bytes(), "minimal.yml", datetime.date(2026, 6, 1))
LINKS = links_for("compare/", "compare.md")


def rendered(text: str) -> BeautifulSoup:
    """Markdown rendered with the site's extensions, parsed."""
    return BeautifulSoup(site_markdown(text), "html.parser")


def with_changes(guide: Guide, **changes) -> Guide:
    """A copy of the guide with some top-level lists replaced."""
    return guide.model_copy(update=changes)


def test_comparison_table_has_every_label_value_and_mode():
    out = render_comparison_table(GUIDE, LINKS)
    for dimension in GUIDE.dimensions:
        assert f'<tr id="{dimension.id}"><th scope="row">{dimension.label}</th>' in out
        for mode in GUIDE.modes:
            assert html.escape(dimension.values[mode.id].value) in out
    for mode in GUIDE.modes:
        assert f'<th scope="col"><a href="../modes/{mode.id}/">{mode.name}</a>' in out
    assert "<caption>Stock: the modes compared</caption>" in out
    assert out.startswith("## Stock {#stock}")


def test_comparison_cites_sources_by_number_and_shows_checked_date():
    out = render_comparison_table(GUIDE, LINKS)
    assert '<a href="../sources/#src-two" title="Source 2">[2]</a>' in out
    assert '<time datetime="2026-01-01">2026-01-01</time>' in out


def test_a_third_mode_adds_a_column_everywhere():
    gamma = GUIDE.modes[0].model_copy(update={"id": "gamma", "name": "Gamma"})
    cell = Cell(value="Gamma warehouse", sources=["src-one"], checked=datetime.date(2026, 1, 1))
    row = GUIDE.dimensions[0].model_copy(update={"values": {**GUIDE.dimensions[0].values, "gamma": cell}})
    guide = with_changes(GUIDE, modes=[*GUIDE.modes, gamma], dimensions=[row])
    for out in (render_comparison_table(guide, LINKS), render_key_differences(guide, LINKS)):
        assert out.count('<th scope="col">') == 4
        assert "Gamma" in out
    assert render_comparison_table(GUIDE, LINKS).count('<th scope="col">') == 3


def test_hostile_text_is_literal_in_tables():
    hostile = "<script>alert(1)</script> | {{ config }} {% if %} {# [x](javascript:y) *em*"
    cell = Cell(value=hostile, sources=["src-one"], checked=datetime.date(2026, 1, 1))
    row = GUIDE.dimensions[0].model_copy(update={"label": hostile, "values": {"alpha": cell, "beta": cell}})
    out = render_comparison_table(with_changes(GUIDE, dimensions=[row]), LINKS)
    assert "<script" not in out and "{{" not in out and "{%" not in out
    page = rendered(out)
    assert not page.find_all(["script", "em"]) and not page.find_all("a", href=re.compile("javascript"))
    assert [td.select_one(".value").get_text() for td in page.select("td")] == [hostile, hostile]
    assert page.select_one("th[scope=row]").get_text() == hostile


def test_markdown_tables_are_wrapped_to_scroll_on_their_own_and_the_guides_tables_are_left_alone():
    page = ("<table><tr><td>a</td></tr></table><p>x</p><table class=\"comparison\"><tr><td>b</td></tr></table>"
            "<table>\n<tr><td>c</td></tr>\n</table>")
    soup = BeautifulSoup(wrap_markdown_tables(page), "html.parser")
    wrappers = soup.select("div.md-typeset__scrollwrap[tabindex='0'][role=region] > div.md-typeset__table > table")
    assert [table.get_text(strip=True) for table in wrappers] == ["a", "c"]
    assert [w.parent.parent["aria-label"] for w in wrappers] == ["Table 1, scrolls sideways", "Table 2, scrolls sideways"]
    assert soup.select_one("table.comparison").parent.name == "[document]"
    assert wrap_markdown_tables("<p>no table</p>") == "<p>no table</p>"


def test_key_differences_lists_only_key_rows():
    extra = Dimension(
        id="not-key", category="stock", label="Not a key row", values=GUIDE.dimensions[0].values
    )
    guide = with_changes(GUIDE, dimensions=[*GUIDE.dimensions, extra])
    out = render_key_differences(guide, LINKS)
    assert GUIDE.dimensions[0].label in out
    assert "Not a key row" not in out
    assert 'href="../compare/#where-stock-sits"' in out


def test_faq_question_is_a_heading_with_the_data_id_and_a_collapsible_answer():
    out = render_faq(GUIDE, links_for("faq/", "faq.md"))
    entry = GUIDE.faq[0]
    assert f"### {md_text(entry.question)} {{#{entry.id}}}\n\n??? question faq \"Answer\"\n" in out
    assert "    The seller in Alpha; the platform in Beta." in out
    assert out.startswith("## Stock {#stock}")
    assert "Applies to: Alpha, Beta" in out


def test_faq_answer_html_is_neutralised_and_guide_links_resolve_from_the_page():
    answer = 'Use <script>x()</script> and see [row](compare.md#where-stock-sits). {: onclick="x()" }'
    entry = GUIDE.faq[0].model_copy(update={"answer": answer})
    out = render_faq(with_changes(GUIDE, faq=[entry]), links_for("modes/alpha/", "modes/alpha.md"))
    assert "<script>" not in out and "&lt;script>" in out
    assert "](../compare.md#where-stock-sits)" in out
    assert "{: onclick" not in out


HOSTILE = [
    "a *b* _c_ `d` [e](https://f.example) ![g](h) <i>j</i> {{ k }} {% l %} {# m {: .n } \\o &amp; ~p~ |q|",
    "1. not a list", "# not a heading", "- not an item", "+ not an item", "=== not a tab", "!!! not a note",
    "??? not details", "*[not]: an abbreviation", "``` not a fence", "> not a quote", ": not a definition",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_md_text_is_literal_on_a_markdown_line(text):
    page = rendered(md_text(text + "\nsecond line"))
    assert [element.name for element in page.find_all(True)] == ["p"]
    assert page.get_text() == f"{text} second line"
    assert "{{" not in md_text(text) and "{%" not in md_text(text) and "{#" not in md_text(text)


def test_md_block_keeps_formatting_lists_and_links():
    page = rendered(md_block("Some **bold** and a [link](https://x.example).\n\n- one\n- two", LINKS))
    assert page.find("strong").get_text() == "bold"
    assert page.find("a")["href"] == "https://x.example"
    assert [li.get_text() for li in page.find_all("li")] == ["one", "two"]


@pytest.mark.parametrize("line", [
    '!!! note "x"', '??? question "x"', '=== "x"', "```", "~~~", "*[HTML]: x", "[^1]: x", "<details>", "</details>",
    "<!-- x -->", '{: onclick="x()" }', "![alt](https://tracker.example/p.png)", "   !!! note", "  ``` python",
])
def test_md_block_opens_no_block_and_loads_no_image(line):
    page = rendered(md_block(f"Before.\n\n{line}\n    indented\n\nAfter.", LINKS))
    assert not page.find_all(["details", "div", "img", "abbr", "script", "table"]), line
    assert not [a for e in page.find_all(True) for a in e.attrs if a.startswith("on")]
    visible = "".join(page.get_text().split())
    assert "".join(line.replace("![alt](https://tracker.example/p.png)", "!alt").split()) in visible


@pytest.mark.parametrize("text, closed", [
    ("plain", "plain"), ("a\u202eb", "a\u202eb\u202c"), ("a\u202eb\u202cc", "a\u202eb\u202cc"),
    ("\u2067x\u202ey", "\u2067x\u202ey\u202c\u2069"), ("\u2067x\u202ey\u2069", "\u2067x\u202ey\u2069"),
    ("\u202d\u202e", "\u202d\u202e\u202c\u202c"), ("\u200f right-to-left mark only", "\u200f right-to-left mark only"),
])
def test_direction_overrides_are_closed_at_the_end_of_the_text(text, closed):
    assert close_directions(text) == closed
    assert escape(text).endswith(html.escape(closed)[-1])


def test_links_depend_on_page_depth():
    assert Links("../").to("faq", "x") == "../faq/#x"
    assert links_for("", "index.md").to("sources") == "sources/"
    assert links_for("", "index.md").to("") == "./"
    assert links_for("modes/alpha/", "modes/alpha.md").md("faq", "x") == "../faq.md#x"


def test_mode_page_filters_faq_and_names_known_ids_on_unknown_id():
    out = render_mode_page(GUIDE, "alpha", LINKS)
    assert out.startswith("# Alpha <span lang=\"zh\">甲</span>")
    assert md_text("Alpha is fast.") in out and md_text("Beta is easy.") not in out
    assert render_faq_links(GUIDE, "alpha", LINKS) in out
    with pytest.raises(ValueError, match="unknown mode id 'gamma'; known mode ids: alpha, beta"):
        render_mode_page(GUIDE, "gamma", LINKS)


def test_faq_links_only_for_entries_of_that_mode():
    only_alpha = GUIDE.faq[0].model_copy(update={"modes": ["alpha"]})
    guide = with_changes(GUIDE, faq=[only_alpha])
    assert "who-holds-stock" in render_faq_links(guide, "alpha", LINKS)
    assert render_faq_links(guide, "beta", LINKS) == ""


def test_glossary_and_abbreviations_cover_english_and_chinese_terms():
    term = GUIDE.glossary[0]
    assert f'<tr id="{term.id}"><th scope="row">{term.term}</th><td lang="zh">{term.chinese}</td>' in render_glossary(GUIDE)
    abbreviations = render_abbreviations(GUIDE)
    assert f"*[{term.term}]: {term.definition}" in abbreviations
    assert f"*[{term.chinese}]: {term.definition}" in abbreviations


def test_sources_are_numbered_in_list_order_with_safe_links():
    out = render_sources(GUIDE, links_for("sources/", "sources.md"))
    assert '<li id="src-one" value="1"><a href="https://one.example/page" rel="noopener noreferrer">' in out
    assert '<li id="src-two" value="2">' in out
    assert "Publisher Two; date not shown." in out


def test_mode_model_rejects_boolean_name():
    data = GUIDE.modes[0].model_dump()
    data["name"] = False
    with pytest.raises(ValueError):
        Mode.model_validate(data)


def test_glance_tabs_have_one_tab_per_mode_with_its_summary_and_whom_it_suits():
    out = render_glance_tabs(GUIDE, LINKS)
    tabs = out.split("\n=== ")
    assert [t.removeprefix("=== ").split("\n")[0] for t in tabs] == [f'"{m.name}"' for m in GUIDE.modes]
    for tab, mode in zip(tabs, GUIDE.modes):
        assert md_text(mode.summary) in tab
        assert all(md_text(point.text) in tab for point in mode.suits)
        assert f"(modes/{mode.id}.md)" in tab
        others = [m for m in GUIDE.modes if m is not mode]
        assert not any(md_text(m.summary) in tab for m in others)
        assert all(line.startswith("    ") for line in tab.split("\n")[1:] if line.strip())


def test_sources_list_the_facts_relying_on_them():
    out = render_sources(GUIDE, links_for("sources/", "sources.md"))
    two = out[out.index('<li id="src-two"'):]
    facts_citing_two = 1 + 3 + 1 + 1  # beta mode, its three points, one comparison cell, one FAQ entry
    assert f"Relied on by {facts_citing_two} facts" in two
    assert '<a href="../compare/#where-stock-sits">Where stock sits (Beta)</a>' in two
    assert '<a href="../modes/beta/#who-it-suits">Beta</a>' in two
    assert '<a href="../faq/#who-holds-stock">Who holds the stock?</a>' in two


def test_fact_link_names_page_and_anchor():
    assert fact_link(GUIDE, ("modes", 0, "risks", 0, "sources", 0)) == ("Alpha", "modes/alpha", "risks")
    assert fact_link(GUIDE, ("modes", 0, "sources", 0)) == ("Alpha", "modes/alpha", None)
    assert fact_link(GUIDE, ("timeline", 1, "sources", 0)) == ("Beta starts", "timeline", "beta-starts")
    assert fact_link(GUIDE, ("variants", 0, "known", 0, "sources", 0)) == ("Alpha Fast", "context", "alpha-fast")


def test_timeline_sorts_by_date_groups_by_year_and_respects_precision():
    out = render_timeline(GUIDE, LINKS)
    assert out.index("## 2022") < out.index("## 2024")
    assert '<time datetime="2024-03-01">Mar 2024</time>' in out
    assert '<time datetime="2022-09-15">15 Sep 2022</time>' in out
    assert "<p>Beta opens first.</p>" in out
    assert '<li id="alpha-starts">' in out


def test_variants_are_labelled_as_context_with_known_and_unknown():
    out = render_variants(GUIDE, LINKS)
    assert out.startswith("## Alpha Fast {#alpha-fast}")
    assert "<strong>Context, not a main mode</strong> · Sub-mode · related to Alpha" in out
    assert md_text("It ships from far away.") in out
    assert md_text("Whether it lasts.") in out


def test_glossary_terms_in_table_cells_get_tooltips():
    out = render_comparison_table(GUIDE, LINKS)
    term = GUIDE.glossary[0]
    assert f'<td><span class="value">{GUIDE.dimensions[0].values["alpha"].value}</span>' in out  # no term inside
    cell = Cell(value=f"{term.term} and Alphabet and {term.chinese}仓", sources=["src-one"], checked=datetime.date(2026, 1, 1))
    row = GUIDE.dimensions[0].model_copy(update={"values": {"alpha": cell, "beta": cell}})
    out = render_comparison_table(with_changes(GUIDE, dimensions=[row]), LINKS)
    tip = f'<abbr title="{term.definition}">'
    assert f"{tip}{term.term}</abbr> and Alphabet and {term.chinese}仓" in out, "whole words only"


def test_abbreviation_tooltips_hold_any_definition_and_skip_terms_the_syntax_cannot_hold():
    terms = [
        GUIDE.glossary[0].model_copy(update={"term": "Term: with colon", "chinese": None,
                                             "definition": 'Says "hi" & <b>bold</b> [x](y) {{ z }}\nnext line'}),
        GUIDE.glossary[0].model_copy(update={"id": "odd", "term": "odd]term", "chinese": "back\\slash", "definition": "Odd."}),
    ]
    definitions = render_abbreviations(with_changes(GUIDE, glossary=terms))
    page = rendered("Term: with colon and odd]term appear here.\n" + definitions)
    assert [(a.get_text(), a["title"]) for a in page.find_all("abbr")] == [
        ("Term: with colon", 'Says "hi" & <b>bold</b> [x](y) {{ z }} next line'),
    ]
    assert page.get_text().strip() == "Term: with colon and odd]term appear here.", "no definition line is left as text"


def test_glossary_tooltips_never_split_a_character_reference():
    term = GUIDE.glossary[0].model_copy(update={"term": "lt", "chinese": "91"})
    cell = Cell(value="a < b [91] lt", sources=["src-one"], checked=datetime.date(2026, 1, 1))
    row = GUIDE.dimensions[0].model_copy(update={"values": {"alpha": cell, "beta": cell}})
    out = render_comparison_table(with_changes(GUIDE, dimensions=[row], glossary=[term]), LINKS)
    value = rendered(out).select_one("td .value")
    assert value.get_text() == "a < b [91] lt"
    assert [abbr.get_text() for abbr in value.find_all("abbr")] == ["91", "lt"], "the words, not &lt; or &#91;"
