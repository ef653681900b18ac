"""Machine-readable copies of the guide: the JSON API, its JSON Schema and the comparison CSV."""

import csv
import datetime
import functools
import io
import json
from typing import Literal

from pydantic import Field

from .changes import data_date, render_feed
from .markup import Links, source_numbers
from .model import Category, Cell, FaqEntry, Guide, Id, Mode, Strict, Text

SCHEMA_VERSION = 1
API = "api/v1"
CSV_PATH = "downloads/comparison.csv"
FEED_PATH = "feed.xml"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # spreadsheets run cells starting so as formulas


class Envelope(Strict):
    """Fields every API file starts with."""

    schema_version: Literal[1] = Field(description="changes only when a field is removed or changes meaning")
    generated_at: datetime.date = Field(description="newest date in the data (a change or a fact check), not the build time")
    links: dict[str, str] = Field(description="absolute URLs of the site's pages and files, by name")


class GuideDocument(Envelope, Guide):
    """api/v1/guide.json: the whole validated data file."""


class ModeRow(Strict):
    """One comparison row, as seen from one mode."""

    id: Id = Field(description="the row's id; its anchor on the compare page")
    category: Id
    label: Text
    cell: Cell = Field(description="this mode's value, note, sources and checked date")


class ModeDocument(Envelope):
    """api/v1/modes/<mode-id>.json: one mode, its column of the comparison and its FAQ entries."""

    url: str = Field(description="absolute URL of the mode's page")
    mode: Mode
    comparison: list[ModeRow]
    faq: list[FaqEntry]


class FaqDocument(Envelope):
    """api/v1/faq.json: every FAQ entry and the categories they are grouped by."""

    categories: list[Category]
    faq: list[FaqEntry]


DOCUMENTS = {"guide": GuideDocument, "mode": ModeDocument, "faq": FaqDocument}


def site_links(site_url: str) -> dict[str, str]:
    """Absolute URLs of the pages and files an API user may want."""
    links = Links(root=site_url)
    pages = {name: links.to(page) for name, page in
             (("home", ""), ("compare", "compare"), ("faq", "faq"), ("changes", "changes"), ("api", "api"))}
    files = {"feed": FEED_PATH, "csv": CSV_PATH, "guide_json": f"{API}/guide.json", "faq_json": f"{API}/faq.json"}
    return pages | {name: site_url + path for name, path in files.items()}


def _envelope(guide: Guide, site_url: str) -> dict:
    return {"schema_version": SCHEMA_VERSION, "generated_at": data_date(guide).isoformat(), "links": site_links(site_url)}


# Documents are built as plain data, not as model instances: under `mkdocs serve` the guide may come
# from an earlier import of the models, which pydantic would refuse as a different class. Each reads
# the guide's plain data (`plain`, its model_dump), made once for all of them.
def guide_document(guide: Guide, site_url: str, plain: dict) -> dict:
    """api/v1/guide.json (GuideDocument): the envelope, then the whole guide."""
    return _envelope(guide, site_url) | plain


def mode_document(guide: Guide, mode: Mode, site_url: str, plain: dict) -> dict:
    """api/v1/modes/<id>.json (ModeDocument): one mode, its column of every row, the FAQ entries about it."""
    rows = [{"id": d["id"], "category": d["category"], "label": d["label"], "cell": d["values"][mode.id]}
            for d in plain["dimensions"]]
    faq = [e for e in plain["faq"] if mode.id in e["modes"]]
    url = Links(root=site_url).to(f"modes/{mode.id}")
    mode_data = next(m for m in plain["modes"] if m["id"] == mode.id)
    return _envelope(guide, site_url) | {"url": url, "mode": mode_data, "comparison": rows, "faq": faq}


def faq_document(guide: Guide, site_url: str, plain: dict) -> dict:
    """api/v1/faq.json (FaqDocument): every FAQ entry with the categories."""
    return _envelope(guide, site_url) | {"categories": plain["categories"], "faq": plain["faq"]}


def _json(document: dict) -> str:
    # Compact: with an indent, json uses its pure-Python encoder (twice as slow) and the files are a third bigger.
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"


@functools.cache  # depends on the code only: generating it again was about 5% of a live reload
def render_json_schema(name: str) -> str:
    """The JSON Schema of one API file, generated from the same models that validate the data."""
    schema = DOCUMENTS[name].model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def _cell_text(text: str) -> str:
    """Text as a spreadsheet shows it, never run as a formula."""
    return "'" + text if text.startswith(FORMULA_START) else text


def render_comparison_csv(guide: Guide, site_url: str) -> str:
    """The comparison, one row per dimension and four columns per mode; starts with a BOM for spreadsheets."""
    numbers, urls = source_numbers(guide), {s.id: s.url for s in guide.sources}
    categories = {c.id: c.name for c in guide.categories}
    header = ["category", "id", "label", "link"]
    for mode in guide.modes:
        header += [f"{mode.name}: {part}" for part in ("value", "note", "sources", "checked", "sources disagree")]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for dimension in guide.dimensions:
        row = [categories[dimension.category], dimension.id, dimension.label, f"{site_url}compare/#{dimension.id}"]
        for mode in guide.modes:
            cell = dimension.values[mode.id]
            sources = "; ".join(f"[{numbers[s]}] {urls[s]}" for s in cell.sources)
            disagreement = cell.disagreement.summary if cell.disagreement else ""
            row += [cell.value, cell.note or "", sources, cell.checked.isoformat(), disagreement]
        writer.writerow([_cell_text(text) for text in row])
    return "\ufeff" + out.getvalue()


def export_files(guide: Guide, site_url: str, site_name: str) -> dict[str, str]:
    """Every machine-readable file of the site, by path: API, schemas, CSV and feed."""
    plain = guide.model_dump(mode="json")
    files = {
        f"{API}/guide.json": _json(guide_document(guide, site_url, plain)),
        f"{API}/faq.json": _json(faq_document(guide, site_url, plain)),
        CSV_PATH: render_comparison_csv(guide, site_url),
        FEED_PATH: render_feed(guide, site_url, site_name),
    }
    for mode in guide.modes:
        files[f"{API}/modes/{mode.id}.json"] = _json(mode_document(guide, mode, site_url, plain))
    for name in DOCUMENTS:
        files[f"{API}/{name}.schema.json"] = render_json_schema(name)
    return files
