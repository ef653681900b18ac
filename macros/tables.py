"""Comparison tables: the full grouped comparison and the short key-differences table."""

import re
from collections import defaultdict
from collections.abc import Callable

from .changes import latest_changes, updated_mark
from .edits import Edits
from .markup import NO_SEARCH, Links, checked, cite, disagreement_html, escape, md_text, phrase, source_numbers, term_marker
from .model import Cell, Change, Dimension, Guide

PLAIN_TABLE = re.compile(r"<table>.*?</table>", re.S)  # Markdown's tables: the guide's own carry a class


def _header(guide: Guide, first: str, links: Links) -> str:
    modes = "".join(
        f'<th scope="col"><a href="{escape(links.to("modes/" + m.id))}">{escape(m.name)}</a> '
        f'<span lang="zh">{escape(m.chinese)}</span></th>'
        for m in guide.modes
    )
    return f'<thead><tr><th scope="col">{escape(first)}</th>{modes}</tr></thead>'


def _cell(cell: Cell, numbers: dict[str, int], links: Links, mark: Callable[[str], str]) -> str:
    note = f'<span class="note">{mark(escape(cell.note))}</span>' if cell.note else ""
    disagreement = disagreement_html(cell.disagreement, numbers, links) if cell.disagreement else ""
    meta = f'<span class="fact-meta">{cite(cell.sources, numbers, links)} {checked(cell.checked)}</span>'
    return f"<td><span class=\"value\">{mark(escape(cell.value))}</span>{note}{disagreement}{meta}</td>"


def row_header(dimension: Dimension) -> str:
    """The row's label and, below it, the other names sellers use for it."""
    if not dimension.aliases:
        return escape(dimension.label)
    names = ", ".join(phrase(alias) for alias in dimension.aliases)
    return f'{escape(dimension.label)}<span class="also">also: {names}</span>'


def _row(guide: Guide, dimension: Dimension, numbers: dict[str, int], links: Links, mark, change: Change | None) -> str:
    cells = "".join(_cell(dimension.values[m.id], numbers, links, mark) for m in guide.modes)
    return f'<tr id="{dimension.id}"><th scope="row">{row_header(dimension)}{updated_mark(change, links)}</th>{cells}</tr>'


def _table(guide: Guide, caption: str, first: str, rows: list[str], links: Links) -> str:
    """A scrollable table with caption and scoped headers; one column per mode.

    Left out of the page's search entries: each row has a search entry of its own instead
    (macros/search_index.py), so a query lands on the row, not on the whole table."""
    return (
        f'<div class="comparison-scroll" tabindex="0" role="region" aria-label="{escape(caption)}">'
        f'<table class="comparison" {NO_SEARCH}><caption>{escape(caption)}</caption>'
        f"{_header(guide, first, links)}<tbody>{''.join(rows)}</tbody></table></div>"
    )


def render_comparison_table(guide: Guide, links: Links, edits: Edits | None = None) -> str:
    """The full comparison: a heading and a table per category, one row per dimension, a correction link."""
    numbers, mark, latest = source_numbers(guide), term_marker(guide), latest_changes(guide)
    by_category: dict[str, list[Dimension]] = defaultdict(list)
    for dimension in guide.dimensions:
        by_category[dimension.category].append(dimension)
    parts = []
    for category in guide.categories:
        dimensions = by_category[category.id]
        if not dimensions:
            continue
        rows = [_row(guide, d, numbers, links, mark, latest.get(d.id)) for d in dimensions]
        table = _table(guide, f"{category.name}: the modes compared", "Dimension", rows, links)
        suggest = (
            f'\n\n<p class="suggest">{edits.link(dimensions[0].id, links, "Suggest a correction to these rows")}</p>'
            if edits else ""
        )
        parts.append(f"## {md_text(category.name)} {{#{category.id}}}\n\n{table}{suggest}\n")
    return "\n".join(parts)


def render_key_differences(guide: Guide, links: Links) -> str:
    """A short table of the dimensions marked `key`, linking each row to the full comparison."""
    rows = []
    for dimension in (d for d in guide.dimensions if d.key):
        label = f'<a href="{escape(links.to("compare", dimension.id))}">{escape(dimension.label)}</a>'
        cells = "".join(f"<td>{escape(dimension.values[m.id].value)}</td>" for m in guide.modes)
        rows.append(f'<tr><th scope="row">{label}</th>{cells}</tr>')
    return _table(guide, "Key differences at a glance", "Difference", rows, links)


def wrap_markdown_tables(html: str) -> str:
    """The page's HTML with each Markdown table in the theme's scroll wrapper, named and keyboard-scrollable.

    The theme's script wrapped them in the browser; done here, a wide table scrolls on its own from the
    first paint and without any script (axe: a scrollable region must be reachable by keyboard)."""
    count = 0

    def wrap(match: re.Match) -> str:
        nonlocal count
        count += 1
        return (f'<div class="md-typeset__scrollwrap" tabindex="0" role="region" aria-label="Table {count}, scrolls sideways">'
                f'<div class="md-typeset__table">{match.group(0)}</div></div>')

    return PLAIN_TABLE.sub(wrap, html) if "<table>" in html else html
