"""The change log: where each id lives, 'updated' marks, the "What changed" page and the Atom feed."""

import datetime
import xml.etree.ElementTree as ET

from .checks import sourced_facts
from .markup import Links, cite, escape, md_text, once_per_guide, source_numbers
from .model import Change, Guide

ATOM = "http://www.w3.org/2005/Atom"
PAGES = {"dimensions": "compare", "faq": "faq", "glossary": "glossary", "timeline": "timeline",
         "variants": "context", "sources": "sources", "changes": "changes"}
LABELS = {"modes": "name", "categories": "name", "dimensions": "label", "faq": "question", "glossary": "term",
          "timeline": "title", "variants": "name", "sources": "title", "changes": "summary"}


def describe(guide: Guide, entry_id: str) -> tuple[str, str, str | None]:
    """(label, page, anchor) of the entry with this id, wherever it is in the guide."""
    for collection, label_field in LABELS.items():
        for entry in getattr(guide, collection):
            if entry.id == entry_id:
                label = getattr(entry, label_field)
                if collection == "modes":
                    return label, f"modes/{entry_id}", None
                if collection == "categories":
                    return label, *_category_target(guide, entry_id)
                return label, PAGES[collection], entry_id
    raise ValueError(f"no entry with id {entry_id!r}")


def _category_target(guide: Guide, category_id: str) -> tuple[str, str | None]:
    """A category heading exists on the compare page if it has rows, else on the FAQ page if it has entries."""
    if any(d.category == category_id for d in guide.dimensions):
        return "compare", category_id
    if any(e.category == category_id for e in guide.faq):
        return "faq", category_id
    return "compare", None


def newest_first(guide: Guide) -> list[Change]:
    """Changes by date, newest first; on the same day, the one added later to the file first."""
    order = sorted(enumerate(guide.changes), key=lambda pair: (pair[1].date, pair[0]), reverse=True)
    return [change for _, change in order]


@once_per_guide
def latest_changes(guide: Guide) -> dict[str, Change]:
    """The newest change that affected each id."""
    latest: dict[str, Change] = {}
    for change in reversed(newest_first(guide)):
        for entry_id in change.affects:
            latest[entry_id] = change
    return latest


def updated_mark(change: Change | None, links: Links) -> str:
    """'updated <date>' linking to the change, or nothing for an entry no change names."""
    if change is None:
        return ""
    day = change.date.isoformat()
    return (
        f'<a class="updated" href="{escape(links.to("changes", change.id))}" title="{escape(change.summary)}">'
        f'updated <time datetime="{day}">{day}</time></a>'
    )


def data_date(guide: Guide) -> datetime.date:
    """The newest date in the data (a change or a fact check): the guide's version, not the build time."""
    dates = [fact.checked for _, fact in sourced_facts(guide)] + [c.date for c in guide.changes]
    return max(dates)


def _affects(guide: Guide, change: Change, links: Links) -> str:
    if not change.affects:
        return ""
    items = []
    for entry_id in change.affects:
        label, page, anchor = describe(guide, entry_id)
        items.append(f'<li><a href="{escape(links.to(page, anchor))}">{escape(label)}</a></li>')
    return f'<ul class="change-affects">{"".join(items)}</ul>'


def render_changes(guide: Guide, links: Links) -> str:
    """Every change, newest first, each with its id as anchor, what it touched and its sources."""
    numbers = source_numbers(guide)
    items = []
    for change in newest_first(guide):
        day = change.date.isoformat()
        sources = f' <span class="fact-meta">Sources {cite(change.sources, numbers, links)}</span>' if change.sources else ""
        items.append(
            f'<li id="{change.id}"><time datetime="{day}">{change.date.strftime("%-d %b %Y")}</time> '
            f"{escape(change.summary)}{sources}{_affects(guide, change, links)}</li>"
        )
    if not items:
        return md_text("No changes recorded yet.")
    return f'<ol class="changes" reversed>{"".join(items)}</ol>'


def _element(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    element.text = text
    return element


def _timestamp(day: datetime.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def render_feed(guide: Guide, site_url: str, title: str) -> str:
    """An Atom feed with one entry per change, newest first, every link absolute."""
    links = Links(root=site_url)
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _element(feed, "title", f"{title}: what changed")
    _element(feed, "id", links.to("changes"))
    _element(feed, "link", rel="self", type="application/atom+xml", href=f"{site_url}feed.xml")
    _element(feed, "link", rel="alternate", type="text/html", href=links.to("changes"))
    _element(feed, "updated", _timestamp(max((c.date for c in guide.changes), default=data_date(guide))))
    _element(_element(feed, "author"), "name", title)
    for change in newest_first(guide):
        entry = _element(feed, "entry")
        _element(entry, "title", change.summary)
        _element(entry, "id", links.to("changes", change.id))
        _element(entry, "link", rel="alternate", type="text/html", href=links.to("changes", change.id))
        _element(entry, "updated", _timestamp(change.date))
        _element(entry, "content", f"<p>{escape(change.summary)}</p>{_affects(guide, change, links)}", type="html")
    ET.indent(feed)
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"
