"""FAQ: every question a heading with its data id, the answer in a collapsible block.

Up to a limit of entries the FAQ is one page; above it, one page per category (faq/<category-id>/)
and faq/ lists the categories. Renderers get that layout in their Links (`faq_pages`).
"""

import json
from collections import defaultdict

from .markup import Links, disagreement_html, escape, fact_meta, indent, md_block, md_text, source_numbers
from .model import Category, FaqEntry, Guide

FAQ_PAGE_LIMIT = 150  # default of mkdocs.yml `extra: faq_page_limit`
LOCATIONS_FILE = "faq/locations.json"  # where old faq/#<id> links find an entry's category page


def faq_is_split(guide: Guide, limit: int) -> bool:
    """True when the FAQ has more entries than one page should hold."""
    return len(guide.faq) > limit


FaqGroups = list[tuple[Category, list[FaqEntry]]]


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


def _entry(entry: FaqEntry, guide: Guide, numbers: dict[str, int], links: Links, level: int) -> str:
    modes = ", ".join(m.name for m in guide.modes if m.id in entry.modes)
    body = [
        md_block(entry.answer, links),
        f'<p class="faq-meta">Applies to: {escape(modes)} · {fact_meta(entry, numbers, links)}</p>',
    ]
    if entry.disagreement:
        body.insert(1, disagreement_html(entry.disagreement, numbers, links))
    answer = indent("\n\n".join(body))
    return f'{"#" * level} {md_text(entry.question)} {{#{entry.id}}}\n\n??? question faq "Answer"\n{answer}\n'


def render_faq(guide: Guide, links: Links) -> str:
    """All entries on one page, grouped by category, in data order."""
    numbers = source_numbers(guide)
    parts = []
    for category, entries in faq_by_category(guide):
        parts.append(f"## {md_text(category.name)} {{#{category.id}}}\n")
        parts.extend(_entry(e, guide, numbers, links, 3) for e in entries)
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


def render_faq_category(guide: Guide, groups: FaqGroups, category_id: str, links: Links) -> str:
    """The page of one category when the FAQ is split: its questions, each a heading."""
    found = next(((c, entries) for c, entries in groups if c.id == category_id), None)
    if found is None:
        known = ", ".join(c.id for c, _ in groups)
        raise ValueError(f"no FAQ entries in category {category_id!r}; categories with entries: {known}")
    category, entries = found
    numbers = source_numbers(guide)
    head = (f"# {md_text(category.name)} {{#{category.id}}}\n\n"
            f"{_count(entries)} in this topic. [All topics]({links.md('faq')})\n")
    return "\n".join([head, *(_entry(e, guide, numbers, links, 2) for e in entries)])


def render_faq_locations(guide: Guide) -> str:
    """JSON: each category page (relative to faq/) with the ids of its entries, for old faq/#<id> links."""
    locations = {f"{category.id}/": [e.id for e in entries] for category, entries in faq_by_category(guide)}
    return json.dumps(locations, separators=(",", ":"))


def render_faq_links(guide: Guide, mode_id: str, links: Links) -> str:
    """The questions that concern one mode, as a list of links into the FAQ."""
    items = [
        f"- [{md_text(e.question)}]({links.md('faq', e.id)})" for e in guide.faq if mode_id in e.modes
    ]
    return "\n".join(items)
