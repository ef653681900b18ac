"""Rules that span entries: ids, references, completeness. Pure: a guide in, findings out."""

import datetime
from collections.abc import Iterator
from dataclasses import dataclass

from .model import Guide, Sourced

Finding = tuple[tuple[str | int, ...], str]


@dataclass(frozen=True)
class Stub:
    """Stands for an entry that failed validation but has an id, so references to it still resolve."""

    id: str


def entries(guide: Guide, collection: str) -> Iterator[tuple[int, object]]:
    """(index, entry) of a collection's valid entries (a partly invalid guide holds None and stubs)."""
    for index, entry in enumerate(getattr(guide, collection)):
        if entry is not None and not isinstance(entry, Stub):
            yield index, entry


def ids(guide: Guide, collection: str) -> list[str]:
    """Ids of a collection, including those of entries that failed validation."""
    return [entry.id for entry in getattr(guide, collection) if entry is not None]

COLLECTIONS = ("modes", "categories", "dimensions", "faq", "glossary", "timeline", "variants", "sources")


def check_ids(guide: Guide) -> Iterator[Finding]:
    """Every id is unique across the file, since ids double as anchors on shared pages."""
    first: dict[str, tuple[str, int]] = {}
    for collection in COLLECTIONS:
        for index, entry in enumerate(getattr(guide, collection)):
            if entry is None:
                continue
            if entry.id in first:
                where, at = first[entry.id]
                yield (collection, index, "id"), f"duplicate id {entry.id!r} (already used by {where}[{at}])"
            else:
                first[entry.id] = (collection, index)


def _known(kind: str, known: list[str], value: str) -> str:
    return f"unknown {kind} {value!r}; known: {', '.join(known)}"


def check_references(guide: Guide) -> Iterator[Finding]:
    """Categories, modes and sources named anywhere exist."""
    categories, modes = ids(guide, "categories"), ids(guide, "modes")
    known_categories, known_modes = set(categories), set(modes)  # sets: big guides have many references
    for index, dimension in entries(guide, "dimensions"):
        if dimension.category not in known_categories:
            yield ("dimensions", index, "category"), _known("category", categories, dimension.category)
    for index, entry in entries(guide, "faq"):
        if entry.category not in known_categories:
            yield ("faq", index, "category"), _known("category", categories, entry.category)
    for path, mode in mode_references(guide):
        if mode not in known_modes:
            yield path, _known("mode", modes, mode)
    sources = set(ids(guide, "sources"))
    for path, source_id in source_references(guide):
        if source_id not in sources:
            yield path, f"unknown source {source_id!r}: add it under `sources` first"


def check_values(guide: Guide) -> Iterator[Finding]:
    """Each comparison row has exactly one value per mode."""
    modes = ids(guide, "modes")
    for index, dimension in entries(guide, "dimensions"):
        for mode in modes:
            if mode not in dimension.values:
                yield ("dimensions", index, "values"), f"no value for mode {mode!r}"
        for mode in dimension.values:
            if mode not in modes:
                yield ("dimensions", index, "values", mode), _known("mode", modes, mode)


def check_dates(guide: Guide, today: datetime.date) -> Iterator[Finding]:
    """No fact claims to have been checked in the future."""
    for path, fact in sourced_facts(guide):
        if fact.checked > today:
            yield path + ("checked",), f"date {fact.checked} is in the future (today is {today})"


def check_sources_used(guide: Guide) -> Iterator[Finding]:
    """Every listed source backs at least one fact."""
    used = {source_id for _, source_id in source_references(guide)}
    for index, source in entries(guide, "sources"):
        if source.id not in used:
            yield ("sources", index, "id"), f"source {source.id!r} is not cited by any fact: cite it or remove it"


def sourced_facts(guide: Guide) -> Iterator[tuple[tuple, Sourced]]:
    """Every dated, sourced fact in the guide, with its path."""
    for index, mode in entries(guide, "modes"):
        yield ("modes", index), mode
        for part in ("advantages", "risks", "suits"):
            for at, point in enumerate(getattr(mode, part)):
                yield ("modes", index, part, at), point
    for index, dimension in entries(guide, "dimensions"):
        for mode, cell in dimension.values.items():
            yield ("dimensions", index, "values", mode), cell
    for index, entry in entries(guide, "faq"):
        yield ("faq", index), entry
    for index, event in entries(guide, "timeline"):
        yield ("timeline", index), event
    for index, variant in entries(guide, "variants"):
        yield ("variants", index), variant
        for at, point in enumerate(variant.known):
            yield ("variants", index, "known", at), point


def mode_references(guide: Guide) -> Iterator[tuple[tuple, str]]:
    """Every place a mode id is named, with its path."""
    for collection, field in (("faq", "modes"), ("timeline", "modes"), ("variants", "relates_to")):
        for index, entry in entries(guide, collection):
            for at, mode in enumerate(getattr(entry, field)):
                yield (collection, index, field, at), mode


def source_references(guide: Guide) -> Iterator[tuple[tuple, str]]:
    """Every place a source id is cited, with its path."""
    for path, fact in sourced_facts(guide):
        for at, source_id in enumerate(fact.sources):
            yield path + ("sources", at), source_id
        disagreement = getattr(fact, "disagreement", None)
        if disagreement is not None:
            for p, position in enumerate(disagreement.positions):
                for at, source_id in enumerate(position.sources):
                    yield path + ("disagreement", "positions", p, "sources", at), source_id


def check_guide(guide: Guide, today: datetime.date, complete: bool = True) -> list[Finding]:
    """All cross-entry findings; on a partly invalid guide, skip the rule that needs every entry."""
    findings = [*check_ids(guide), *check_references(guide), *check_values(guide), *check_dates(guide, today)]
    return findings + list(check_sources_used(guide)) if complete else findings
