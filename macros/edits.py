"""'Suggest a correction' links: to the data file on a code host, or to the site's how-to page."""

import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

from .markup import Links, escape

DATA_PATH = "data/guide.yml"
EDIT_BASE = re.compile(r"^https://[^\s\"'<>]+/$")


def edit_base_problem(value: object) -> str | None:
    """Why a configured `extra.edit_base` is unusable, or None when it is fine (empty is fine)."""
    if value == "" or (isinstance(value, str) and EDIT_BASE.match(value)):
        return None
    return (
        f"extra.edit_base is {value!r}: leave it empty, or give the https:// address of the "
        "repository's files ending in /, e.g. https://github.com/OWNER/REPO/blob/main/"
    )


@dataclass(frozen=True)
class Edits:
    """Where each entry of the data file starts, and where corrections go."""

    lines: dict[str, int] = field(default_factory=dict)  # entry id -> line in the data file
    base: str = ""  # e.g. https://github.com/OWNER/REPO/blob/main/; empty: the how-to page

    def href(self, entry_id: str, links: Links) -> str:
        """URL for correcting the entry with this id."""
        line = self.lines[entry_id]
        if self.base:
            return f"{self.base}{DATA_PATH}#L{line}"
        return f"{links.to('corrections')}?{urlencode({'entry': entry_id, 'line': line})}"

    def link(self, entry_id: str, links: Links, text: str = "Suggest a correction") -> str:
        """The HTML link, naming the data file and line in its tooltip."""
        line = self.lines[entry_id]
        return (
            f'<a class="suggest-edit" href="{escape(self.href(entry_id, links))}" '
            f'title="{DATA_PATH}, line {line} (id: {escape(entry_id)})">{escape(text)}</a>'
        )
