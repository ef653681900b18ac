"""Synthetic guides for the benchmark: the real data scaled up, same schema, real text lengths.

The FAQ, comparison rows, glossary, timeline, variants and sources grow by the factor (the FAQ
optionally to a fixed count); the modes and any other section are kept as they are.
Copy j of an entry keeps the real text with a short suffix, gets the id `<id>-x<j>`, cites
copy j of its sources and sits in a copy of its category. Categories grow with the square root
of the factor: a bigger guide has both more topics and fuller ones.
"""

import copy
import math
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("data", "docs", "macros", "overrides", "mkdocs.yml")
DATA_FILE = Path("data") / "guide.yml"


def copy_id(base: str, j: int) -> str:
    """The id of copy j; copy 0 is the real entry and keeps its id (links to it stay valid)."""
    return base if j == 0 else f"{base}-x{j}"


def copy_text(text: str, j: int) -> str:
    """Text of copy j: the real text, marked so copies differ."""
    return text if j == 0 else f"{text} (variant {j + 1})"


class _Copier:
    """Makes copy j of entries: new ids, marked names, sources and categories of that copy."""

    def __init__(self, source_copies: int, category_copies: int) -> None:
        self.source_copies = source_copies
        self.category_copies = category_copies

    def sources(self, fact: dict, j: int) -> None:
        """Point a fact's citations (and those of its disagreement) at copy j of each source."""
        fact["sources"] = [copy_id(s, j % self.source_copies) for s in fact["sources"]]
        for position in (fact.get("disagreement") or {}).get("positions", []):
            position["sources"] = [copy_id(s, j % self.source_copies) for s in position["sources"]]

    def entry(self, base: dict, j: int, text_fields: tuple[str, ...]) -> dict:
        out = copy.deepcopy(base)
        out["id"] = copy_id(base["id"], j)
        for name in text_fields:
            if out.get(name):
                out[name] = copy_text(out[name], j)
        if "category" in out:
            out["category"] = copy_id(base["category"], j % self.category_copies)
        return out

    def dimension(self, base: dict, j: int) -> dict:
        out = self.entry(base, j, ("label",))
        if j:
            out.pop("key", None)  # the home page summary stays short: only the real key rows
        for cell in out["values"].values():
            self.sources(cell, j)
            cell["value"] = copy_text(cell["value"], j)
        return out

    def faq(self, base: dict, j: int) -> dict:
        out = self.entry(base, j, ("question",))
        if j:  # every answer differs, as real ones do: nothing may be done once for many copies
            out["answer"] = f"{out['answer'].rstrip()}\n\nVariant {j + 1} of this answer."
        out["also_asked"] = [copy_text(text, j) for text in out.get("also_asked", [])]
        self.sources(out, j)
        return out

    def sourced(self, base: dict, j: int, text_fields: tuple[str, ...]) -> dict:
        out = self.entry(base, j, text_fields)
        self.sources(out, j)
        for point in out.get("known", []):
            self.sources(point, j)
        return out


def _copies(entries: list[dict], count: int, make) -> list[dict]:
    """`count` entries cycling through the real ones: copy 0 of each, then copy 1 of each, ..."""
    return [make(entries[i % len(entries)], i // len(entries)) for i in range(count)] if entries else []


def _cite_unused(guide: dict) -> None:
    """Cite every source copy nobody cites yet (copies of sources only the modes cite) from an FAQ entry."""
    used = set()
    for collection, entries in guide.items():
        if collection != "sources":
            used.update(_cited(entries))
    unused = [s["id"] for s in guide["sources"] if s["id"] not in used]
    for at, source_id in enumerate(unused):
        guide["faq"][at % len(guide["faq"])]["sources"].append(source_id)


def _cited(value) -> set[str]:
    """Every source id cited anywhere inside an entry."""
    if isinstance(value, dict):
        found = set(value["sources"]) if isinstance(value.get("sources"), list) else set()
        for item in value.values():
            found |= _cited(item)
        return found
    if isinstance(value, list):
        return set().union(*(_cited(item) for item in value)) if value else set()
    return set()


def scaled(real: dict, factor: int, faq_total: int | None = None) -> dict:
    """The real guide with every collection but modes `factor` times as long (FAQ: faq_total entries)."""
    faq_total = faq_total or factor * len(real["faq"])
    category_copies = math.ceil(math.sqrt(faq_total / len(real["faq"])))
    copier = _Copier(factor, category_copies)
    guide = {"modes": copy.deepcopy(real["modes"])}
    guide["categories"] = _copies(real["categories"], category_copies * len(real["categories"]),
                                  lambda c, j: {"id": copy_id(c["id"], j), "name": copy_text(c["name"], j)})
    guide["dimensions"] = _copies(real["dimensions"], factor * len(real["dimensions"]), copier.dimension)
    guide["faq"] = _copies(real["faq"], faq_total, copier.faq)
    guide["glossary"] = _copies(real["glossary"], factor * len(real["glossary"]),
                                lambda t, j: _term(copier.entry(t, j, ("term",)), j))
    for collection, texts in (("timeline", ("title",)), ("variants", ("name",))):
        entries = real.get(collection, [])
        guide[collection] = _copies(entries, factor * len(entries), lambda e, j, t=texts: copier.sourced(e, j, t))
    guide["sources"] = _copies(real["sources"], factor * len(real["sources"]),
                               lambda s, j: copier.entry(s, j, ("title",)))
    guide.update({key: copy.deepcopy(value) for key, value in real.items() if key not in guide})
    _cite_unused(guide)
    return guide


def _term(term: dict, j: int) -> dict:
    if j and term.get("chinese"):
        term["chinese"] = f"{term['chinese']}{j + 1}"
    return term


class _NoAliasDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """Writes shared values out in full: the loader refuses YAML aliases."""

    def ignore_aliases(self, data):
        return True


def dump(guide: dict) -> str:
    """The guide as YAML text the project's loader accepts: short lists inline, lines unwrapped (compact)."""
    return yaml.dump(guide, Dumper=_NoAliasDumper, allow_unicode=True, sort_keys=False, width=1_000_000,
                     default_flow_style=None)


def read_real(root: Path = ROOT) -> dict:
    """The project's data file as plain data."""
    return yaml.load((root / DATA_FILE).read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def write_project(target: Path, data_text: str, root: Path = ROOT) -> Path:
    """A copy of the project's site sources with this text as its data file."""
    for part in PROJECT_PARTS:
        source = root / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, target / part)
    (target / DATA_FILE).write_text(data_text, encoding="utf-8")
    return target
