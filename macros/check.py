"""`python -m macros.check`: validate the data (and the ids the docs use) without building the site."""

import argparse
import datetime
import re
import sys
from pathlib import Path

from . import DATA_FILE
from .checks import page_anchors, stale_facts, unknown_site_links
from .load import GuideError, format_path, load_guide
from .model import Guide
from .yamlpos import read_positioned

ROOT = Path(__file__).resolve().parent.parent
MODE_CALL = re.compile(r"(mode_page|value_chain)\(\s*[\"']([^\"']*)[\"']")


def doc_problems(docs: Path, guide: Guide) -> list[str]:
    """Ids used in docs pages (links into generated pages, mode_page calls) that the data lacks."""
    anchors, modes = page_anchors(guide), {m.id for m in guide.modes}
    problems = []
    for page in sorted(docs.rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        found = list(unknown_site_links(text, anchors))
        found += [f"{call}({m!r}): no such mode" for call, m in MODE_CALL.findall(text) if m not in modes]
        problems += [f"{page.relative_to(docs.parent)}: {message}" for message in found]
    return problems


def stale_warnings(path: Path, display: str, guide: Guide, max_age_days: int) -> list[str]:
    """One line per fact checked too long ago, located in the data file."""
    found = list(stale_facts(guide, datetime.date.today(), max_age_days))
    if not found:
        return []
    positioned = read_positioned(path.read_text(encoding="utf-8-sig"))
    located = sorted((positioned.locate(p), p, message) for p, message in found)
    lines = [f"{display}:{line}:{col}: warning: {format_path(p)}: {message}" for (line, col), p, message in located]
    return lines + [f"{len(lines)} fact{'s' if len(lines) != 1 else ''} due for a re-check (older than {max_age_days} days)"]


def main(argv: list[str]) -> int:
    """Exit 0 when data and docs agree, 1 with every problem listed; stale facts only warn."""
    parser = argparse.ArgumentParser(prog="make check", description=__doc__)
    parser.add_argument("data", nargs="?", type=Path, default=ROOT / DATA_FILE)
    parser.add_argument("--max-age-days", type=int, default=180, help="warn about facts checked longer ago")
    parser.add_argument("--docs", type=Path, help="docs folder whose ids to check (default: docs/ for the real data)")
    args = parser.parse_args(argv)
    data = args.data.resolve()
    inside = data.is_relative_to(ROOT)
    display = str(data.relative_to(ROOT)) if inside else str(args.data)
    docs = args.docs or (ROOT / "docs" if data == (ROOT / DATA_FILE).resolve() else None)
    try:
        guide = load_guide(data, ROOT if inside else None)
    except GuideError as error:
        print(error.report(), file=sys.stderr)
        return 1
    except OSError as error:
        print(f"{display}: cannot read the data file: {error.strerror}", file=sys.stderr)
        return 1
    for line in stale_warnings(data, display, guide, args.max_age_days):
        print(line, file=sys.stderr)
    problems = doc_problems(docs, guide) if docs else []
    for line in problems:
        print(line, file=sys.stderr)
    if problems:
        return 1
    print(
        f"{display}: ok: {len(guide.modes)} modes, {len(guide.dimensions)} comparison rows, "
        f"{len(guide.faq)} FAQ entries, {len(guide.sources)} sources"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
