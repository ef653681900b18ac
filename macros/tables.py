"""Comparison tables: the full grouped comparison and the short key-differences table."""

from collections import defaultdict

from .markup import Links, checked, cite, disagreement_html, escape, md_text, source_numbers
from .model import Cell, Dimension, Guide


def _header(guide: Guide, first: str, links: Links) -> str:
    modes = "".join(
        f'<th scope="col"><a href="{escape(links.to("modes/" + m.id))}">{escape(m.name)}</a> '
        f'<span lang="zh">{escape(m.chinese)}</span></th>'
        for m in guide.modes
    )
    return f'<thead><tr><th scope="col">{escape(first)}</th>{modes}</tr></thead>'


def _cell(cell: Cell, numbers: dict[str, int], links: Links) -> str:
    note = f'<span class="note">{escape(cell.note)}</span>' if cell.note else ""
    disagreement = disagreement_html(cell.disagreement, numbers, links) if cell.disagreement else ""
    meta = f'<span class="fact-meta">{cite(cell.sources, numbers, links)} {checked(cell.checked)}</span>'
    return f"<td><span class=\"value\">{escape(cell.value)}</span>{note}{disagreement}{meta}</td>"


def _row(guide: Guide, dimension: Dimension, numbers: dict[str, int], links: Links) -> str:
    cells = "".join(_cell(dimension.values[m.id], numbers, links) for m in guide.modes)
    return f'<tr id="{dimension.id}"><th scope="row">{escape(dimension.label)}</th>{cells}</tr>'


def _table(guide: Guide, caption: str, first: str, rows: list[str], links: Links) -> str:
    """A scrollable table with caption and scoped headers; one column per mode."""
    return (
        f'<div class="comparison-scroll" tabindex="0" role="region" aria-label="{escape(caption)}">'
        f'<table class="comparison"><caption>{escape(caption)}</caption>'
        f"{_header(guide, first, links)}<tbody>{''.join(rows)}</tbody></table></div>"
    )


def render_comparison_table(guide: Guide, links: Links) -> str:
    """The full comparison: a heading and a table per category, one row per dimension."""
    numbers = source_numbers(guide)
    by_category: dict[str, list[Dimension]] = defaultdict(list)
    for dimension in guide.dimensions:
        by_category[dimension.category].append(dimension)
    parts = []
    for category in guide.categories:
        dimensions = by_category[category.id]
        if not dimensions:
            continue
        rows = [_row(guide, d, numbers, links) for d in dimensions]
        table = _table(guide, f"{category.name}: the modes compared", "Dimension", rows, links)
        parts.append(f"## {md_text(category.name)} {{#{category.id}}}\n\n{table}\n")
    return "\n".join(parts)


def render_key_differences(guide: Guide, links: Links) -> str:
    """A short table of the dimensions marked `key`, linking each row to the full comparison."""
    rows = []
    for dimension in (d for d in guide.dimensions if d.key):
        label = f'<a href="{escape(links.to("compare", dimension.id))}">{escape(dimension.label)}</a>'
        cells = "".join(f"<td>{escape(dimension.values[m.id].value)}</td>" for m in guide.modes)
        rows.append(f'<tr><th scope="row">{label}</th>{cells}</tr>')
    return _table(guide, "Key differences at a glance", "Difference", rows, links)
