"""The dated history of the modes, newest last, grouped by year."""

from itertools import groupby

from .markup import Links, escape, fact_meta, listed, md_text, source_numbers
from .model import Event, Guide

DATE_FORMATS = {"day": "%-d %b %Y", "month": "%b %Y", "year": "%Y"}


def format_when(event: Event) -> str:
    """The event's date, only as precise as the data knows it."""
    return event.when.strftime(DATE_FORMATS[event.precision])


def _event(event: Event, names: dict[str, str], numbers: dict[str, int], links: Links) -> str:
    modes = listed(names[m] for m in event.modes)
    detail = f"<p>{escape(event.detail)}</p>" if event.detail else ""
    return (
        f'<li id="{event.id}"><time datetime="{event.when.isoformat()}">{escape(format_when(event))}</time> '
        f"<strong>{escape(event.title)}</strong> "
        f'<span class="modes-tag">{escape(modes)}</span>{detail}{fact_meta(event, numbers, links)}</li>'
    )


def render_timeline(guide: Guide, links: Links) -> str:
    """A heading per year and a list of that year's events, in date order."""
    numbers = source_numbers(guide)
    names = {m.id: m.name for m in guide.modes}
    events = sorted(guide.timeline, key=lambda e: e.when)
    parts = []
    for year, group in groupby(events, key=lambda e: e.when.year):
        items = "".join(_event(e, names, numbers, links) for e in group)
        parts.append(f"## {year} {{#year-{year}}}\n\n<ul class=\"timeline\">{items}</ul>\n")
    return "\n".join(parts) or md_text("No events recorded yet.")
