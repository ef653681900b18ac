"""The change log: model and checks, where ids live, 'updated' marks, the page, the feed, correction links."""

import datetime
import xml.etree.ElementTree as ET

import pytest

from conftest import FIXTURES
from macros.changes import describe, latest_changes, newest_first, render_changes, render_feed, updated_mark
from macros.edits import Edits, edit_base_problem
from macros.faq import render_faq
from macros.load import GuideError, parse_guide, parse_located
from macros.markup import links_for
from macros.model import Change
from macros.pages import render_mode_page
from macros.tables import render_comparison_table

TODAY = datetime.date(2026, 6, 1)
VALID = (FIXTURES / "minimal.yml").read_text(encoding="utf-8")
GUIDE, LINES = parse_located(VALID.encode(), "minimal.yml", TODAY)
ATOM = "{http://www.w3.org/2005/Atom}"
SITE = "https://guide.example/"


def change(change_id: str, day: int, affects: list[str] = (), sources: list[str] = ()) -> Change:
    return Change(id=change_id, date=datetime.date(2026, 1, day), summary=f"Change {change_id}.",
                  affects=list(affects), sources=list(sources))


def with_log(*changes: Change):
    return GUIDE.model_copy(update={"changes": list(changes)})


def line_of(text: str, fragment: str) -> int:
    return text.count("\n", 0, text.index(fragment)) + 1


def at(text: str, fragment: str) -> str:
    """`line:col` where a fragment first starts."""
    index = text.index(fragment)
    return f"{line_of(text, fragment)}:{index - text.rfind(chr(10), 0, index)}"


# --- model and checks -----------------------------------------------------------


def problems(log: str) -> list[str]:
    with pytest.raises(GuideError) as caught:
        parse_guide((VALID + log).encode(), "data/guide.yml", TODAY)
    return caught.value.report().splitlines()[:-1]


def test_a_valid_change_log_loads():
    log = "changes:\n  - id: fixed-stock\n    date: 2026-01-02\n    summary: Fixed the stock row.\n    affects: [where-stock-sits, alpha]\n"
    guide = parse_guide((VALID + log).encode(), "data/guide.yml", TODAY)
    assert guide.changes == [Change(id="fixed-stock", date=datetime.date(2026, 1, 2), summary="Fixed the stock row.",
                                    affects=["where-stock-sits", "alpha"])]
    assert parse_guide(VALID.encode(), "x", TODAY).changes == []


def test_unknown_affected_id_and_source_are_located():
    log = ("changes:\n  - id: fixed-stock\n    date: 2026-01-02\n    summary: Fixed.\n"
           "    affects: [where-stock-sits, no-such-row]\n    sources: [src-nine]\n")
    text = VALID + log
    assert problems(log) == [
        f"data/guide.yml:{at(text, 'no-such-row')}: changes[0].affects[1]: unknown id 'no-such-row': "
        "name a mode, row, FAQ entry or other entry of this file",
        f"data/guide.yml:{at(text, 'src-nine')}: changes[0].sources[0]: unknown source 'src-nine': "
        "add it under `sources` first",
    ]


def test_change_may_not_name_another_change_or_be_dated_in_the_future():
    log = ("changes:\n  - id: first\n    date: 2026-01-02\n    summary: First.\n"
           "  - id: second\n    date: 2026-07-01\n    summary: Second.\n    affects: [first]\n")
    text = VALID + log
    assert problems(log) == [
        f"data/guide.yml:{at(text, '2026-07-01')}: changes[1].date: date 2026-07-01 is in the future (today is 2026-06-01)",
        f"data/guide.yml:{at(text, 'first]')}: changes[1].affects[0]: unknown id 'first': "
        "name a mode, row, FAQ entry or other entry of this file",
    ]


def test_change_ids_are_unique_across_the_file():
    log = "changes:\n  - id: alpha\n    date: 2026-01-02\n    summary: Clash.\n"
    assert problems(log) == [
        f"data/guide.yml:{at(VALID + log, 'alpha' + chr(10) + '    date')}: changes[0].id: "
        "duplicate id 'alpha' (already used by modes[0])"
    ]


def test_a_source_cited_only_by_a_change_counts_as_used():
    text = VALID + "changes:\n  - id: c\n    date: 2026-01-02\n    summary: S.\n    sources: [src-three]\n"
    text += "  # a source no fact cites\n"
    text = text.replace("sources:\n  - id: src-one", "sources:\n  - id: src-three\n    title: T\n    publisher: P\n"
                        "    url: https://three.example/\n    kind: news\n  - id: src-one")
    assert parse_guide(text.encode(), "x", TODAY).sources[0].id == "src-three"
    without = text.replace("    sources: [src-three]\n", "")
    with pytest.raises(GuideError, match="source 'src-three' is not cited by any fact"):
        parse_guide(without.encode(), "x", TODAY)


def test_entry_lines_point_at_each_entry():
    for entry_id in ("alpha", "beta", "stock", "where-stock-sits", "who-holds-stock", "src-two", "beta-starts"):
        assert LINES[entry_id] == line_of(VALID, f"  - id: {entry_id}\n")
    assert len(LINES) == sum(len(getattr(GUIDE, name)) for name in type(GUIDE).model_fields)


# --- where ids live, order, marks ---------------------------------------------------


def test_describe_names_page_and_anchor_of_every_kind_of_entry():
    assert describe(GUIDE, "alpha") == ("Alpha", "modes/alpha", None)
    assert describe(GUIDE, "stock") == ("Stock", "compare", "stock")
    assert describe(GUIDE, "where-stock-sits") == ("Where stock sits", "compare", "where-stock-sits")
    assert describe(GUIDE, "who-holds-stock") == ("Who holds the stock?", "faq", "who-holds-stock")
    assert describe(GUIDE, "term-alpha") == ("Alpha", "glossary", "term-alpha")
    assert describe(GUIDE, "beta-starts") == ("Beta starts", "timeline", "beta-starts")
    assert describe(GUIDE, "alpha-fast") == ("Alpha Fast", "context", "alpha-fast")
    assert describe(GUIDE, "src-one") == ("Source one", "sources", "src-one")
    with pytest.raises(ValueError, match="no entry with id 'nothing'"):
        describe(GUIDE, "nothing")


def test_category_without_rows_links_to_its_faq_heading_or_to_the_page():
    guide = GUIDE.model_copy(update={"categories": [*GUIDE.categories, GUIDE.categories[0].model_copy(update={"id": "empty"})]})
    assert describe(guide, "empty")[1:] == ("compare", None)
    faq_only = guide.model_copy(update={"faq": [GUIDE.faq[0].model_copy(update={"category": "empty"})]})
    assert describe(faq_only, "empty")[1:] == ("faq", "empty")


def test_newest_first_breaks_ties_by_file_order_and_latest_change_wins():
    old, same_day_first, same_day_later = change("old", 1, ["alpha"]), change("a", 5, ["alpha", "stock"]), change("b", 5, ["stock"])
    guide = with_log(same_day_first, old, same_day_later)
    assert [c.id for c in newest_first(guide)] == ["b", "a", "old"]
    latest = latest_changes(guide)
    assert latest["alpha"].id == "a" and latest["stock"].id == "b" and "beta" not in latest


def test_updated_mark_links_to_the_change():
    links = links_for("compare/", "compare.md")
    assert updated_mark(None, links) == ""
    mark = updated_mark(change("x", 7), links)
    assert 'href="../changes/#x"' in mark and '<time datetime="2026-01-07">2026-01-07</time>' in mark


def test_only_affected_rows_entries_and_modes_show_updated():
    guide = with_log(change("row-fix", 3, ["where-stock-sits", "who-holds-stock", "beta"]))
    compare = render_comparison_table(guide, links_for("compare/", "compare.md"))
    assert 'Where stock sits<a class="updated" href="../changes/#row-fix"' in compare
    assert "updated" not in render_comparison_table(GUIDE, links_for("compare/", "compare.md"))
    assert 'href="../changes/#row-fix"' in render_faq(guide, links_for("faq/", "faq.md"))
    links = links_for("modes/beta/", "modes/beta.md")
    assert 'href="../../changes/#row-fix"' in render_mode_page(guide, "beta", links)
    assert "changes/#row-fix" not in render_mode_page(guide, "alpha", links)


# --- the page and the feed -----------------------------------------------------


def test_changes_page_lists_newest_first_with_anchors_and_links_to_what_changed():
    guide = with_log(change("older", 1, ["who-holds-stock"], ["src-two"]), change("newer", 9, ["alpha"]))
    out = render_changes(guide, links_for("changes/", "changes.md"))
    assert out.index('<li id="newer">') < out.index('<li id="older">')
    assert '<a href="../modes/alpha/">Alpha</a>' in out
    assert '<a href="../faq/#who-holds-stock">Who holds the stock?</a>' in out
    assert '<a href="../sources/#src-two" title="Source 2">[2]</a>' in out
    assert "No changes recorded yet" in render_changes(GUIDE, links_for("changes/", "changes.md"))


def test_feed_is_atom_with_one_entry_per_change_and_absolute_links():
    hostile = change("hostile", 4, ["where-stock-sits"]).model_copy(update={"summary": "A <b>bold</b> & \"quoted\" change ]]>"})
    guide = with_log(change("first", 2), hostile)
    root = ET.fromstring(render_feed(guide, SITE, "Guide"))
    assert root.tag == f"{ATOM}feed"
    assert root.findtext(f"{ATOM}updated") == "2026-01-04T00:00:00Z"
    entries = root.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}id") for e in entries] == [f"{SITE}changes/#hostile", f"{SITE}changes/#first"]
    assert entries[0].findtext(f"{ATOM}title") == hostile.summary
    assert f'href="{SITE}compare/#where-stock-sits"' in entries[0].findtext(f"{ATOM}content")
    for element in root.iter(f"{ATOM}link"):
        assert element.get("href").startswith(SITE)


def test_feed_without_changes_is_still_valid_and_dated_by_the_data():
    root = ET.fromstring(render_feed(GUIDE, SITE, "Guide"))
    assert root.findall(f"{ATOM}entry") == []
    assert root.findtext(f"{ATOM}updated") == "2026-01-01T00:00:00Z"


# --- correction links --------------------------------------------------------------


def test_correction_link_goes_to_the_how_to_page_with_entry_and_line():
    edits = Edits(LINES)
    href = edits.href("who-holds-stock", links_for("faq/", "faq.md"))
    assert href == f"../corrections/?entry=who-holds-stock&line={LINES['who-holds-stock']}"
    assert 'href="../corrections/?entry=who-holds-stock&amp;line=' in edits.link("who-holds-stock", links_for("faq/", "faq.md"))


def test_correction_link_goes_to_the_line_on_the_code_host_when_configured():
    edits = Edits(LINES, "https://code.example/owner/repo/blob/main/")
    assert edits.href("beta", links_for("", "index.md")) == f"https://code.example/owner/repo/blob/main/data/guide.yml#L{LINES['beta']}"


@pytest.mark.parametrize("value", ["http://code.example/", "https://code.example/repo", "javascript:alert(1)//", None, 3])
def test_bad_edit_base_is_refused(value):
    assert "extra.edit_base" in edit_base_problem(value)


@pytest.mark.parametrize("value", ["", "https://github.com/o/r/blob/main/"])
def test_empty_or_https_edit_base_is_fine(value):
    assert edit_base_problem(value) is None


def test_every_generated_section_offers_a_correction():
    edits = Edits(LINES)
    compare = render_comparison_table(GUIDE, links_for("compare/", "compare.md"), edits)
    assert f"?entry=where-stock-sits&amp;line={LINES['where-stock-sits']}" in compare
    assert compare.count('class="suggest-edit"') == len(GUIDE.categories)
    faq = render_faq(GUIDE, links_for("faq/", "faq.md"), edits)
    assert faq.count('class="suggest-edit"') == len(GUIDE.faq)
    page = render_mode_page(GUIDE, "beta", links_for("modes/beta/", "modes/beta.md"), edits)
    assert f'href="../../corrections/?entry=beta&amp;line={LINES["beta"]}"' in page
    assert "suggest-edit" not in render_faq(GUIDE, links_for("faq/", "faq.md"))
