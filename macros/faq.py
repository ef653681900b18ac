"""FAQ: every question a heading with its data id, the answer in a collapsible block."""

from .markup import NO_SEARCH, Links, disagreement_html, fact_meta, indent, md_block, md_text, phrase, source_numbers
from .model import FaqEntry, Guide


def also_asked(entry: FaqEntry) -> str:
    """The other ways sellers ask this question, as a paragraph; search indexes it with the answer."""
    if not entry.also_asked:
        return ""
    phrasings = " · ".join(f"<q>{phrase(text, markdown=True)}</q>" for text in entry.also_asked)
    return f"Also asked as: {phrasings}\n{{: .also-asked }}"


def _entry(entry: FaqEntry, guide: Guide, numbers: dict[str, int], links: Links) -> str:
    modes = ", ".join(m.name for m in guide.modes if m.id in entry.modes)
    body = [
        md_block(entry.answer, links),
        disagreement_html(entry.disagreement, numbers, links) if entry.disagreement else "",
        also_asked(entry),
        # Out of search: every answer has one, so it would match any query naming a mode.
        f"Applies to: {md_text(modes)} · {fact_meta(entry, numbers, links)}\n{{: .faq-meta {NO_SEARCH} }}",
    ]
    answer = indent("\n\n".join(part for part in body if part))
    return f'### {md_text(entry.question)} {{#{entry.id}}}\n\n??? question faq "Answer"\n{answer}\n'


def render_faq(guide: Guide, links: Links) -> str:
    """All entries grouped by category, in data order."""
    numbers = source_numbers(guide)
    parts = []
    for category in guide.categories:
        entries = [e for e in guide.faq if e.category == category.id]
        if entries:
            parts.append(f"## {md_text(category.name)} {{#{category.id}}}\n")
            parts.extend(_entry(e, guide, numbers, links) for e in entries)
    return "\n".join(parts)


def render_faq_links(guide: Guide, mode_id: str, links: Links) -> str:
    """The questions that concern one mode, as a list of links into the FAQ page."""
    items = [
        f"- [{md_text(e.question)}]({links.md('faq', e.id)})" for e in guide.faq if mode_id in e.modes
    ]
    return "\n".join(items)
