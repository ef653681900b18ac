"""The benchmark's synthetic data: scaled copies of real data that the loader accepts."""

import datetime
import math

import pytest
import yaml

from bench.synthetic import DATA_FILE, ROOT, dump, read_real, scaled, write_project
from conftest import FIXTURES
from macros.checks import source_references
from macros.load import GuideError, parse_guide

TODAY = datetime.date.today()
REAL = read_real()
MINIMAL = yaml.safe_load((FIXTURES / "minimal.yml").read_text(encoding="utf-8"))
SCALED_COLLECTIONS = ("dimensions", "glossary", "timeline", "variants", "sources")


def validated(data: dict):
    return parse_guide(dump(data).encode("utf-8"), "scaled.yml", TODAY)


@pytest.mark.parametrize("real", [REAL, MINIMAL], ids=["project data", "minimal fixture"])
def test_ten_times_the_data_passes_validation_with_every_collection_scaled(real):
    guide = validated(scaled(real, 10))
    assert len(guide.modes) == len(real["modes"])
    assert len(guide.faq) == 10 * len(real["faq"])
    for collection in SCALED_COLLECTIONS:
        assert len(getattr(guide, collection)) == 10 * len(real.get(collection, [])), collection
    assert len(guide.categories) == math.ceil(math.sqrt(10)) * len(real["categories"])


def test_times_one_is_the_real_data():
    assert validated(scaled(REAL, 1)) == parse_guide((ROOT / DATA_FILE).read_bytes(), "guide.yml", TODAY)


def test_a_fixed_faq_count_cycles_through_the_real_entries():
    guide = validated(scaled(MINIMAL, 3, faq_total=25))
    assert len(guide.faq) == 25
    assert len(guide.sources) == 3 * len(MINIMAL["sources"])
    real_questions = [entry["question"] for entry in MINIMAL["faq"]]
    assert all(any(e.question.startswith(q) for q in real_questions) for e in guide.faq)


def test_copies_keep_real_text_lengths_and_cite_their_own_sources():
    """Copies differ from each other (nothing can be done once for many) but only slightly."""
    guide = validated(scaled(MINIMAL, 4))
    real = {entry["id"]: entry for entry in MINIMAL["faq"]}
    for entry in guide.faq:
        base_id, _, copy = entry.id.partition("-x")
        assert entry.answer.startswith(real[base_id]["answer"].strip())
        assert len(entry.answer) - len(real[base_id]["answer"]) <= len("\n\nVariant 10 of this answer.")
        assert len(entry.question) - len(real[base_id]["question"]) <= len(" (variant 10)")
        expected = {f"{s}-x{copy}" if copy else s for s in real[base_id]["sources"]}
        assert expected <= set(entry.sources)
    assert len({e.answer for e in guide.faq}) == len(guide.faq)
    assert len({d.values["alpha"].value for d in guide.dimensions}) == len(guide.dimensions)
    cited = {source_id for _, source_id in source_references(guide)}
    assert cited == {source.id for source in guide.sources}


def test_disagreements_cite_copies_of_their_sources():
    real = yaml.safe_load(yaml.safe_dump(MINIMAL))
    cell = real["dimensions"][0]["values"]["alpha"]
    cell["disagreement"] = {"summary": "Sources differ.", "positions": [
        {"view": "One way.", "sources": ["src-one"]}, {"view": "Other way.", "sources": ["src-two"]}]}
    guide = validated(scaled(real, 3))
    copy = next(d for d in guide.dimensions if d.id.endswith("-x2"))
    assert [p.sources for p in copy.values["alpha"].disagreement.positions] == [["src-one-x2"], ["src-two-x2"]]


def test_the_output_is_checked_by_the_real_loader():
    broken = scaled(MINIMAL, 2)
    broken["faq"][1]["category"] = "no-such-category"
    with pytest.raises(GuideError, match="unknown category 'no-such-category'"):
        validated(broken)


def test_project_copy_has_the_site_sources_and_the_given_data(tmp_path):
    text = dump(scaled(MINIMAL, 2))
    project = write_project(tmp_path / "project", text)
    assert (project / DATA_FILE).read_text(encoding="utf-8") == text
    assert (project / "mkdocs.yml").read_text(encoding="utf-8") == (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert {p.name for p in (project / "docs").glob("*.md")} == {p.name for p in (ROOT / "docs").glob("*.md")}
    assert (project / "macros" / "mkdocs_adapter.py").exists()
