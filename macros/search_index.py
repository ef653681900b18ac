"""Search helpers from the data, as pure functions: index additions, Chinese terms, mode names.

Material's search makes one entry per heading, so comparison rows are no results of their own,
and the other names sellers use (shown to readers as "also asked as" and "also: …") count no
more than any word of an answer. The MkDocs hook applies `add_guide_entries` after the plugin
has written the index:
- one entry per comparison row, at the row's anchor, with the words the row shows;
- an `also` field, weighed like a title (mkdocs.yml), on FAQ entries and rows.
A mode's other names ("Also called" on its page) reach the search box instead, which adds the
mode's name to a query that uses one of them (docs/javascripts/search-query.js).
"""

import html
import json
import re
from collections.abc import Callable

from .markup import Links
from .model import Dimension, Guide

ALSO = "also"  # index field for other names; its weight is set under the search plugin's `fields`
COMPARE_PAGE = "compare"
FAQ_PAGE = "faq"
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
Segment = Callable[[str], str]


def chinese_terms(guide: Guide) -> list[str]:
    """Chinese names and other names the guide defines, shortest first (not phrasings of questions)."""
    names = [m.chinese for m in guide.modes] + [t.chinese or "" for t in guide.glossary]
    names += [v.chinese or "" for v in guide.variants] + [d.label for d in guide.dimensions]
    names += [alias for entry in [*guide.modes, *guide.dimensions] for alias in entry.aliases]
    return sorted({word for name in names for word in HAN.findall(name)}, key=lambda w: (len(w), w))


def words_to_teach(terms: list[str], cut: Callable[[str], list[str]], teach: Callable[[str], None]) -> list[str]:
    """Teach the segmenter each term it would cut into single characters (备货单 → 备货 + 单).

    Shortest first, so a longer term made of known ones (备货单超时 = 备货单 + 超时) stays two
    words and a search for either finds it."""
    taught = []
    for term in terms:
        if len(term) > 1 and any(len(piece) == 1 for piece in cut(term)):
            teach(term)
            taught.append(term)
    return taught


def index_text(text: str, segment: Segment = str) -> str:
    """Text as the plugin stores it: one line, &, < and > escaped (results show it as HTML), segmented."""
    return segment(html.escape(" ".join(text.split()), quote=False))


def row_text(guide: Guide, dimension: Dimension) -> str:
    """What a row shows besides its label: other names, then each mode's value and note."""
    parts = [f"also: {', '.join(dimension.aliases)}."] if dimension.aliases else []
    for mode in guide.modes:
        cell = dimension.values[mode.id]
        parts.append(f"{mode.name}: {cell.value}" + (f" {cell.note}" if cell.note else ""))
    return " ".join(parts)


def row_entries(guide: Guide, segment: Segment = str) -> list[dict]:
    """One search entry per comparison row."""
    entries = []
    for dimension in guide.dimensions:
        entry = {
            "location": Links().to(COMPARE_PAGE, dimension.id),
            "title": index_text(dimension.label, segment),
            "text": index_text(row_text(guide, dimension), segment),
        }
        if dimension.aliases:
            entry[ALSO] = index_text(" · ".join(dimension.aliases), segment)
        entries.append(entry)
    return entries


def other_phrasings(guide: Guide, links: Links = Links()) -> dict[str, list[str]]:
    """Location of each FAQ entry (on the page `links` puts it) with the other ways sellers ask it, if any."""
    return {links.to(FAQ_PAGE, e.id): e.also_asked for e in guide.faq if e.also_asked}


def as_typed(name: str) -> str:
    """A name as the search box compares it: lower case, hyphens as spaces, no remarks in brackets."""
    return " ".join(re.sub(r"\(.*?\)|-", " ", name).lower().split())


def mode_names(guide: Guide) -> dict[str, str]:
    """Each other name of a mode as typed, also run together ("semimanaged"), to the mode's name."""
    names = {}
    for mode in guide.modes:
        for name in map(as_typed, [mode.name, *mode.aliases]):
            if name and name != as_typed(mode.name):
                names[name] = mode.name
            if " " in name:
                names[name.replace(" ", "")] = mode.name
    return names


def mode_names_script(guide: Guide) -> str:
    """The other names of the modes for the search box (docs/javascripts/search-query.js)."""
    return f"window.guideModeNames = {json.dumps(mode_names(guide), ensure_ascii=False, sort_keys=True)};\n"


def add_guide_entries(index: dict, guide: Guide, segment: Segment = str, links: Links = Links()) -> dict:
    """A copy of the plugin's index with row entries (after the comparison page's) and `also` fields.

    `links` places the FAQ entries (one page, or one page per category)."""
    page = Links().to(COMPARE_PAGE)
    compare = next((doc for doc in index["docs"] if doc["location"] == page), None)
    if compare is None:
        # The search worker groups entries under the page entry that comes first; without it
        # a row would stand in for the page. Happens only if the page is excluded from search.
        raise ValueError(f"the search index has no entry for the comparison page {page!r}")
    rows = row_entries(guide, segment)
    if "boost" in compare:  # the page's search boost (front matter) holds for its rows too
        rows = [{**row, "boost": compare["boost"]} for row in rows]
    names = other_phrasings(guide, links)
    replaced = {row["location"] for row in rows}
    docs = []
    for doc in index["docs"]:
        if doc["location"] in names:
            doc = {**doc, ALSO: index_text(" · ".join(names[doc["location"]]), segment)}
        if doc["location"] not in replaced:
            docs.append(doc)
    return {**index, "docs": docs + rows}
