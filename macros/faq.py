"""FAQ: every question a heading with its data id, the answer in a collapsible block; its JSON-LD.

Up to a limit of entries the FAQ is one page; above it, one page per category (faq/<category-id>/)
and faq/ lists the categories. Renderers get that layout in their Links (`faq_pages`).
"""

import html
import json
import re
from collections import defaultdict
from collections.abc import Mapping

from .changes import latest_changes, updated_mark
from .edits import Edits
from .markup import (
    NO_SEARCH, Links, close_directions, disagreement_html, escape, fact_meta, indent, listed, md_block, md_text,
    phrase, source_numbers,
)
from .model import Category, Change, FaqEntry, Guide

FAQ_PAGE_LIMIT = 150  # default of mkdocs.yml `extra: faq_page_limit`
LOCATIONS_FILE = "faq/locations.json"  # where old faq/#<id> links find an entry's category page
# Inside <script>, "</script>" or "<!--" in the data would end or confuse the element: escape <, > and &.
SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})
FaqGroups = list[tuple[Category, list[FaqEntry]]]


def faq_is_split(guide: Guide, limit: int) -> bool:
    """True when the FAQ has more entries than one page should hold."""
    return len(guide.faq) > limit


def faq_by_category(guide: Guide) -> FaqGroups:
    """Each category that has questions, with its entries, both in data order (group once per build)."""
    groups: dict[str, list[FaqEntry]] = defaultdict(list)
    for entry in guide.faq:
        groups[entry.category].append(entry)
    return [(category, groups[category.id]) for category in guide.categories if groups[category.id]]


def category_page(category_id: str) -> str:
    """The page of one category when the FAQ is split."""
    return f"faq/{category_id}"


def faq_pages(guide: Guide) -> dict[str, str]:
    """Page of every FAQ entry and category id when the FAQ is split (for Links.faq_pages)."""
    pages = {entry.id: category_page(entry.category) for entry in guide.faq}
    pages.update({category.id: category_page(category.id) for category, _ in faq_by_category(guide)})
    return pages


def also_asked(entry: FaqEntry) -> str:
    """The other ways sellers ask this question, as a paragraph; search indexes it with the answer."""
    if not entry.also_asked:
        return ""
    phrasings = " · ".join(f"<q>{phrase(text, markdown=True)}</q>" for text in entry.also_asked)
    return f"Also asked as: {phrasings}\n{{: .also-asked }}"


class _Entries:
    """Renders entries as headings with collapsed answers, with what every entry needs computed once."""

    def __init__(self, guide: Guide, links: Links, edits: Edits | None) -> None:
        self.guide, self.links, self.edits = guide, links, edits
        self.numbers = source_numbers(guide)
        self.latest: dict[str, Change] = latest_changes(guide)

    def render(self, entry: FaqEntry, level: int) -> str:
        guide, links, numbers = self.guide, self.links, self.numbers
        modes = listed(m.name for m in guide.modes if m.id in entry.modes)
        extras = [updated_mark(self.latest.get(entry.id), links), self.edits.link(entry.id, links) if self.edits else ""]
        meta = " · ".join([f"Applies to: {escape(modes)}", fact_meta(entry, numbers, links), *filter(None, extras)])
        body = [
            md_block(entry.answer, links),
            disagreement_html(entry.disagreement, numbers, links) if entry.disagreement else "",
            also_asked(entry),
            # Out of search: every answer has one, so it would match any query naming a mode.
            f"{meta}\n{{: .faq-meta {NO_SEARCH} }}",
        ]
        answer = indent("\n\n".join(part for part in body if part))
        return f'{"#" * level} {md_text(entry.question)} {{#{entry.id}}}\n\n??? question faq "Answer"\n{answer}\n'


def render_faq(guide: Guide, links: Links, edits: Edits | None = None) -> str:
    """All entries on one page, grouped by category, in data order; each with its update mark and correction link."""
    entries = _Entries(guide, links, edits)
    parts = []
    for category, group in faq_by_category(guide):
        parts.append(f"## {md_text(category.name)} {{#{category.id}}}\n")
        parts.extend(entries.render(e, 3) for e in group)
    return "\n".join(parts)


def _count(entries: list) -> str:
    return f"{len(entries)} question{'s' if len(entries) != 1 else ''}"


def render_faq_index(guide: Guide, links: Links) -> str:
    """The split FAQ's front page: each category with its question count, linking to its page."""
    items = "\n".join(
        f"- [{md_text(category.name)}]({links.md(category_page(category.id))}) · {_count(entries)}"
        for category, entries in faq_by_category(guide)
    )
    locations = escape(links.to("") + LOCATIONS_FILE)
    return f'<div class="faq-index" data-locations="{locations}" markdown>\n\n{items}\n\n</div>'


def render_faq_category(guide: Guide, groups: FaqGroups, category_id: str, links: Links,
                        edits: Edits | None = None) -> str:
    """The page of one category when the FAQ is split: its questions, each a heading."""
    found = next(((c, entries) for c, entries in groups if c.id == category_id), None)
    if found is None:
        known = ", ".join(c.id for c, _ in groups)
        raise ValueError(f"no FAQ entries in category {category_id!r}; categories with entries: {known}")
    category, group = found
    entries = _Entries(guide, links, edits)
    head = (f"# {md_text(category.name)} {{#{category.id}}}\n\n"
            f"{_count(group)} in this topic. [All topics]({links.md('faq')})\n")
    return "\n".join([head, *(entries.render(e, 2) for e in group)])


def render_faq_locations(guide: Guide) -> str:
    """JSON: each category page (relative to faq/) with the ids of its entries, for old faq/#<id> links."""
    locations = {f"{category.id}/": [e.id for e in entries] for category, entries in faq_by_category(guide)}
    return json.dumps(locations, separators=(",", ":"))


def render_faq_links(guide: Guide, mode_id: str, links: Links, groups: FaqGroups | None = None) -> str:
    """The questions that concern one mode, as a list of links into the FAQ.

    With the split FAQ's groups, one link per topic page with its count: a mode page of thousands
    of questions would be heavier than the FAQ pages it points to.
    """
    if groups is None:
        return "\n".join(f"- [{md_text(e.question)}]({links.md('faq', e.id)})" for e in guide.faq if mode_id in e.modes)
    items = []
    for category, entries in groups:
        about_mode = [e for e in entries if mode_id in e.modes]
        if about_mode:
            items.append(f"- [{md_text(category.name)}]({links.md('faq', category.id)}) · {_count(about_mode)}")
    return "\n".join(items)


# A question's heading (its own text only), its collapsible block, and the answer up to the parts
# the renderer adds after it. Editor Markdown cannot hold raw HTML, so these tags only come from here.
ANSWER = re.compile(
    r'<h([1-6])[^>]* id="([^"]+)"[^>]*>(?:(?!</h[1-6]>).)*</h\1>\s*<details class="question faq">\s*'
    r'<summary>Answer</summary>(.*?)(?=<div class="disagree"|<p class="also-asked"|<p class="faq-meta"|</details>)',
    re.S,
)
HEADING_LINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
BLOCK_TAG = re.compile(r"</?(?:p|li|ul|ol|br|div|h[1-6]|blockquote|pre|table|tr|td|th)\b[^>]*>")
TAG = re.compile(r"<[^>]*>")


def answer_texts(page_html: str) -> dict[str, str]:
    """Each FAQ answer on a rendered page as one line of plain text, by entry id: what the reader sees.

    Read from the page's HTML rather than converted again: a second Markdown conversion of every
    answer took about 3 s of a 10,000-entry build."""
    texts = {}
    for match in ANSWER.finditer(page_html):
        answer = TAG.sub("", BLOCK_TAG.sub(" ", HEADING_LINK.sub("", match.group(3))))
        texts[match.group(2)] = " ".join(html.unescape(answer).split())
    return texts


def render_faq_jsonld(guide: Guide, faq_url: str, texts: Mapping[str, str], entries: list[FaqEntry] | None = None) -> str:
    """schema.org FAQPage for a FAQ page at this absolute URL: one Question per entry on it (default: all),
    answered by its text on the page (answer_texts)."""
    questions = [
        {
            "@type": "Question",
            "name": close_directions(entry.question),
            "url": f"{faq_url}#{entry.id}",
            "acceptedAnswer": {"@type": "Answer", "text": texts[entry.id]},
        }
        for entry in (guide.faq if entries is None else entries)
    ]
    data = {"@context": "https://schema.org", "@type": "FAQPage", "url": faq_url, "mainEntity": questions}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(SCRIPT_SAFE)
