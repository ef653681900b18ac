"""Every link in the built site resolves: internal ones to a file and anchor, external ones are valid https."""

import re
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

from macros.model import https_url_problem

SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
URL_ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src", "iframe": "src"}


@cache
def parsed(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def links(site: Path):
    """(page, element, URL) for every URL attribute in every page."""
    for page in sorted(site.rglob("*.html")):
        for tag, attr in URL_ATTRIBUTES.items():
            for element in parsed(page).find_all(tag, attrs={attr: True}):
                yield page, element, element[attr]


def target_file(site: Path, page: Path, url: str) -> Path:
    """The file an internal URL points at, as a static server would pick it."""
    page_url = "/" + page.relative_to(site).as_posix()
    path = unquote(urlsplit(urljoin(page_url, url)).path).lstrip("/")
    target = site / path
    return target / "index.html" if path == "" or path.endswith("/") or target.is_dir() else target


def ids(page: Path) -> set[str]:
    soup = parsed(page)
    return {e["id"] for e in soup.find_all(id=True)} | {e["name"] for e in soup.find_all("a", attrs={"name": True})}


def broken_links(site: Path) -> tuple[list[str], int]:
    """Internal links whose file or anchor is missing, and how many internal links there are."""
    broken, checked = [], 0
    for page, element, url in links(site):
        if SCHEME.match(url) or url.startswith("//"):
            continue
        checked += 1
        target = page if url.startswith("#") else target_file(site, page, url)
        fragment = unquote(urlsplit(url).fragment)
        if not target.is_file():
            broken.append(f"{page.relative_to(site)}: {url} (no file {target.relative_to(site)})")
        elif fragment and target.suffix == ".html" and fragment not in ids(target):
            broken.append(f"{page.relative_to(site)}: {url} (no id {fragment!r} in {target.relative_to(site)})")
    return broken, checked


def test_every_internal_link_reaches_a_file_and_its_anchor(built_site):
    broken, checked = broken_links(built_site)
    assert checked > 100, "the site should have many internal links"
    assert broken == []


def test_the_checker_reports_missing_pages_and_anchors(tmp_path):
    (tmp_path / "faq").mkdir()
    (tmp_path / "faq" / "index.html").write_text('<h3 id="yes">Q</h3><a href="../#top">up</a>', encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<p id="top"></p><a href="faq/#yes">ok</a><a href="faq/#no">bad anchor</a><a href="gone/">bad page</a>'
        '<a href="#top">ok</a><a href="#nowhere">bad</a><script src="missing.js"></script>', encoding="utf-8")
    assert broken_links(tmp_path) == ([
        "index.html: faq/#no (no id 'no' in faq/index.html)", "index.html: gone/ (no file gone/index.html)",
        "index.html: #nowhere (no id 'nowhere' in index.html)", "index.html: missing.js (no file missing.js)",
    ], 7)


def test_external_links_are_valid_https_urls(built_site):
    offenders = []
    for page, element, url in links(built_site):
        if not (SCHEME.match(url) or url.startswith("//")):
            continue
        if url == "javascript:void(0)" and element.get("data-md-component") == "search-share":
            continue  # the theme's share button, driven by its own script
        problem = https_url_problem(url)
        if problem:
            offenders.append(f"{page.relative_to(built_site)}: <{element.name}> {url}: {problem}")
    assert offenders == []
