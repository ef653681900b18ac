"""The built site's machine-readable outputs and head tags: API, CSV, feed, JSON-LD, meta, sitemap, links."""

import csv
import functools
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, alone_as_text, copy_project, run_build
from macros import DATA_FILE
from macros.changes import latest_changes
from macros.exports import FaqDocument, GuideDocument, ModeDocument
from macros.load import load_located
from macros.model import Guide

GUIDE, LINES = load_located(ROOT / DATA_FILE, ROOT)
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(scope="module")
def site_url(built_site) -> str:
    """The site's address, as the API states it."""
    return json.loads((built_site / "api/v1/guide.json").read_text(encoding="utf-8"))["links"]["home"]


def pages(site: Path) -> list[Path]:
    """Every HTML page of the built site except the 404 page."""
    return sorted(p for p in site.rglob("index.html") if p.parent.name != "assets")


def page_url(site: Path, html_file: Path, site_url: str) -> str:
    path = html_file.parent.relative_to(site).as_posix()
    return site_url if path == "." else f"{site_url}{path}/"


@functools.cache
def ids_in(html_file: Path) -> frozenset[str]:
    return frozenset(re.findall(r'\sid="([^"]+)"', html_file.read_text(encoding="utf-8")))


def broken(site: Path, site_url: str, url: str) -> str | None:
    """Why an absolute URL of this site does not resolve to a file (and anchor) of the built site, or None."""
    parts = urlsplit(url)
    if not url.startswith(site_url):
        return f"{url}: not on this site"
    path = site / parts.path[len(urlsplit(site_url).path):]
    target = path / "index.html" if parts.path.endswith("/") else path
    if not target.is_file():
        return f"{url}: no file {target.relative_to(site)}"
    if parts.fragment and parts.fragment not in ids_in(target):
        return f"{url}: no id {parts.fragment!r} on {target.relative_to(site)}"
    return None


def strings(value) -> list[str]:
    """Every string inside a JSON value."""
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return [value] if isinstance(value, str) else []


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def newest_first_ids() -> list[str]:
    """Change ids by date, newest first; on the same day, the one later in the file first."""
    order = sorted(range(len(GUIDE.changes)), key=lambda i: (GUIDE.changes[i].date, i), reverse=True)
    return [GUIDE.changes[i].id for i in order]


def as_guide(document: GuideDocument) -> Guide:
    return Guide(**{name: getattr(document, name) for name in Guide.model_fields})


# --- JSON API ---------------------------------------------------------------------


def test_api_content_equals_the_validated_data(built_site):
    document = GuideDocument.model_validate_json((built_site / "api/v1/guide.json").read_text(encoding="utf-8"))
    assert as_guide(document) == GUIDE
    faq = FaqDocument.model_validate_json((built_site / "api/v1/faq.json").read_text(encoding="utf-8"))
    assert faq.faq == GUIDE.faq
    for mode in GUIDE.modes:
        file = built_site / f"api/v1/modes/{mode.id}.json"
        document = ModeDocument.model_validate_json(file.read_text(encoding="utf-8"))
        assert document.mode == mode
        assert [r.cell for r in document.comparison] == [d.values[mode.id] for d in GUIDE.dimensions]
        assert [e.id for e in document.faq] == [e.id for e in GUIDE.faq if mode.id in e.modes]


def test_api_schemas_are_published_next_to_the_files(built_site):
    for name in ("guide", "mode", "faq"):
        schema = json.loads((built_site / f"api/v1/{name}.schema.json").read_text(encoding="utf-8"))
        assert {"schema_version", "generated_at", "links"} <= set(schema["required"])


# --- CSV ------------------------------------------------------------------------------


def test_csv_parses_with_one_row_per_dimension_and_the_data_values(built_site):
    raw = (built_site / "downloads/comparison.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    header, body = rows[0], rows[1:]
    assert [r[header.index("id")] for r in body] == [d.id for d in GUIDE.dimensions]
    for row, dimension in zip(body, GUIDE.dimensions):
        for mode in GUIDE.modes:
            assert row[header.index(f"{mode.name}: value")] == dimension.values[mode.id].value
            assert row[header.index(f"{mode.name}: note")] == (dimension.values[mode.id].note or "")
    assert any(re.search(r"[\u4e00-\u9fff]", cell) for row in body for cell in row), "Chinese text should survive"
    assert any("," in cell for row in body for cell in row), "commas inside cells should survive"


def test_compare_page_links_the_csv(built_site):
    link = soup(built_site / "compare/index.html").find("a", string="Download as CSV")
    assert link["href"] == "../downloads/comparison.csv" and link.has_attr("download")


# --- Atom feed --------------------------------------------------------------------------


def test_feed_is_well_formed_atom_with_one_entry_per_change(built_site, site_url):
    root = ET.parse(built_site / "feed.xml").getroot()
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == len(GUIDE.changes) > 0
    assert [e.findtext(f"{ATOM}id") for e in entries] == [f"{site_url}changes/#{c}" for c in newest_first_ids()]
    for entry in entries:
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT00:00:00Z", entry.findtext(f"{ATOM}updated"))


def test_every_page_announces_the_feed(built_site):
    for html_file in pages(built_site):
        link = soup(html_file).find("link", rel="alternate", type="application/atom+xml")
        assert link is not None, html_file
        assert (html_file.parent / link["href"]).resolve() == (built_site / "feed.xml").resolve()


# --- FAQ JSON-LD ---------------------------------------------------------------------------


def json_ld(html_file: Path) -> list[dict]:
    return [json.loads(s.string) for s in soup(html_file).find_all("script", type="application/ld+json")]


def test_faq_jsonld_has_one_question_per_entry_and_each_answer_is_on_the_page(built_site):
    html_file = built_site / "faq/index.html"
    (data,) = json_ld(html_file)
    assert data["@type"] == "FAQPage"
    assert [q["name"] for q in data["mainEntity"]] == [e.question for e in GUIDE.faq]
    page = soup(html_file)
    for question, entry in zip(data["mainEntity"], GUIDE.faq):
        answer = page.find(id=entry.id).find_next_sibling("details")
        shown = "".join(answer.get_text().split())
        assert "".join(question["acceptedAnswer"]["text"].split()) in shown, entry.id
        assert question["acceptedAnswer"]["text"] == alone_as_text(entry.answer)
    other = GUIDE.faq[1].id
    assert "".join(data["mainEntity"][0]["acceptedAnswer"]["text"].split()) not in "".join(
        page.find(id=other).find_next_sibling("details").get_text().split()
    ), "negative control: one answer's text is not inside another's"


def test_only_the_faq_page_carries_faq_jsonld(built_site):
    carriers = [p.parent.relative_to(built_site).as_posix() for p in pages(built_site) if json_ld(p)]
    assert carriers == ["faq"]


# --- meta, canonical, sitemap ------------------------------------------------------------


def test_every_page_has_its_own_description_and_a_canonical_url(built_site, site_url):
    site_description = soup(built_site / "404.html").find("meta", attrs={"name": "description"})["content"]
    seen = {}
    for html_file in pages(built_site):
        head = soup(html_file)
        description = head.find("meta", attrs={"name": "description"})["content"]
        assert description and description != site_description, html_file
        seen[description] = html_file
        assert head.find("link", rel="canonical")["href"] == page_url(built_site, html_file, site_url)
    assert len(seen) == len(pages(built_site)), "two pages share a description"
    for mode in GUIDE.modes:
        description = soup(built_site / f"modes/{mode.id}/index.html").find("meta", attrs={"name": "description"})
        assert description["content"] == " ".join(mode.summary.split())


def test_sitemap_lists_every_page(built_site, site_url):
    listed = {loc.text for loc in ET.parse(built_site / "sitemap.xml").getroot().iter(f"{SITEMAP}loc")}
    expected = {page_url(built_site, p, site_url) for p in pages(built_site)}
    assert expected == listed


# --- changes, updated marks, correction links ----------------------------------------------


def test_changes_page_lists_every_change_newest_first(built_site):
    items = soup(built_site / "changes/index.html").select("ol.changes > li")
    assert [li["id"] for li in items] == newest_first_ids()


def test_affected_rows_and_answers_show_updated_with_a_link_to_the_change(built_site):
    latest = latest_changes(GUIDE)
    compare, faq = soup(built_site / "compare/index.html"), soup(built_site / "faq/index.html")
    for dimension in GUIDE.dimensions:
        mark = compare.find(id=dimension.id).find("a", class_="updated")
        assert (mark["href"] if mark else None) == (f"../changes/#{latest[dimension.id].id}" if dimension.id in latest else None)
    for entry in GUIDE.faq:
        mark = faq.find(id=entry.id).find_next_sibling("details").find("a", class_="updated")
        assert (mark["href"] if mark else None) == (f"../changes/#{latest[entry.id].id}" if entry.id in latest else None)
    assert any(d.id in latest for d in GUIDE.dimensions) and any(d.id not in latest for d in GUIDE.dimensions)


def test_every_generated_section_offers_a_correction_at_its_line(built_site):
    faq = soup(built_site / "faq/index.html")
    for entry in GUIDE.faq:
        link = faq.find(id=entry.id).find_next_sibling("details").find("a", class_="suggest-edit")
        assert link["href"] == f"../corrections/?entry={entry.id}&line={LINES[entry.id]}"
    compare = soup(built_site / "compare/index.html")
    categories = [c for c in GUIDE.categories if any(d.category == c.id for d in GUIDE.dimensions)]
    assert len(compare.select("a.suggest-edit")) == len(categories)
    for mode in GUIDE.modes:
        link = soup(built_site / f"modes/{mode.id}/index.html").find("a", class_="suggest-edit")
        assert link["href"] == f"../../corrections/?entry={mode.id}&line={LINES[mode.id]}"
    text = (ROOT / DATA_FILE).read_text(encoding="utf-8").splitlines()
    assert all(text[LINES[e.id] - 1].strip() == f"- id: {e.id}" for e in GUIDE.faq)


# --- every link resolves ---------------------------------------------------------------------


def test_every_link_in_the_machine_readable_outputs_resolves(built_site, site_url):
    urls = []
    for file in (built_site / "api").rglob("*.json"):
        if not file.name.endswith(".schema.json"):
            urls += [s for s in strings(json.loads(file.read_text(encoding="utf-8"))) if s.startswith(site_url)]
    rows = list(csv.DictReader(io.StringIO((built_site / "downloads/comparison.csv").read_text(encoding="utf-8-sig"))))
    urls += [row["link"] for row in rows]
    feed = ET.parse(built_site / "feed.xml").getroot()
    urls += [link.get("href") for link in feed.iter(f"{ATOM}link")]
    for content in feed.iter(f"{ATOM}content"):
        urls += [a["href"] for a in BeautifulSoup(content.text, "html.parser").find_all("a")]
    for data in json_ld(built_site / "faq/index.html"):
        urls += [data["url"]] + [q["url"] for q in data["mainEntity"]]
    assert len(urls) > len(GUIDE.faq) + len(GUIDE.dimensions)
    problems = [p for p in (broken(built_site, site_url, url) for url in urls) if p]
    assert not problems, "\n".join(problems)
    assert broken(built_site, site_url, f"{site_url}faq/#no-such-entry"), "negative control: a missing anchor is caught"


def test_every_link_between_pages_resolves(built_site, site_url):
    problems, checked = [], 0
    for html_file in pages(built_site):
        base = page_url(built_site, html_file, site_url)
        for a in soup(html_file).select("article a[href]"):
            href = a["href"]
            if re.match(r"^[a-z]+:", href):
                continue
            checked += 1
            problem = broken(built_site, site_url, urljoin(base, href))
            if problem:
                problems.append(f"{html_file.relative_to(built_site)}: {problem}")
    assert not problems, "\n".join(problems[:20])
    assert checked > len(GUIDE.faq) * 2, "the pages' own links (citations, marks, corrections) were checked"
    assert broken(built_site, site_url, urljoin(f"{site_url}faq/", "../compare/#no-such-row")), "negative control"


# --- configuration ---------------------------------------------------------------------------


def with_edit_base(tmp_path, value: str) -> Path:
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert text.count('edit_base: ""') == 1
    config.write_text(text.replace('edit_base: ""', f'edit_base: "{value}"'), encoding="utf-8")
    return project


def test_edit_base_points_corrections_at_the_data_file_line(tmp_path):
    base = "https://code.example/owner/repo/blob/main/"
    result = run_build(with_edit_base(tmp_path, base), tmp_path / "site")
    assert result.returncode == 0, result.stderr
    faq = soup(tmp_path / "site/faq/index.html")
    entry = GUIDE.faq[0]
    link = faq.find(id=entry.id).find_next_sibling("details").find("a", class_="suggest-edit")
    assert link["href"] == f"{base}data/guide.yml#L{LINES[entry.id]}"


def test_bad_edit_base_fails_the_build_with_a_message(tmp_path):
    result = run_build(with_edit_base(tmp_path, "http://code.example/repo"), tmp_path / "site")
    assert result.returncode != 0
    assert "mkdocs.yml: extra.edit_base is 'http://code.example/repo'" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
