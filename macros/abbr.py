"""Glossary tooltips: each definition's tooltip at its first use in each section, plain text after that."""

import re

ABBR = re.compile(r'<abbr title="([^"]*)">(.*?)</abbr>', re.S)
HEADING = re.compile(r"<h[1-6][\s>]")  # searched for, not split on with a lookahead, which tries every position


def first_tooltips_only(html: str) -> str:
    """The page's HTML with each definition's tooltip kept once per heading's section.

    A reader who jumps to any question still finds its terms explained, and a long page does not
    repeat the same definition hundreds of times (the FAQ named each mode about 150 times). A term's
    other name (半托管 after Semi-managed) shares its definition, so it is not explained twice."""
    if "<abbr " not in html:
        return html
    starts = [0, *(match.start() for match in HEADING.finditer(html)), len(html)]
    return "".join(_first_only(html[start:end]) for start, end in zip(starts, starts[1:]))


def _first_only(section: str) -> str:
    seen: set[str] = set()

    def keep_first(match: re.Match) -> str:
        definition = match.group(1)
        if definition in seen:
            return match.group(2)
        seen.add(definition)
        return match.group(0)

    return ABBR.sub(keep_first, section)
