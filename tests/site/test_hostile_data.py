"""Hostile text in every rendered field of the real data: the built pages show it literally and run nothing.

A copy of the project gets the payloads injected into the first entry of each collection, plus one
new entry in each optional collection (field names from the schema only), and is built with
--strict; a control build gets plain words in the same places. The hostile pages must have the
control's structure, no new scripts, event handlers or script-capable URLs, and show the text as
written.
"""

import json
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, copy_project, run_build
from macros import DATA_FILE
from macros.markup import close_directions

# Plain-text fields: everything here must appear as written.
TEXT = (
    '</title></textarea></style><script>alert(1)</script> <img src=x onerror=alert(1)> <a href="javascript:alert(1)" onclick="alert(1)">a</a> '
    "\" onmouseover=\"alert(1)\" ' onfocus='alert(1)' {{ config }} {% raw %} {# c #} {: onclick=\"alert(1)\" } "
    "</details> </td></tr></table> ``` !!! note | a | b | [x](javascript:alert(1)) "
    "![i](data:image/png;base64,AA) <https://example.org/auto> *[HTML]: hijack <!-- c --> &amp; \\ "
    "\u202eevil 中文 😀"
)
# The same with line breaks: a blank line must not end the HTML block a table cell sits in.
TEXT_LINES = "first line\n\n</td></tr></table>\n\n[x](javascript:alert(1)) **bold?** <b>b</b>\n    indented"
# Editor Markdown: formatting is allowed, but nothing may open or close blocks around it.
MARKDOWN = "\n".join([
    "<script>alert(1)</script> <img src=x onerror=alert(1)> {{ config }} {% raw %} {#",
    "</details>", "</div></div>", "</td></tr></table>", "```", "~~~", '!!! note "injected"', "    inside",
    '??? question "injected"', '=== "injected"', "*[Temu]: hijacked", '{: onclick="alert(1)" }',
    "<!-- comment -->", "| a | b |", "\u202eevil 中文 😀",
])
IMAGE = "![i](https://example.org/tracker.png)"  # an allowed link, but a picture from another host must not load
DANGEROUS_URL = re.compile(r"^\s*(javascript|data|vbscript):", re.I)
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "srcdoc", "xlink:href", "data", "poster")
COUNTED = ("script", "iframe", "object", "embed", "img", "svg", "math", "style", "link", "meta", "base", "form",
           "input", "button", "textarea", "template", "table", "tr", "td", "th", "details", "summary", "h1", "h2", "h3")
BIDI_OPEN = re.compile("[\u202a\u202b\u202d\u202e\u2066\u2067\u2068]")
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def inject(data: dict, hostile: bool = True) -> dict[str, tuple[str, list[str]]]:
    """Put a marked payload (or, for the control build, plain words) into each rendered field.

    Returns marker -> (text as written, pages showing it).
    """
    shown: dict[str, tuple[str, list[str]]] = {}

    def put(entry: dict, field: str, pages: list[str], payload: str = TEXT, append: bool = False) -> None:
        marker = f"H{len(shown):02d}"
        value = f"{marker} {payload if hostile else 'plain words'}"
        entry[field] = [*entry.get(field, []), value] if append else value
        shown[marker] = (value, pages)

    mode, source = data["modes"][0], data["sources"][0]["id"]
    mode_page = f"modes/{mode['id']}/"
    put(mode, "name", ["", "compare/", mode_page])
    put(mode, "chinese", ["", "compare/", mode_page])
    put(mode, "summary", ["", mode_page])
    put(mode, "launched", [mode_page])
    put(mode, "aliases", [mode_page], append=True)
    put(mode, "markets", [mode_page], append=True)
    put(mode["advantages"][0], "text", [mode_page])
    for field in ("goods_flow", "money_flow", "roles"):
        put(mode, field, [mode_page], MARKDOWN)
        mode[field] += "\n" + IMAGE if hostile else ""
    put(data["categories"][0], "name", [])  # shown only where a row or question uses the category
    dimension = data["dimensions"][0]
    put(dimension, "label", ["compare/"])
    cell = dimension["values"][mode["id"]]
    put(cell, "value", ["compare/"])
    put(cell, "note", ["compare/"], TEXT_LINES)
    cell["disagreement"] = {"positions": [{"view": "plain", "sources": [source]}, {"view": "plain", "sources": [source]}]}
    put(cell["disagreement"], "summary", ["compare/"])
    put(cell["disagreement"]["positions"][0], "view", ["compare/"])
    entry = data["faq"][0]
    put(entry, "question", ["faq/"])
    put(entry, "answer", ["faq/"], MARKDOWN)
    entry["answer"] += "\n" + IMAGE if hostile else ""
    entry["disagreement"] = {"positions": [{"view": "plain", "sources": [source]}, {"view": "plain", "sources": [source]}]}
    put(entry["disagreement"], "summary", ["faq/"], TEXT_LINES)
    term = data["glossary"][0]
    for field in ("term", "chinese", "definition"):
        put(term, field, ["glossary/"])
    for field in ("title", "publisher", "published"):
        put(data["sources"][0], field, ["sources/"])
    # The optional collections get one new entry each, built from the schema's required fields.
    fact = {"sources": [source], "checked": mode["checked"]}
    event = {"id": "hostile-event", "when": mode["checked"], "title": "", "modes": [mode["id"]], **fact}
    data.setdefault("timeline", []).append(event)
    put(event, "title", ["timeline/"])
    put(event, "detail", ["timeline/"], TEXT_LINES)
    variant = {"id": "hostile-variant", "name": "", "kind": "sub-mode", "relates_to": [mode["id"]], "summary": "",
               "known": [{"text": "", **fact}], **fact}
    data.setdefault("variants", []).append(variant)
    for field in ("name", "chinese", "summary"):
        put(variant, field, ["context/"])
    put(variant["known"][0], "text", ["context/"])
    put(variant, "unknown", ["context/"], append=True)
    change = {"id": "hostile-change", "date": mode["checked"], "summary": "", "affects": [mode["id"]]}
    data.setdefault("changes", []).append(change)
    put(change, "summary", ["changes/"])
    return shown


class NoAliasDumper(yaml.SafeDumper):
    def ignore_aliases(self, data):
        return True


def build_with(tmp: Path, hostile: bool) -> tuple[Path, dict]:
    project = copy_project(tmp / "project")
    data = yaml.load((project / DATA_FILE).read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    shown = inject(data, hostile)
    (project / DATA_FILE).write_text(yaml.dump(data, Dumper=NoAliasDumper, allow_unicode=True, sort_keys=False),
                                     encoding="utf-8")
    result = run_build(project, tmp / "site")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return tmp / "site", shown


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """The project built from data with hostile text in every rendered field."""
    return build_with(tmp_path_factory.mktemp("hostile"), hostile=True)


@pytest.fixture(scope="module")
def control_site(tmp_path_factory):
    """The same entries with plain words instead: the structure the hostile build must keep."""
    return build_with(tmp_path_factory.mktemp("control"), hostile=False)[0]


def pages(site: Path) -> dict[str, BeautifulSoup]:
    return {str(f.relative_to(site)): BeautifulSoup(f.read_text(encoding="utf-8"), "html.parser")
            for f in sorted(site.rglob("*.html"))}


def squeeze(text: str) -> str:
    """Text without whitespace or bidi controls, to compare what is visible."""
    return "".join(BIDI.sub("", text).split())


def scripts(soup: BeautifulSoup) -> list[tuple]:
    """Each script's source, type and code; JSON-LD holds data, so only its presence counts."""
    return [(s.get("src"), s.get("type"), None if s.get("type") == "application/ld+json" else s.string)
            for s in soup.find_all("script")]


def script_urls(soup: BeautifulSoup) -> list[str]:
    """Every URL attribute that could run script (the theme has a few, e.g. javascript:void(0))."""
    return [f"<{e.name} {attr}={e[attr]}>" for e in soup.find_all(True) for attr in URL_ATTRIBUTES
            if DANGEROUS_URL.match(str(e.get(attr, "")))]


def test_no_element_or_handler_is_injected(hostile_site, control_site):
    site, _ = hostile_site
    hostile, real = pages(site), pages(control_site)
    assert set(hostile) == set(real)
    for name, soup in hostile.items():
        counts = {tag: len(soup.find_all(tag)) for tag in COUNTED}
        assert counts == {tag: len(real[name].find_all(tag)) for tag in COUNTED}, name
        assert scripts(soup) == scripts(real[name]), name
        for data in soup.find_all("script", type="application/ld+json"):
            assert "<" not in data.string and json.loads(data.string), name
        handlers = [f"<{e.name} {a}>" for e in soup.find_all(True) for a in e.attrs if a.lower().startswith("on")]
        assert handlers == [], name
        assert script_urls(soup) == script_urls(real[name]), name


def test_hostile_text_is_shown_as_written(hostile_site):
    site, shown = hostile_site
    soups = pages(site)
    for marker, (value, page_names) in shown.items():
        for page_name in page_names:
            text = squeeze(soups[f"{page_name}index.html"].get_text(""))
            assert squeeze(value) in text, f"{marker} not shown as written on {page_name or 'home'}"


def test_mode_name_is_literal_in_title_and_navigation(hostile_site):
    site, shown = hostile_site
    name = shown["H00"][0]
    soup = pages(site)
    for page_name, page_soup in soup.items():
        nav = squeeze(page_soup.select_one("nav.md-nav--primary").get_text(""))
        assert squeeze(name) in nav, page_name
    mode_page = next(p for p in soup if p.startswith("modes/") and squeeze(name) in squeeze(soup[p].title.get_text()))
    assert soup[mode_page].title is not None


def test_bidi_overrides_are_closed_where_they_are_shown(hostile_site):
    site, _ = hostile_site
    for name, soup in pages(site).items():
        for text in soup.find_all(string=BIDI_OPEN):
            if text.parent.name in ("script", "style"):
                continue  # not shown; JSON-LD is checked as data below
            depth = 0
            for char in text:
                if BIDI_OPEN.match(char):
                    depth += 1
                elif char in "\u202c\u2069":
                    depth = max(0, depth - 1)
            assert depth == 0, f"{name}: unclosed direction override in {text[:60]!r}"
        for data in soup.find_all("script", type="application/ld+json"):
            for question in json.loads(data.string)["mainEntity"]:
                assert close_directions(question["name"]) == question["name"], name


def test_search_index_holds_no_markup_from_the_data(hostile_site):
    site, _ = hostile_site
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for doc in index["docs"]:
        for field in ("title", "text"):
            fragment = BeautifulSoup(doc[field], "html.parser")
            assert not fragment.find_all(["script", "img", "iframe", "svg", "style"]), (doc["location"], field)
            assert not [a for e in fragment.find_all(True) for a in e.attrs if a.lower().startswith("on")], doc["location"]
