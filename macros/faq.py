"""FAQ: every question a heading with its data id, the answer in a collapsible block; its JSON-LD."""

import json

from .changes import latest_changes, updated_mark
from .edits import Edits
from .markup import (
    NO_SEARCH, Links, close_directions, disagreement_html, escape, fact_meta, indent, listed, md_block, md_text,
    phrase, plain_text, source_numbers,
)
from .model import Change, FaqEntry, Guide

# Inside <script>, "</script>" or "<!--" in the data would end or confuse the element: escape <, > and &.
SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def also_asked(entry: FaqEntry) -> str:
    """The other ways sellers ask this question, as a paragraph; search indexes it with the answer."""
    if not entry.also_asked:
        return ""
    phrasings = " · ".join(f"<q>{phrase(text, markdown=True)}</q>" for text in entry.also_asked)
    return f"Also asked as: {phrasings}\n{{: .also-asked }}"


def _entry(entry: FaqEntry, guide: Guide, numbers: dict[str, int], links: Links, extras: list[str]) -> str:
    modes = listed(m.name for m in guide.modes if m.id in entry.modes)
    meta = " · ".join([f"Applies to: {escape(modes)}", fact_meta(entry, numbers, links), *filter(None, extras)])
    body = [
        md_block(entry.answer, links),
        disagreement_html(entry.disagreement, numbers, links) if entry.disagreement else "",
        also_asked(entry),
        # Out of search: every answer has one, so it would match any query naming a mode.
        f"{meta}\n{{: .faq-meta {NO_SEARCH} }}",
    ]
    answer = indent("\n\n".join(part for part in body if part))
    return f'### {md_text(entry.question)} {{#{entry.id}}}\n\n??? question faq "Answer"\n{answer}\n'


def render_faq(guide: Guide, links: Links, edits: Edits | None = None) -> str:
    """All entries grouped by category, in data order; each with its update mark and correction link."""
    numbers = source_numbers(guide)
    latest: dict[str, Change] = latest_changes(guide)
    parts = []
    for category in guide.categories:
        entries = [e for e in guide.faq if e.category == category.id]
        if entries:
            parts.append(f"## {md_text(category.name)} {{#{category.id}}}\n")
            for e in entries:
                extras = [updated_mark(latest.get(e.id), links), edits.link(e.id, links) if edits else ""]
                parts.append(_entry(e, guide, numbers, links, extras))
    return "\n".join(parts)


def render_faq_links(guide: Guide, mode_id: str, links: Links) -> str:
    """The questions that concern one mode, as a list of links into the FAQ page."""
    items = [
        f"- [{md_text(e.question)}]({links.md('faq', e.id)})" for e in guide.faq if mode_id in e.modes
    ]
    return "\n".join(items)


def render_faq_jsonld(guide: Guide, faq_url: str) -> str:
    """schema.org FAQPage for the FAQ page at this absolute URL: one Question per entry, answer as shown."""
    questions = [
        {
            "@type": "Question",
            "name": close_directions(entry.question),
            "url": f"{faq_url}#{entry.id}",
            "acceptedAnswer": {"@type": "Answer", "text": plain_text(entry.answer)},
        }
        for entry in guide.faq
    ]
    data = {"@context": "https://schema.org", "@type": "FAQPage", "url": faq_url, "mainEntity": questions}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(SCRIPT_SAFE)
