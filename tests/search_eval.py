"""Search evaluation: type seller queries into the built site's search box and rank the answers.

`make search-eval` runs this file: it builds the site, serves it on loopback, opens it in headless
Chromium and prints the top-1 and top-3 hit rates over tests/search_queries.yml, and every miss.
It is a measurement: it fails on a build or query-file error, not on figures below the goals.
The browser tests import the same helpers, so both measure search the same way.
"""

import json
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from tools.local_site import CHROMIUM_FLAGS, chromium_path, serve_folder

ROOT = Path(__file__).resolve().parent.parent
QUERIES = Path(__file__).resolve().parent / "search_queries.yml"
TARGET = re.compile(r"^([a-z0-9-]+/)*(#[a-z0-9-]+)?$")
TOP = 3
GOALS = {1: 0.80, TOP: 0.95}

# For each result link, in the order the list shows them: its URL, whether it is the page heading
# of a group (shown only as a group title unless the page itself is the group's best match), and
# whether it sits in a collapsed "N more on this page".
READ_RESULTS = """() => [...document.querySelectorAll('.md-search-result__list a.md-search-result__link')]
  .map(a => {
    const article = a.querySelector('article');
    const heading = article.querySelector('h1');
    const teaser = heading && article.textContent.trim() !== heading.textContent.trim();
    return {href: a.href, heading: !!heading && !teaser, collapsed: !!a.closest('details')};
  })"""


@dataclass(frozen=True)
class Query:
    """A seller's query and the targets that answer it."""

    query: str
    kind: str
    expect: tuple[str, ...]
    smoke: bool = False
    batch: int = 1


@dataclass(frozen=True)
class Result:
    """One search result: its target as `page/#anchor`, and whether it hides behind 'more'."""

    target: str
    collapsed: bool


def load_queries(path: Path = QUERIES) -> list[Query]:
    """The query set; a malformed entry stops the run with its position."""
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    queries = []
    for number, entry in enumerate(entries, start=1):
        expect = tuple(entry.get("expect") or ())
        bad = [t for t in expect if not TARGET.match(t)]
        if not entry.get("query") or not expect or bad:
            raise ValueError(f"{path.name}: query {number}: needs `query` and `expect` targets like faq/#id {bad}")
        queries.append(Query(entry["query"], entry.get("kind", ""), expect, bool(entry.get("smoke")),
                             int(entry.get("batch", 1))))
    return queries


def normalise(href: str, base_url: str) -> str:
    """A result URL as `path/#anchor` below the site root, without the highlight query."""
    parts = urlsplit(href)
    path = parts.path.removeprefix(urlsplit(base_url).path)
    return f"{path}#{parts.fragment}" if parts.fragment else path


def rank(query: Query, results: list[Result]) -> int | None:
    """1-based position of the first expected target among the results, or None."""
    for position, result in enumerate(results, start=1):
        if result.target in query.expect:
            return position
    return None


def launch(playwright):
    """Headless Chromium from the system package; never a downloaded browser."""
    executable = chromium_path()
    if executable is None:
        raise RuntimeError("Chromium not found: apt-get install chromium")
    return playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS, headless=True)


class SearchBox:
    """The site's search box in one browser page."""

    def __init__(self, page, base_url: str):
        self.page = page
        self.base_url = base_url
        page.goto(base_url)
        self.input = page.locator("input.md-search__input")
        self.meta = page.locator(".md-search-result__meta")
        config = json.loads(page.locator("#__config").text_content())
        self.placeholder = config["translations"]["search.result.placeholder"]
        self.no_results = config["translations"]["search.result.none"]
        self.input.click()
        self._wait_for_placeholder(True)  # the index is loaded and the box is empty

    def _wait_for_placeholder(self, shown: bool) -> None:
        self.page.wait_for_function(
            "([el, text, shown]) => (el.textContent.trim() === text) === shown",
            arg=[self.meta.element_handle(), self.placeholder, shown],
        )

    def search(self, query: str) -> list[Result]:
        """Type the query (one key-up, so exactly one search runs) and read the results in order."""
        self.input.fill("")
        self.input.press("End")
        self._wait_for_placeholder(True)
        self.input.fill(query)
        self.input.press("End")  # Material searches on key-up, as after typing or an IME commit
        self._wait_for_placeholder(False)
        # The count is shown before the results are drawn: wait for the first one, or for "none".
        self.page.wait_for_function(
            "([meta, none]) => meta.textContent.trim() === none || document.querySelector('.md-search-result__list a')",
            arg=[self.meta.element_handle(), self.no_results],
        )
        links = self.page.evaluate(READ_RESULTS)
        return [Result(normalise(link["href"], self.base_url), link["collapsed"]) for link in links if not link["heading"]]


def build_site(site_dir: Path) -> None:
    """`mkdocs build --strict` into site_dir; stops with the build output on failure."""
    mkdocs = Path(sys.executable).parent / "mkdocs"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([str(mkdocs), "build", "--strict", "-q", "-d", str(site_dir)], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"build failed:\n{done.stdout}{done.stderr}")


def unknown_targets(queries: list[Query], site_dir: Path) -> list[str]:
    """Expected targets that are no page or anchor of the built site: a mistake in the query file."""
    missing = set()
    for target in {t for q in queries for t in q.expect}:
        path, _, anchor = target.partition("#")
        page = site_dir / path / "index.html"
        if not page.exists() or (anchor and f'id="{anchor}"' not in page.read_text(encoding="utf-8")):
            missing.add(target)
    return sorted(missing)


def hit_rates(queries: list[Query], found: dict[str, list[Result]]) -> dict[int, int]:
    """For top-1 and top-3: how many queries have an expected target that far up."""
    ranks = [rank(q, found[q.query]) for q in queries]
    return {k: sum(1 for r in ranks if r is not None and r <= k) for k in sorted(GOALS)}


def report(queries: list[Query], found: dict[str, list[Result]]) -> tuple[str, bool]:
    """The printed evaluation and whether both goals are met."""
    lines, met, total = [], True, len(queries)
    for k, hits in hit_rates(queries, found).items():
        met &= hits / total >= GOALS[k]
        lines.append(f"top-{k}: {hits}/{total} = {hits / total:.0%} (goal {GOALS[k]:.0%})")
    batches = sorted({q.batch for q in queries})
    for batch in batches if len(batches) > 1 else []:
        part = [q for q in queries if q.batch == batch]
        rates = ", ".join(f"top-{k} {hits}/{len(part)}" for k, hits in hit_rates(part, found).items())
        lines.append(f"  batch {batch}: {rates}")
    ranks = {q.query: rank(q, found[q.query]) for q in queries}
    hidden = sum(1 for q in queries if (r := ranks[q.query]) and r <= TOP and found[q.query][r - 1].collapsed)
    lines.append(f"top-{TOP} hits inside a collapsed 'N more on this page': {hidden}")
    shown = {q.query: [x for x in found[q.query] if not x.collapsed] for q in queries}
    visible = hit_rates(queries, shown)[TOP]
    lines.append(f"top-{TOP} counting only results shown without expanding: {visible}/{total} = {visible / total:.0%}")
    for q in queries:
        r = ranks[q.query]
        if r is None or r > 1:
            first = ", ".join(res.target or "(home)" for res in found[q.query][:TOP]) or "no results"
            where = f"rank {r}" if r else f"not in {len(found[q.query])} results"
            lines.append(f"{'MISS' if r is None or r > TOP else 'not first'} [{q.kind}] {q.query!r}: {where}; "
                         f"want {' or '.join(q.expect)}; first: {first}")
    return "\n".join(lines), met


def main() -> int:
    from playwright.sync_api import sync_playwright

    queries = load_queries()
    with tempfile.TemporaryDirectory() as tmp:
        site_dir = Path(tmp) / "site"
        build_site(site_dir)
        if missing := unknown_targets(queries, site_dir):
            print(f"{QUERIES.name} expects targets the site does not have: {', '.join(missing)}", file=sys.stderr)
            return 2
        with serve_folder(site_dir) as base_url, sync_playwright() as playwright:
            browser = launch(playwright)
            box = SearchBox(browser.new_page(viewport={"width": 1280, "height": 900}), base_url)
            found = {q.query: box.search(q.query) for q in queries}
            browser.close()
    text, met = report(queries, found)
    verdict = "both goals met" if met else "goals NOT met"
    print(f"{len(queries)} queries from {QUERIES.relative_to(ROOT)}\n{text}\n{verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
