"""Rules that span entries: ids, references, completeness. Pure: a guide in, findings out."""

import datetime
from collections.abc import Iterator
from dataclasses import dataclass

from .model import SITE_LINK, Guide, Sourced


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

COLLECTIONS = (
    "modes", "categories", "dimensions", "faq", "glossary", "timeline", "variants", "sources", "stages", "decision",
    "changes",
)
CHANGEABLE = COLLECTIONS[:-1]  # a change may name an entry of any section but the change log itself


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
    yield from _decision_references(guide)


def _decision_references(guide: Guide) -> Iterator[Finding]:
    """Stages name real comparison rows; every decision reason rests on a real row or FAQ entry."""
    rows, faq = ids(guide, "dimensions"), ids(guide, "faq")
    for index, stage in entries(guide, "stages"):
        if stage.row is not None and stage.row not in rows:
            yield ("stages", index, "row"), f"unknown comparison row {stage.row!r}: use a dimension id"
    for index, question in entries(guide, "decision"):
        for at, option in enumerate(question.options):
            if option.rests_on not in rows and option.rests_on not in faq:
                message = f"{option.rests_on!r} is neither a comparison row id nor a FAQ id"
                yield ("decision", index, "options", at, "rests_on"), message


def check_options(guide: Guide) -> Iterator[Finding]:
    """Option ids are unique within their question, since the shared URL names them."""
    for index, question in entries(guide, "decision"):
        first: dict[str, int] = {}
        for at, option in enumerate(question.options):
            if option.id in first:
                message = f"duplicate option id {option.id!r} (already used by options[{first[option.id]}])"
                yield ("decision", index, "options", at, "id"), message
            first.setdefault(option.id, at)


def per_mode_fields(guide: Guide) -> Iterator[tuple[tuple, dict, str]]:
    """(path, mapping, what) of every mapping that needs exactly one entry per mode id."""
    for index, dimension in entries(guide, "dimensions"):
        yield ("dimensions", index, "values"), dimension.values, "value"
    for index, stage in entries(guide, "stages"):
        yield ("stages", index, "values"), stage.values, "value"
    for index, question in entries(guide, "decision"):
        for at, option in enumerate(question.options):
            yield ("decision", index, "options", at, "weights"), option.weights, "weight"


def check_values(guide: Guide) -> Iterator[Finding]:
    """Comparison rows, stages and decision options have exactly one entry per mode."""
    modes = ids(guide, "modes")
    for path, mapping, what in per_mode_fields(guide):
        for mode in modes:
            if mode not in mapping:
                yield path, f"no {what} for mode {mode!r}"
        for mode in mapping:
            if mode not in modes:
                yield path + (mode,), _known("mode", modes, mode)


def check_dates(guide: Guide, today: datetime.date) -> Iterator[Finding]:
    """No fact claims to have been checked in the future."""
    for path, fact in sourced_facts(guide):
        if fact.checked > today:
            yield path + ("checked",), f"date {fact.checked} is in the future (today is {today})"


def check_changes(guide: Guide, today: datetime.date) -> Iterator[Finding]:
    """Each change names entries and sources that exist, and is not dated in the future."""
    known = {entry_id for collection in CHANGEABLE for entry_id in ids(guide, collection)}
    sources = ids(guide, "sources")
    for index, change in entries(guide, "changes"):
        if change.date > today:
            yield ("changes", index, "date"), f"date {change.date} is in the future (today is {today})"
        for at, entry_id in enumerate(change.affects):
            if entry_id not in known:
                yield ("changes", index, "affects", at), f"unknown id {entry_id!r}: name a mode, row, FAQ entry or other entry of this file"
        for at, source_id in enumerate(change.sources):
            if source_id not in sources:
                yield ("changes", index, "sources", at), f"unknown source {source_id!r}: add it under `sources` first"


def check_sources_used(guide: Guide) -> Iterator[Finding]:
    """Every listed source backs at least one fact or change."""
    used = {source_id for _, source_id in source_references(guide)}
    used |= {source_id for _, change in entries(guide, "changes") for source_id in change.sources}
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
    for index, stage in entries(guide, "stages"):
        for mode, cell in stage.values.items():
            yield ("stages", index, "values", mode), cell
    for index, question in entries(guide, "decision"):
        for at, option in enumerate(question.options):
            yield ("decision", index, "options", at), option


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


def page_anchors(guide: Guide) -> dict[str, set[str]]:
    """The anchors the data creates on each generated page, by page name."""
    categories = set(ids(guide, "categories"))
    years = {f"year-{e.when.year}" for _, e in entries(guide, "timeline")}
    return {
        "compare": categories | set(ids(guide, "dimensions")) | set(ids(guide, "stages")),
        "faq": categories | set(ids(guide, "faq")),
        "glossary": set(ids(guide, "glossary")),
        "timeline": set(ids(guide, "timeline")) | years,
        "context": set(ids(guide, "variants")),
        "sources": set(ids(guide, "sources")),
        "decide": set(ids(guide, "decision")),
        "changes": set(ids(guide, "changes")),
    }


def unknown_site_links(text: str, anchors: dict[str, set[str]]) -> Iterator[str]:
    """Messages for links like `faq.md#id` whose page or id the data lacks."""
    for page, anchor in SITE_LINK.findall(text):
        if page in anchors and anchor and anchor[1:] not in anchors[page]:
            yield f"link {page}.md{anchor}: no id {anchor[1:]!r} on the {page} page"


def check_links(guide: Guide) -> Iterator[Finding]:
    """Links between pages in Markdown fields point at ids the data has."""
    anchors = page_anchors(guide)
    for index, mode in entries(guide, "modes"):
        for field in ("goods_flow", "money_flow", "roles"):
            for message in unknown_site_links(getattr(mode, field), anchors):
                yield ("modes", index, field), message
    for index, entry in entries(guide, "faq"):
        for message in unknown_site_links(entry.answer, anchors):
            yield ("faq", index, "answer"), message


def stale_facts(guide: Guide, today: datetime.date, max_age_days: int) -> Iterator[Finding]:
    """Facts last checked longer ago than the allowed age: warnings, not errors."""
    for path, fact in sourced_facts(guide):
        age = (today - fact.checked).days
        if age > max_age_days:
            yield path + ("checked",), f"last checked {fact.checked}, {age} days ago (limit {max_age_days}): check it again"


def check_guide(guide: Guide, today: datetime.date, complete: bool = True) -> list[Finding]:
    """All cross-entry findings; on a partly invalid guide, skip the rule that needs every entry."""
    findings = [*check_ids(guide), *check_references(guide), *check_values(guide), *check_dates(guide, today)]
    findings += check_options(guide)
    findings += [*check_links(guide), *check_changes(guide, today)]
    return findings + list(check_sources_used(guide)) if complete else findings
