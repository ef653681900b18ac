"""The real data meets the content brief: coverage, context, disagreements, dates."""

import datetime
import re

from conftest import ROOT
from macros import DATA_FILE
from macros.load import load_guide

GUIDE = load_guide(ROOT / DATA_FILE, ROOT)
# The comparison's topics a seller weighs; the seed's four axes are rows of their own.
TOPICS = {"registration", "stores", "pricing", "listing", "compliance", "stocking", "logistics", "marketing",
          "customer-service", "returns", "settlement", "fees", "suitability"}
SEED_AXES = {"store-registration", "who-operates", "stocking-review-process", "logistics-fulfilment"}


def test_comparison_covers_every_topic_with_enough_rows():
    assert len(GUIDE.dimensions) >= 24
    assert TOPICS <= {d.category for d in GUIDE.dimensions}
    assert SEED_AXES <= {d.id for d in GUIDE.dimensions}


def test_faq_is_large_and_every_entry_names_mode_and_category():
    assert len(GUIDE.faq) >= 60
    modes = {m.id for m in GUIDE.modes}
    assert all(entry.modes and set(entry.modes) <= modes for entry in GUIDE.faq)
    assert {e.category for e in GUIDE.faq} >= TOPICS - {"suitability"}


def test_timeline_has_the_dated_milestones():
    dates = {event.when for event in GUIDE.timeline}
    for day in (datetime.date(2024, 3, 15), datetime.date(2024, 7, 17), datetime.date(2024, 7, 26)):
        assert day in dates, day
    assert min(dates).year == 2022


def test_variants_are_context_of_each_kind():
    kinds = {v.kind for v in GUIDE.variants}
    assert kinds == {"sub-mode", "other-mode", "country-site"}
    assert len([v for v in GUIDE.variants if v.kind == "country-site"]) >= 5
    assert all(v.known for v in GUIDE.variants)


def test_disagreements_are_recorded_with_both_sides():
    cells = [c for d in GUIDE.dimensions for c in d.values.values() if c.disagreement]
    answers = [e for e in GUIDE.faq if e.disagreement]
    assert len(cells) >= 5 and len(answers) >= 5
    for item in cells + answers:
        sides = [set(p.sources) for p in item.disagreement.positions]
        assert len(sides) >= 2 and all(sides)


def test_glossary_gives_the_key_chinese_terms():
    chinese = " ".join(t.chinese or "" for t in GUIDE.glossary)
    for term in ("半托管", "全托管", "备货单", "核价", "寄样"):
        assert term in chinese, term


def test_the_mode_tabs_fit_the_underline_written_for_them():
    underlined = (ROOT / "docs" / "stylesheets" / "guide.css").read_text(encoding="utf-8").count(
        ".md-typeset .tabbed-set > input:nth-child(")
    assert len(GUIDE.modes) <= underlined, "add a line per extra mode tab to guide.css (the open tab's underline)"


def rules_keyed_on_the_root_ending_in_a_pseudo_class(css: str) -> list[str]:
    """Selectors that start at <html> (an attribute, class or pseudo-class on it) and end in a bare pseudo-class."""
    selectors = [s.strip() for block in re.findall(r"([^{}]+)\{", re.sub(r"/\*.*?\*/", "", css, flags=re.S))
                 for s in block.split(",")]
    keyed_on_root = [s for s in selectors if re.match(r"html[:\[.]", s) and re.search(r"[\s>+~]", s)]
    return [s for s in keyed_on_root if not re.match(r"[\w.#\[]", re.split(r"[\s>+~]+", s)[-1])]


def test_rules_keyed_on_the_page_root_end_in_a_named_element():
    """When a rule's last part is only a pseudo-class, a change on <html> restyles every element of the page."""
    sample = 'html[data-x] .a > :nth-child(2), html.y p > label:first-child, .z :hover { color: red }'
    assert rules_keyed_on_the_root_ending_in_a_pseudo_class(sample) == ["html[data-x] .a > :nth-child(2)"]
    css = "".join(path.read_text(encoding="utf-8") for path in (ROOT / "docs" / "stylesheets").glob("*.css"))
    assert rules_keyed_on_the_root_ending_in_a_pseudo_class(css) == []
