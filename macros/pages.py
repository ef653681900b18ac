"""Page pieces about the modes themselves, the glossary and the sources."""

import functools
import html
import re
from dataclasses import dataclass

from .chain import render_value_chain
from .changes import latest_changes, updated_mark
from .checks import source_references
from .edits import Edits
from .faq import FaqGroups, render_faq_links
from .markup import NO_SEARCH, Links, escape, fact_meta, indent, listed, md_block, md_text, source_numbers
from .model import Guide, Mode, Point


def find_mode(guide: Guide, mode_id: str) -> Mode:
    """The mode with this id, or an error naming the known ids."""
    for mode in guide.modes:
        if mode.id == mode_id:
            return mode
    known = ", ".join(m.id for m in guide.modes)
    raise ValueError(f"unknown mode id {mode_id!r}; known mode ids: {known}")


def render_mode_cards(guide: Guide, links: Links) -> str:
    """One Material grid card per mode: name, Chinese name, summary, link to its page."""
    cards = []
    for mode in guide.modes:
        cards.append(
            f"-   **{md_text(mode.name)}** <span lang=\"zh\">{escape(mode.chinese)}</span>\n\n"
            f"    ---\n\n    {md_text(mode.summary)}\n\n"
            f"    [Read about {md_text(mode.name.lower())}]({links.md('modes/' + mode.id)})"
        )
    return '<div class="grid cards" markdown>\n\n' + "\n\n".join(cards) + "\n\n</div>"


def render_flow_tabs(guide: Guide, links: Links) -> str:
    """Linked content tabs, one per mode: how goods and money move."""
    tabs = []
    for mode in guide.modes:
        body = f"**Goods**\n\n{md_block(mode.goods_flow, links)}\n\n**Money**\n\n{md_block(mode.money_flow, links)}"
        tabs.append(f'=== "{escape(mode.name)}"\n\n{indent(body)}\n')
    return "\n".join(tabs)


def _points(points: list[Point], numbers: dict[str, int], links: Links) -> str:
    return "\n".join(f"- {md_text(p.text)} {fact_meta(p, numbers, links)}" for p in points)


def render_glance_tabs(guide: Guide, links: Links) -> str:
    """Linked content tabs, one per mode: what it is, whom it suits, where and since when."""
    numbers = source_numbers(guide)
    tabs = []
    for mode in guide.modes:
        body = "\n\n".join([
            f"{md_text(mode.summary)} {fact_meta(mode, numbers, links)}",
            f"**It suits:**\n\n{_points(mode.suits, numbers, links)}",
            f"**Markets:** {md_text(', '.join(mode.markets))}  \n**Started:** {md_text(mode.launched)}",
            f"[Read about {md_text(mode.name.lower())}]({links.md('modes/' + mode.id)})",
        ])
        tabs.append(f'=== "{escape(mode.name)}"\n\n{indent(body)}\n')
    return "\n".join(tabs)


def render_mode_page(
    guide: Guide, mode_id: str, links: Links, edits: Edits | None = None, faq_groups: FaqGroups | None = None,
) -> str:
    """A whole page about one mode, from the data; with the split FAQ's groups, its questions by topic."""
    mode = find_mode(guide, mode_id)
    numbers = source_numbers(guide)
    also = listed(mode.aliases)
    updated = updated_mark(latest_changes(guide).get(mode.id), links)
    sections = [
        f"# {md_text(mode.name)} <span lang=\"zh\">{escape(mode.chinese)}</span>",
        f"{md_text(mode.summary)} {fact_meta(mode, numbers, links)}{' · ' + updated if updated else ''}",
        f"**Also called:** {md_text(also)}" if also else "",
        f"**Started:** {md_text(mode.launched)}  \n**Markets:** {md_text(listed(mode.markets))}",
        "## How goods flow {#goods-flow}",
        md_block(mode.goods_flow, links),
        "## How money flows {#money-flow}",
        md_block(mode.money_flow, links),
        "## Who does what {#who-does-what}",
        md_block(mode.roles, links),
        "### Stage by stage {#stages}" if guide.stages else "",
        render_value_chain(guide, links, mode.id) if guide.stages else "",
        "## Advantages {#advantages}",
        _points(mode.advantages, numbers, links),
        "## Risks {#risks}",
        _points(mode.risks, numbers, links),
        "## Who it suits {#who-it-suits}",
        _points(mode.suits, numbers, links),
        "## Questions about this mode {#questions}",
        render_faq_links(guide, mode.id, links, faq_groups) or "No questions yet.",
        f'<p class="suggest">{edits.link(mode.id, links, "Suggest a correction to this page")}</p>' if edits else "",
    ]
    return "\n\n".join(s for s in sections if s)


def render_glossary(guide: Guide) -> str:
    """Every term with its Chinese name and definition, each with an anchor."""
    rows = "".join(
        f'<tr id="{t.id}"><th scope="row">{escape(t.term)}</th>'
        f'<td lang="zh">{escape(t.chinese or "")}</td><td>{escape(t.definition)}</td></tr>'
        for t in guide.glossary
    )
    return (
        '<div class="comparison-scroll" tabindex="0" role="region" aria-label="Glossary">'
        '<table class="glossary"><caption>Terms used in this guide</caption>'
        '<thead><tr><th scope="col">Term</th><th scope="col">Chinese</th><th scope="col">Meaning</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
    )


GLOSSARY_START, GLOSSARY_END = "<!-- glossary tooltips -->", "<!-- /glossary tooltips -->"


def render_abbreviations(guide: Guide) -> str:
    """Abbreviation definitions so each glossary term shows its meaning as a tooltip.

    A term the definition syntax cannot hold (with [, ] or \\) gets no tooltip rather than a wrong one.
    The block is marked so that used_abbreviations finds it without reading the page for it.
    """
    lines = []
    for term in guide.glossary:
        meaning = escape(" ".join(term.definition.split()))  # Markdown keeps these references in the title
        for name in filter(None, (term.term, term.chinese)):
            if not set(name) & set("[]\\"):
                lines.append(f"*[{name}]: {meaning}")
    # One block per definition: Markdown re-reads the rest of a block after each definition in it,
    # which grows with the square of the glossary.
    return f"\n{GLOSSARY_START}\n\n" + "\n\n".join(lines) + f"\n\n{GLOSSARY_END}\n"


ABBREVIATION = re.compile(r"^\*\[([^\]\n]+)\]:[ \t]*\S[^\n]*", re.M)  # one-line definitions only
BACKSLASH_ESCAPE = re.compile(r"\\(.)")
ASCII_WORD = re.compile(r"[A-Za-z0-9_]+")


def used_abbreviations(markdown: str) -> str:
    """A page's Markdown with only those definitions of its glossary block whose term occurs in it.

    Markdown reads every definition on a page and tries every term on every text: definitions a page
    does not use cost time that grows with pages × glossary. The test for a term is looser than
    Markdown's (text as written, escapes undone, any characters between its words), so a used
    definition is never dropped.
    """
    start = markdown.find(GLOSSARY_START)
    end = markdown.find(GLOSSARY_END, start)
    if start < 0 or end < 0:
        return markdown
    rest = markdown[:start].rstrip("\n") + "\n" + markdown[end + len(GLOSSARY_END):]
    text = html.unescape(BACKSLASH_ESCAPE.sub(r"\1", rest))
    glossary = _definitions(markdown[start:end])
    kept = [glossary.lines[at] for at in glossary.used(text)]
    return rest.rstrip("\n") + "\n\n" + "\n\n".join(kept) + "\n" if kept else rest


@dataclass(frozen=True)
class _Definitions:
    """The definitions of a glossary block, indexed by their terms' first ASCII word."""

    lines: tuple[str, ...]
    names: tuple[str, ...]
    words: tuple[tuple[str, ...], ...]  # each term's ASCII words
    by_first_word: dict[str, list[int]]
    wordless: tuple[int, ...]  # e.g. Chinese: no word breaks to look up

    def used(self, text: str) -> list[int]:
        """Positions of the definitions whose term occurs in the text: its words in a row, its other characters somewhere.

        Only terms whose first word is in the text are tried, and word sequences are looked up in
        sets rather than searched for: a glossary of thousands of terms on thousands of pages would
        otherwise cost pages × terms."""
        tokens, chars = ASCII_WORD.findall(text), set(text)
        candidates = [at for token in set(tokens) for at in self.by_first_word.get(token, ())]
        longer = {self.words[at][0] for at in candidates if len(self.words[at]) > 1}
        starts = [at for at, token in enumerate(tokens) if token in longer] if longer else []
        phrases: dict[int, set[tuple[str, ...]]] = {}
        found = [at for at in self.wordless if set(self.names[at]) <= chars and self.names[at] in text]
        for at in candidates:
            words, length = self.words[at], len(self.words[at])
            if length > 1 and length not in phrases:
                phrases[length] = {tuple(tokens[start:start + length]) for start in starts}
            if (length == 1 or words in phrases[length]) and set(self.names[at]) <= chars:
                found.append(at)
        return sorted(found)


@functools.lru_cache(maxsize=2)  # every page of a build has the same block: read it once
def _definitions(block: str) -> _Definitions:
    """The definitions of a glossary block (term, its ASCII words, definition line), indexed."""
    found = [(m.group(1), tuple(ASCII_WORD.findall(m.group(1))), m.group(0)) for m in ABBREVIATION.finditer(block)]
    by_first_word: dict[str, list[int]] = {}
    for at, (_, words, _) in enumerate(found):
        if words:
            by_first_word.setdefault(words[0], []).append(at)
    return _Definitions(
        lines=tuple(line for _, _, line in found), names=tuple(name for name, _, _ in found),
        words=tuple(words for _, words, _ in found), by_first_word=by_first_word,
        wordless=tuple(at for at, (_, words, _) in enumerate(found) if not words),
    )


MODE_SECTIONS = {"advantages": "advantages", "risks": "risks", "suits": "who-it-suits"}


def fact_link(guide: Guide, path: tuple) -> tuple[str, str, str | None]:
    """(label, page, anchor) of the fact at a path such as ('dimensions', 3, 'values', 'semi-managed')."""
    collection, index = path[0], path[1]
    entry = getattr(guide, collection)[index]
    if collection == "modes":
        return entry.name, f"modes/{entry.id}", MODE_SECTIONS.get(path[2])
    if collection == "dimensions":
        mode = find_mode(guide, path[3])
        return f"{entry.label} ({mode.name})", "compare", entry.id
    if collection == "faq":
        return entry.question, "faq", entry.id
    if collection == "timeline":
        return entry.title, "timeline", entry.id
    if collection == "stages":
        return f"{entry.name} ({find_mode(guide, path[3]).name})", "compare", entry.id
    if collection == "decision":
        return f"{entry.text} {entry.options[path[3]].label}", "decide", entry.id
    return entry.name, "context", entry.id


def _reliance(guide: Guide, links: Links) -> dict[str, list[str]]:
    """For each source id, links to the facts that cite it, each fact once."""
    facts: dict[str, dict[tuple, str]] = {}
    html_links: dict[tuple, str] = {}  # a fact citing several sources is linked once
    for path, source_id in source_references(guide):
        label, page, anchor = fact = fact_link(guide, path)
        if fact not in html_links:
            html_links[fact] = f'<a href="{escape(links.to(page, anchor))}">{escape(label)}</a>'
        facts.setdefault(source_id, {})[fact] = html_links[fact]
    return {source_id: list(found.values()) for source_id, found in facts.items()}


def render_sources(guide: Guide, links: Links) -> str:
    """Every source, numbered as cited, with publisher, date, link and the facts relying on it."""
    reliance = _reliance(guide, links)
    items = []
    for number, source in enumerate(guide.sources, start=1):
        date = escape(source.published or "date not shown")
        facts = reliance.get(source.id, [])
        used = (
            f'<details class="relied-on"><summary>Relied on by {len(facts)} '
            f'fact{"s" if len(facts) != 1 else ""}</summary><ul>{"".join(f"<li>{f}</li>" for f in facts)}</ul></details>'
        )
        items.append(
            f'<li id="{source.id}" value="{number}"><a href="{escape(source.url)}" rel="noopener noreferrer">'
            f"{escape(source.title)}</a>. {escape(source.publisher)}; {date}. "
            f'<span class="source-kind">{escape(source.kind)}</span>{used}</li>'
        )
    # Out of search: titles of 100 articles about the modes would push the answers down.
    return f'<ol class="sources" {NO_SEARCH}>{"".join(items)}</ol>'
