"""Machine-readable outputs on the minimal fixture: JSON API, JSON Schemas, CSV, FAQ JSON-LD, API page parts."""

import csv
import datetime
import io
import json

import pytest

from conftest import FIXTURES, site_markdown
from macros.apidoc import render_api_fields, render_api_files
from macros.exports import (
    CSV_PATH, DOCUMENTS, Envelope, FaqDocument, GuideDocument, ModeDocument, export_files, render_comparison_csv,
)
from macros.faq import answer_texts, render_faq, render_faq_jsonld
from macros.load import parse_guide
from macros.markup import links_for
from macros.model import Cell, Change, FaqEntry, Guide

GUIDE = parse_guide((FIXTURES / "minimal.yml").read_bytes(), "minimal.yml", datetime.date(2026, 6, 1))
SITE = "https://guide.example/"
FILES = export_files(GUIDE, SITE, "Guide")


def guide_with_cell(**cell_fields) -> Guide:
    """The fixture with the first mode's cell of the first row changed."""
    row = GUIDE.dimensions[0]
    cell = row.values["alpha"].model_copy(update=cell_fields)
    return GUIDE.model_copy(update={"dimensions": [row.model_copy(update={"values": {**row.values, "alpha": cell}})]})


def as_guide(document: GuideDocument) -> Guide:
    return Guide(**{name: getattr(document, name) for name in Guide.model_fields})


# --- JSON API ------------------------------------------------------------------------


def test_guide_json_round_trips_to_the_validated_data():
    document = GuideDocument.model_validate_json(FILES["api/v1/guide.json"])
    assert as_guide(document) == GUIDE
    changed = json.loads(FILES["api/v1/guide.json"])
    changed["faq"][0]["question"] = "Something else?"
    assert as_guide(GuideDocument.model_validate_json(json.dumps(changed))) != GUIDE


def test_every_file_starts_with_the_envelope():
    for path, text in FILES.items():
        if path.endswith(".json") and not path.endswith(".schema.json"):
            data = json.loads(text)
            assert list(data)[:3] == ["schema_version", "generated_at", "links"], path
            assert data["schema_version"] == 1
            assert data["generated_at"] == "2026-01-01"  # every fact in the fixture was checked then
            assert all(url.startswith(SITE) for url in data["links"].values())


def test_generated_at_is_the_newest_date_in_the_data_not_the_clock():
    later = GUIDE.model_copy(update={"changes": [Change(id="c", date=datetime.date(2026, 3, 4), summary="S.")]})
    assert json.loads(export_files(later, SITE, "G")["api/v1/faq.json"])["generated_at"] == "2026-03-04"
    assert export_files(GUIDE, SITE, "Guide") == FILES  # same data, same bytes


def test_mode_file_holds_the_mode_its_column_and_its_faq():
    only_beta = GUIDE.faq[0].model_copy(update={"modes": ["beta"]})
    files = export_files(GUIDE.model_copy(update={"faq": [only_beta]}), SITE, "G")
    for mode in GUIDE.modes:
        document = ModeDocument.model_validate_json(files[f"api/v1/modes/{mode.id}.json"])
        assert document.mode == mode and document.url == f"{SITE}modes/{mode.id}/"
        assert [(r.id, r.cell) for r in document.comparison] == [(d.id, d.values[mode.id]) for d in GUIDE.dimensions]
        assert [e.id for e in document.faq] == ([only_beta.id] if mode.id == "beta" else [])


def test_faq_file_holds_every_entry_and_the_categories():
    document = FaqDocument.model_validate_json(FILES["api/v1/faq.json"])
    assert document.faq == GUIDE.faq and document.categories == GUIDE.categories


def test_published_schemas_are_generated_from_the_models():
    for name, model in DOCUMENTS.items():
        schema = json.loads(FILES[f"api/v1/{name}.schema.json"])
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert set(schema["properties"]) == set(model.model_fields)
        assert set(Envelope.model_fields) <= set(schema["required"])
    guide_schema = json.loads(FILES["api/v1/guide.schema.json"])
    assert set(Guide.model_fields) <= set(guide_schema["properties"])


def test_api_json_refuses_unknown_fields_like_the_data_file():
    data = json.loads(FILES["api/v1/faq.json"])
    data["surprise"] = 1
    with pytest.raises(ValueError, match="surprise"):
        FaqDocument.model_validate_json(json.dumps(data))


# --- CSV -----------------------------------------------------------------------------


def read_csv(text: str) -> list[list[str]]:
    assert text.startswith("\ufeff"), "spreadsheets need the byte order mark to read UTF-8"
    return list(csv.reader(io.StringIO(text[1:], newline="")))


def test_csv_has_a_header_and_one_row_per_dimension_with_every_mode():
    rows = read_csv(FILES[CSV_PATH])
    header, body = rows[0], rows[1:]
    assert header[:4] == ["category", "id", "label", "link"]
    assert header[4:] == [f"{m.name}: {part}" for m in GUIDE.modes
                          for part in ("value", "note", "sources", "checked", "sources disagree")]
    assert [r[1] for r in body] == [d.id for d in GUIDE.dimensions]
    beta = body[0][header.index("Beta: value"):header.index("Beta: value") + 4]
    assert beta == ["Platform warehouse", "In China", "[2] https://two.example/page", "2026-01-01"]
    assert body[0][3] == f"{SITE}compare/#where-stock-sits"


def test_csv_keeps_chinese_commas_quotes_and_line_breaks():
    tricky = '仓库, "海外"\nsecond line'
    rows = read_csv(render_comparison_csv(guide_with_cell(value=tricky, note="a,b"), SITE))
    header = rows[0]
    assert rows[1][header.index("Alpha: value")] == tricky
    assert rows[1][header.index("Alpha: note")] == "a,b"
    assert len(rows) == 1 + len(GUIDE.dimensions)


def test_csv_cells_never_start_a_formula():
    rows = read_csv(render_comparison_csv(guide_with_cell(value="=HYPERLINK(1)", note="-5%"), SITE))
    header = rows[0]
    assert rows[1][header.index("Alpha: value")] == "'=HYPERLINK(1)"
    assert rows[1][header.index("Alpha: note")] == "'-5%"
    assert rows[1][header.index("Beta: value")] == "Platform warehouse"


def test_csv_names_disagreements():
    disagreement = {"summary": "Sources differ on this.", "positions": [
        {"view": "One.", "sources": ["src-one"]}, {"view": "Two.", "sources": ["src-two"]}]}
    guide = guide_with_cell(disagreement=Cell.model_validate({
        "value": "v", "sources": ["src-one"], "checked": datetime.date(2026, 1, 1), "disagreement": disagreement}).disagreement)
    rows = read_csv(render_comparison_csv(guide, SITE))
    assert rows[1][rows[0].index("Alpha: sources disagree")] == "Sources differ on this."
    assert rows[1][rows[0].index("Beta: sources disagree")] == ""


# --- FAQ JSON-LD ------------------------------------------------------------------------


def faq_page_texts(guide: Guide) -> dict[str, str]:
    """The answers' texts on the guide's one-page FAQ, converted as the site converts it."""
    return answer_texts(site_markdown(render_faq(guide, links_for("faq/", "faq.md"))))


def test_jsonld_is_a_faq_page_with_one_question_per_entry_and_the_visible_answer():
    data = json.loads(render_faq_jsonld(GUIDE, f"{SITE}faq/", faq_page_texts(GUIDE)))
    assert data["@context"] == "https://schema.org" and data["@type"] == "FAQPage"
    assert [q["name"] for q in data["mainEntity"]] == [e.question for e in GUIDE.faq]
    assert [q["url"] for q in data["mainEntity"]] == [f"{SITE}faq/#{e.id}" for e in GUIDE.faq]
    assert data["mainEntity"][0]["acceptedAnswer"] == {"@type": "Answer", "text": "The seller in Alpha; the platform in Beta."}


def test_jsonld_cannot_close_its_script_element():
    entry = GUIDE.faq[0].model_copy(update={"question": "Is </script><script>alert(1)</script> & <!-- ok?"})
    guide = GUIDE.model_copy(update={"faq": [entry]})
    text = render_faq_jsonld(guide, f"{SITE}faq/", faq_page_texts(guide))
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["mainEntity"][0]["name"] == entry.question


def test_an_answers_text_is_what_the_reader_sees_and_not_what_the_page_adds_after_it():
    answer = ("First **bold** and [a row](compare.md#x).\n\n- one\n- two with <b>tag</b> &amp; more\n\n"
              "## A heading\n\nLast `code` line.")
    disagreement = FaqEntry.model_validate({**GUIDE.faq[0].model_dump(), "disagreement": {
        "summary": "Sources differ.", "positions": [{"view": "One.", "sources": ["src-one"]},
                                                    {"view": "Two.", "sources": ["src-two"]}]}}).disagreement
    first = GUIDE.faq[0].model_copy(update={"answer": answer, "also_asked": ["Asked otherwise?"]})
    second = GUIDE.faq[0].model_copy(update={"id": "second", "answer": "Plain.", "disagreement": disagreement})
    texts = faq_page_texts(GUIDE.model_copy(update={"faq": [first, second]}))
    assert texts[first.id] == "First bold and a row. one two with <b>tag</b> &amp; more A heading Last code line."
    assert texts[second.id] == "Plain."
    assert texts.keys() == {first.id, second.id}


# --- API page parts ----------------------------------------------------------------------


def test_api_files_table_links_every_file_relative_to_the_page():
    out = render_api_files(GUIDE, links_for("api/", "api.md"))
    for path in FILES:
        if not path.endswith(".schema.json"):
            assert f"[{path}]({path})" in out
    assert "(api/v1/mode.schema.json)" in out


def test_api_fields_describe_every_field_of_every_model():
    out = render_api_fields()
    for model in DOCUMENTS.values():
        assert f"### {model.__name__} {{#{model.__name__.lower()}}}" in out
        for field in model.model_fields:
            assert f"| `{field}` |" in out
    assert "| `changes` | list of [Change](#change) | no |" in out
    assert "| `generated_at` | date (YYYY-MM-DD) | yes |" in out
