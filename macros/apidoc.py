"""The API page's reference parts, generated from the same models as the files they describe."""

import functools
import json

from .exports import API, CSV_PATH, DOCUMENTS, FEED_PATH
from .markup import Links, md_text
from .model import Guide


def render_api_files(guide: Guide, links: Links) -> str:
    """A table of every exported file, each linked (Markdown links, so MkDocs checks they exist)."""
    rows = [
        (f"{API}/guide.json", "everything: modes, categories, comparison rows (`dimensions`), FAQ, glossary, "
         "timeline, variants, sources, changes", f"{API}/guide.schema.json"),
        (f"{API}/faq.json", "every FAQ entry and the categories", f"{API}/faq.schema.json"),
        *((f"{API}/modes/{m.id}.json", f"{md_text(m.name)}: the mode, its column of the comparison, its FAQ entries",
           f"{API}/mode.schema.json") for m in guide.modes),
        (CSV_PATH, "the comparison for spreadsheets: one row per comparison row, five columns per mode", None),
        (FEED_PATH, "Atom feed of the change log", None),
    ]
    lines = ["| file | what it holds | JSON Schema |", "| --- | --- | --- |"]
    for path, what, schema in rows:
        schema_link = f"[{schema.rsplit('/', 1)[1]}]({links.doc_root}{schema})" if schema else ""
        lines.append(f"| [{path}]({links.doc_root}{path}) | {what} | {schema_link} |")
    return "\n".join(lines)


def _type(prop: dict) -> str:
    """A field's JSON Schema type in words, e.g. 'list of Cell'."""
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[1]
        return f"[{name}](#{name.lower()})"
    if "anyOf" in prop:
        return " or ".join(_type(p) for p in prop["anyOf"] if p.get("type") != "null")
    if "enum" in prop:
        return "one of " + ", ".join(f"`{v}`" for v in prop["enum"])
    if "const" in prop:
        return f"always `{json.dumps(prop['const'])}`"
    if prop.get("type") == "array":
        return f"list of {_type(prop['items'])}"
    if prop.get("type") == "object":
        return f"object of {_type(prop.get('additionalProperties', {}))}"
    return {"date": "date (YYYY-MM-DD)"}.get(prop.get("format"), prop.get("type", "any"))


def _table(name: str, schema: dict) -> str:
    required = set(schema.get("required", []))
    rows = [f"| `{field}` | {_type(prop)} | {'yes' if field in required else 'no'} | "
            f"{md_text(prop.get('description', ''))} |" for field, prop in schema["properties"].items()]
    header = f"### {name} {{#{name.lower()}}}\n\n{md_text(schema.get('description', ''))}\n\n"
    return header + "| field | type | required | meaning |\n| --- | --- | --- | --- |\n" + "\n".join(rows)


@functools.cache  # depends on the code only
def render_api_fields() -> str:
    """One table per file type and per kind of entry, from the models' JSON Schemas."""
    tables: dict[str, dict] = {}
    for document in DOCUMENTS.values():
        schema = document.model_json_schema()
        tables[document.__name__] = schema
        tables.update(schema.get("$defs", {}))
    return "\n\n".join(_table(name, schema) for name, schema in tables.items())
