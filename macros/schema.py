"""`python -m macros.schema`: write the editors' JSON Schema, generated from the model."""

import json
import sys
from pathlib import Path

from .model import Guide

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "data" / "guide.schema.json"


def render_json_schema() -> str:
    """The JSON Schema of the data file, as stable, pretty-printed text."""
    schema = Guide.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Temu seller modes guide data (generated from macros/model.py; do not edit)"
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def main() -> int:
    """Write the schema file next to the data."""
    SCHEMA_FILE.write_text(render_json_schema(), encoding="utf-8")
    print(f"wrote {SCHEMA_FILE.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
