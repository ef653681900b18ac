"""The editors' JSON Schema is generated from the model and must not go stale."""

import json

from conftest import ROOT
from macros.model import Guide
from macros.schema import SCHEMA_FILE, render_json_schema


def test_committed_schema_matches_the_model():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == render_json_schema(), (
        "data/guide.schema.json is stale: run `make schema` and commit it"
    )


def test_schema_describes_every_top_level_section():
    schema = json.loads(render_json_schema())
    assert set(schema["properties"]) == set(Guide.model_fields)
    assert schema["additionalProperties"] is False


def test_data_file_points_editors_at_the_schema():
    first_line = (ROOT / "data" / "guide.yml").read_text(encoding="utf-8").splitlines()[0]
    assert first_line == f"# yaml-language-server: $schema={SCHEMA_FILE.name}"
