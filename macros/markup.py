"""Small markup helpers shared by the renderers: escaping, links, citations."""

import datetime
import html
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from .model import Disagreement, Guide, Sourced

MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|~:^=])")
SITE_LINK = re.compile(r"\]\(([a-z0-9-]+)\.md(#[a-z0-9-]+)?\)")


@dataclass(frozen=True)
class Links:
    """Links to the site's pages, relative to the page being rendered."""

    root: str = ""  # from the page's URL to the site root, for HTML
    doc_root: str = ""  # from the page's source file to docs/, for Markdown (MkDocs checks these)
    faq_pages: Mapping[str, str] = field(default_factory=dict)  # FAQ entry or category id -> its page, when split

    def page_of(self, page: str, anchor: str | None) -> str:
        """The page an anchor lives on: when the FAQ is split, its entries live on their category's page."""
        return self.faq_pages.get(anchor, page) if page == "faq" and anchor else page

    def to(self, page: str, anchor: str | None = None) -> str:
        """URL of a page (e.g. 'faq', 'modes/semi-managed') for HTML, optionally with an anchor."""
        page = self.page_of(page, anchor)
        url = f"{self.root}{page}/" if page else (self.root or "./")
        return f"{url}#{anchor}" if anchor else url

    def md(self, page: str, anchor: str | None = None) -> str:
        """Markdown link target of a page (e.g. 'faq'), which MkDocs resolves and validates."""
        target = f"{self.doc_root}{self.page_of(page, anchor) or 'index'}.md"
        return f"{target}#{anchor}" if anchor else target


def links_for(page_url: str, src_uri: str, faq_pages: Mapping[str, str] | None = None) -> Links:
    """Links for a page with this site URL (e.g. 'compare/') and source path (e.g. 'compare.md')."""
    return Links("../" * page_url.count("/"), "../" * src_uri.count("/"), faq_pages or {})


def escape(text: str) -> str:
    """Text made safe inside HTML elements and attributes."""
    return html.escape(text, quote=True)


def md_text(text: str) -> str:
    """Plain text made literal inside Markdown: no HTML, no emphasis, no links, one line."""
    return MARKDOWN_SPECIALS.sub(r"\\\1", escape(" ".join(text.split())))


def md_block(markdown: str, links: Links) -> str:
    """Editor Markdown with raw HTML neutralised and guide links (page.md#id) made site URLs."""
    neutral = markdown.replace("&", "&amp;").replace("<", "&lt;").replace("{", "&#123;")
    return SITE_LINK.sub(lambda m: f"]({links.md(m.group(1), (m.group(2) or '#')[1:] or None)})", neutral)


def indent(text: str, spaces: int = 4) -> str:
    """Indent every non-empty line, for content inside admonitions and tabs."""
    pad = " " * spaces
    return "\n".join(pad + line if line.strip() else "" for line in text.splitlines())


def source_numbers(guide: Guide) -> dict[str, int]:
    """Footnote number of each source: its position in the sources list."""
    return {source.id: number for number, source in enumerate(guide.sources, start=1)}


def cite(source_ids: list[str], numbers: dict[str, int], links: Links) -> str:
    """Numbered links to the Sources page, e.g. [3][7]."""
    parts = [
        f'<a href="{escape(links.to("sources", sid))}" title="Source {numbers[sid]}">[{numbers[sid]}]</a>'
        for sid in source_ids
    ]
    return f'<sup class="cite">{"".join(parts)}</sup>'


def checked(date: datetime.date) -> str:
    """When a fact was last checked."""
    return f'<span class="checked">checked <time datetime="{date.isoformat()}">{date.isoformat()}</time></span>'


def fact_meta(fact: Sourced, numbers: dict[str, int], links: Links) -> str:
    """Citations plus checked date for one fact."""
    return f'<span class="fact-meta">Sources {cite(fact.sources, numbers, links)} · {checked(fact.checked)}</span>'


def disagreement_html(disagreement: Disagreement, numbers: dict[str, int], links: Links) -> str:
    """A visible 'sources disagree' marker listing each position with its sources."""
    views = "".join(
        f"<li>{escape(p.view)} {cite(p.sources, numbers, links)}</li>" for p in disagreement.positions
    )
    return (
        '<div class="disagree" role="note"><strong class="disagree-label">⚠ Sources disagree:</strong> '
        f"{escape(disagreement.summary)}<ul>{views}</ul></div>"
    )
