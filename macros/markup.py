"""Small helpers shared by the renderers: escaping, links, citations, results computed once per guide."""

import datetime
import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from .model import SITE_LINK, Disagreement, Guide, Sourced

CHINESE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
LATIN = re.compile(r"[A-Za-z]")
# Material's search skips elements with this attribute (and drops it from the page): citation
# numbers, check dates and the sources list would otherwise match queries like "90 days" or "check".
NO_SEARCH = 'data-search-exclude="true"'
# Characters written as character references so text stays literal wherever it lands: in HTML, in
# Markdown (emphasis, links, code, attribute lists, escapes) and in Jinja ({{, {%, {#).
LITERAL = {ord(c): f"&#{ord(c)};" for c in "`*_[]\\{}|!~^"} | {ord("\n"): "&#10;"}
# html.escape's replacements and LITERAL in one pass: without quotes for Markdown text, with them for
# HTML (attributes too). Text without any of them (most) is left as it is.
MD_LITERAL = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"}) | LITERAL
HTML_LITERAL = MD_LITERAL | str.maketrans({'"': "&quot;", "'": "&#x27;"})
TO_ESCAPE = re.compile("[" + re.escape("".join(map(chr, HTML_LITERAL))) + "]")
LINE_START = re.compile(r"^([#+=:?/-]|\d+[.)])")  # what else opens a block at the start of a line
# Editor Markdown lines that would open a block beyond plain formatting: admonitions, details, tabs,
# fenced code, abbreviation and footnote definitions, generic blocks.
BLOCK_MARKER = re.compile(r"^([ \t]*)(!!!|\?\?\?|===|```|~~~|\*\[|\[\^|:::|///)", re.M)
DIRECTION_OPENERS = {"\u202a": "\u202c", "\u202b": "\u202c", "\u202d": "\u202c", "\u202e": "\u202c",
                     "\u2066": "\u2069", "\u2067": "\u2069", "\u2068": "\u2069"}
DIRECTION_CHARS = re.compile("[" + "".join(DIRECTION_OPENERS) + "\u202c\u2069]")


Derived = TypeVar("Derived")


def once_per_guide(function: Callable[[Guide], Derived]) -> Callable[[Guide], Derived]:
    """A function of the guide alone, computed once per guide: every page of a build asks again.

    The guide is frozen, so what is derived from it cannot go stale; the result is shared, so callers
    only read it. Only the latest guide is kept (the one being built)."""
    kept: list[tuple[Guide, Derived]] = []

    @functools.wraps(function)
    def derived(guide: Guide) -> Derived:
        if not kept or kept[0][0] is not guide:
            kept[:] = [(guide, function(guide))]
        return kept[0][1]

    return derived


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


def close_directions(text: str) -> str:
    """Text with every right-to-left (or other) direction override it opens closed at its end.

    An unclosed override would reverse what follows it on the page, such as citations and dates.
    """
    if not DIRECTION_CHARS.search(text):  # nearly all text: skip the walk, which is slow in Python
        return text
    pending: list[str] = []
    for char in text:
        if char in DIRECTION_OPENERS:
            pending.append(DIRECTION_OPENERS[char])
        elif char == "\u202c" and pending and pending[-1] == "\u202c":
            pending.pop()
        elif char == "\u2069" and "\u2069" in pending:
            del pending[len(pending) - 1 - pending[::-1].index("\u2069"):]  # closes what it isolates, too
    return text + "".join(reversed(pending))


@once_per_guide
def term_marker(guide: Guide) -> Callable[[str], str]:
    """A function that gives glossary terms in escaped text a tooltip, like the abbr extension does."""
    meanings = {}
    for term in guide.glossary:
        for name in filter(None, (term.term, term.chinese)):
            meanings.setdefault(escape(name), escape(" ".join(term.definition.split())))
    if not meanings:
        return lambda text: text
    pattern = re.compile(rf"(?<![\w&#-])({prefix_tree_pattern(meanings)})(?![\w-])")  # & and # before: inside &lt; or &#91;
    return lambda text: pattern.sub(lambda m: f'<abbr title="{meanings[m.group(1)]}">{m.group(1)}</abbr>', text)


def prefix_tree_pattern(words) -> str:
    """A regular expression matching any of the words, longest first, branching one character at a time.

    A plain alternation tries every word at every position of the text: with thousands of glossary
    terms that was most of the comparison page's time. Shared beginnings are written once here."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    return _branches(tree, 0)


MAX_NESTING = 16  # branchings written as nested groups; below that, the remaining words are listed


def _branches(node: dict, nesting: int) -> str:
    if nesting == MAX_NESTING:  # e.g. "a", "aa", "aaa", …: nesting that deep would exhaust the regex compiler
        rest = sorted(_words_below(node), key=len, reverse=True)
        body = "(?:" + "|".join(re.escape(word) for word in rest if word) + ")"
        return f"{body}?" if "" in rest else body
    branches = []
    for char, child in sorted(node.items()):
        if char:
            run = [char]
            while len(child) == 1 and "" not in child:  # a run without branching: one piece, no recursion
                (char, child), = child.items()
                run.append(char)
            branches.append(re.escape("".join(run)) + _branches(child, nesting + 1))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body  # greedy: the longer word is tried first


def _words_below(node: dict) -> list[str]:
    """Every word ending at or below a node of the prefix tree, without its beginning."""
    words, pending = [], [("", node)]
    while pending:
        start, node = pending.pop()
        for char, child in node.items():
            if char:
                pending.append((start + char, child))
            else:
                words.append(start)
    return words


def listed(items) -> str:
    """Texts joined by commas, each closing its own direction overrides so none spills into the next."""
    return ", ".join(close_directions(item) for item in items)


def escape(text: str) -> str:
    """Text made literal in HTML elements and attributes, and in Markdown or Jinja around them."""
    text = close_directions(text)
    return text.translate(HTML_LITERAL) if TO_ESCAPE.search(text) else text


def md_text(text: str) -> str:
    """Plain text made literal on one line of Markdown: no HTML, emphasis, links or block syntax."""
    literal = close_directions(" ".join(text.split())).translate(MD_LITERAL)
    return LINE_START.sub(lambda m: f"&#{ord(m.group()[0])};{m.group()[1:]}", literal)


def phrase(text: str, markdown: bool = False) -> str:
    """Literal text for HTML (or Markdown), marked as Chinese when it is Chinese only."""
    literal = md_text(text) if markdown else escape(text)
    if CHINESE.search(text) and not LATIN.search(text):
        return f'<span lang="zh">{literal}</span>'
    return literal


def md_block(markdown: str, links: Links) -> str:
    """Editor Markdown kept to formatting, lists and links: no raw HTML, no images, no blocks that
    could open or close around it; guide links (page.md#id) made site URLs."""
    lines = [close_directions(line) for line in markdown.split("\n")]
    neutral = "\n".join(lines).replace("&", "&amp;").replace("<", "&lt;").replace("{", "&#123;")
    neutral = BLOCK_MARKER.sub(lambda m: f"{m.group(1)}&#{ord(m.group(2)[0])};{m.group(2)[1:]}", neutral)
    neutral = neutral.replace("![", "&#33;[")
    return SITE_LINK.sub(lambda m: f"]({links.md(m.group(1), (m.group(2) or '#')[1:] or None)})", neutral)


def indent(text: str, spaces: int = 4) -> str:
    """Indent every non-empty line, for content inside admonitions and tabs."""
    pad = " " * spaces
    return "\n".join(pad + line if line.strip() else "" for line in text.split("\n"))


@once_per_guide
def source_numbers(guide: Guide) -> dict[str, int]:
    """Footnote number of each source: its position in the sources list."""
    return {source.id: number for number, source in enumerate(guide.sources, start=1)}


def cite(source_ids: list[str], numbers: dict[str, int], links: Links) -> str:
    """Numbered links to the Sources page, e.g. [3][7]."""
    parts = [
        f'<a href="{escape(links.to("sources", sid))}" title="Source {numbers[sid]}">[{numbers[sid]}]</a>'
        for sid in source_ids
    ]
    return f'<sup class="cite" {NO_SEARCH}>{"".join(parts)}</sup>'


def checked(date: datetime.date) -> str:
    """When a fact was last checked."""
    return f'<span class="checked" {NO_SEARCH}>checked <time datetime="{date.isoformat()}">{date.isoformat()}</time></span>'


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
