"""FAQ: every question a heading with its data id, the answer in a collapsible block."""

from .markup import Links, disagreement_html, escape, fact_meta, indent, md_block, md_text, source_numbers
from .model import FaqEntry, Guide


def _entry(entry: FaqEntry, guide: Guide, numbers: dict[str, int], links: Links) -> str:
    modes = ", ".join(m.name for m in guide.modes if m.id in entry.modes)
    body = [
        md_block(entry.answer, links),
        f'<p class="faq-meta">Applies to: {escape(modes)} · {fact_meta(entry, numbers, links)}</p>',
    ]
    if entry.disagreement:
        body.insert(1, disagreement_html(entry.disagreement, numbers, links))
    answer = indent("\n\n".join(body))
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
