"""Read the data file, validate it against the model, report every problem with its place."""

import datetime
import gc
import os
import re
import unicodedata
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

import pydantic

from .checks import Stub, check_guide
from .model import Guide, https_url_problem
from .yamlpos import MAX_PROBLEMS, Positioned, Problem, read_plain, read_positioned, shorten

MAX_BYTES = 16 * 1024 * 1024  # far above the real file; refuses runaway files before parsing
# Characters YAML refuses, plus those it reads as line breaks where editors see none (so every
# reported line number matches the editor's).
INVISIBLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]|\r(?!\n)")


class GuideError(Exception):
    """The data file has problems; str() lists them, one per line, up to MAX_PROBLEMS."""

    def __init__(self, display: str, problems: list[Problem], more: int = 0) -> None:
        self.display = display
        ordered = sorted(problems, key=lambda p: (p.line, p.column))
        self.problems = ordered[:MAX_PROBLEMS]
        self.more = more + len(ordered) - len(self.problems)
        super().__init__(self.report())

    def report(self) -> str:
        """Every problem as `file:line:col: field path: message`, then a count."""
        lines = [f"{self.display}:{p.line}:{p.column}: {format_path(p.path)}: {p.message}" for p in self.problems]
        if self.more:
            lines.append(f"{self.display}: {self.more} more problems not shown: fix the ones above and check again")
        count = len(self.problems) + self.more
        lines.append(f"{count} problem{'s' if count != 1 else ''} in {self.display}")
        return "\n".join(lines)


def format_path(path: tuple) -> str:
    """A path like ('faq', 3, 'answer') as faq[3].answer."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(file)"


def _kind(value: object) -> str:
    """What YAML made of a value, in an editor's words."""
    if isinstance(value, bool):
        return f"the yes/no value {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, datetime.date):
        return "a date"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping (name: value lines)"
    return "text" if isinstance(value, str) else "nothing"


def _pydantic_message(error: dict, written: str | None) -> str:
    """One validation error in an editor's words, with what to do."""
    kind, value = error["type"], error.get("input")
    if kind == "string_type" and value is None:
        return "the value is empty: write the text after the colon"
    if kind == "string_type" and written is not None:
        return f"expected text, but YAML reads {written} as {_kind(value)}: put it in quotes ({shorten(written)})"
    if kind == "string_type":
        return f"expected text, got {_kind(value)}: check the indentation, or put the text in quotes"
    if kind in ("list_type", "dict_type", "model_type", "bool_type", "date_type"):
        wanted = {"list_type": "a list (lines starting with - , or [a, b])", "bool_type": "true or false",
                  "date_type": "a date written as YYYY-MM-DD, without quotes"}.get(kind, "a mapping (name: value lines)")
        return f"expected {wanted}, got {_kind(value)}"
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        return "unknown field (check the spelling; see CONTRIBUTING.md for the allowed fields)"
    if kind == "string_pattern_mismatch" and "https" in str(error.get("ctx", {}).get("pattern", "")):
        return f"{shorten(value)} is not a valid https:// link: {https_url_problem(value) or 'it must start with https://'}"
    if kind == "string_pattern_mismatch":
        return f"{shorten(value)} is not a valid id: use lowercase letters, digits and single hyphens (e.g. store-system)"
    if kind == "string_too_short":
        return "the text is empty: write it, or remove the field if it is optional"
    if kind == "too_short":
        return f"needs at least {error['ctx']['min_length']} item(s)"
    if kind == "literal_error":
        return f"{shorten(str(value))} is not allowed: {error['msg'].replace('Input should be', 'use')}"
    return error["msg"].removeprefix("Value error, ")


def _partial_guide(data: object) -> Guide | None:
    """The entries that are valid on their own (stubs or None for the others), to check references."""
    if not isinstance(data, dict):
        return None
    fields = {}
    for name, info in Guide.model_fields.items():
        adapter = pydantic.TypeAdapter(info.annotation.__args__[0])
        items = data.get(name) if isinstance(data.get(name), list) else []
        fields[name] = [_valid_or_none(adapter, item) for item in items]
    return Guide.model_construct(**fields)


def _valid_or_none(adapter: pydantic.TypeAdapter, item: object) -> object:
    try:
        return adapter.validate_python(item)
    except pydantic.ValidationError:
        has_id = isinstance(item, dict) and isinstance(item.get("id"), str)
        return Stub(item["id"]) if has_id else None


def validate(data: object, today: datetime.date, place: Callable[[], Positioned]) -> tuple[Guide | None, list[Problem]]:
    """Model validation, then the cross-entry checks; problems located in the file by `place`, read only for them."""
    try:
        guide, errors, complete = Guide.model_validate(data), [], True
    except pydantic.ValidationError as error:
        guide, errors, complete = _partial_guide(data), error.errors(include_url=False), False
    findings = check_guide(guide, today, complete) if guide is not None else []
    if not errors and not findings:
        return guide, []
    positioned = place()
    problems = [
        Problem(*positioned.locate(loc), loc, _pydantic_message(item, positioned.written.get(loc)))
        for item in errors
        for loc in [tuple(item["loc"])]
    ]
    problems += [Problem(*positioned.locate(path), path, message) for path, message in findings]
    return (guide if complete else None), problems


def _decode(raw: bytes) -> tuple[str | None, list[Problem]]:
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1:].decode("utf-8")) + 1  # in characters, as editors count
        return None, [Problem(line, column, (), "the file is not valid UTF-8: save it as UTF-8")]


def _describe(character: str) -> str:
    if character == "\r":
        return "a carriage return (U+000D) without a line feed: save the file with LF or CRLF line endings"
    name = unicodedata.name(character, "control character").lower()
    return f"the invisible {name} U+{ord(character):04X} is not allowed: delete it (copied text often brings it)"


def _character_problems(text: str) -> tuple[list[Problem], int]:
    """One problem per line holding characters YAML refuses or reads as extra line breaks."""
    problems: list[Problem] = []
    line, line_start, searched, reported_line, more = 1, 0, 0, 0, 0
    for match in INVISIBLE.finditer(text):
        at = match.start()
        if newlines := text.count("\n", searched, at):
            line, line_start = line + newlines, text.rindex("\n", 0, at) + 1
        searched = at
        if line == reported_line:
            continue
        reported_line = line
        if len(problems) < MAX_PROBLEMS:
            problems.append(Problem(line, at - line_start + 1, (), _describe(match.group())))
        else:
            more += 1
    return problems, more


@contextmanager
def _no_cyclic_gc():
    """Pause the cycle collector, which rescans every new object and makes large files quadratic."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def entry_lines(data: dict, item_lines: dict[tuple[str, int], int]) -> dict[str, int]:
    """The line each entry with an id starts on, by id (ids are unique across the file)."""
    lines = {}
    for (section, index), line in item_lines.items():
        entry = data[section][index]
        if isinstance(entry, dict) and isinstance(entry.get("id"), str):
            lines[entry["id"]] = line
    return lines


def parse_guide(raw: bytes, display: str, today: datetime.date) -> Guide:
    """Bytes of the data file to a valid Guide, or GuideError listing every problem."""
    return parse_located(raw, display, today)[0]


def parse_located(raw: bytes, display: str, today: datetime.date) -> tuple[Guide, dict[str, int]]:
    """Bytes of the data file to a valid Guide and the line of each entry, or GuideError."""
    with _no_cyclic_gc():
        return _parse(raw, display, today)


def _parse(raw: bytes, display: str, today: datetime.date) -> tuple[Guide, dict[str, int]]:
    if len(raw) > MAX_BYTES:
        size = f"{len(raw) / 1024 / 1024:.1f} MiB"
        raise GuideError(display, [Problem(1, 1, (), f"the file is {size}; the limit is {MAX_BYTES // 1024 // 1024} MiB")])
    text, problems = _decode(raw)
    if text is None:
        raise GuideError(display, problems)
    problems, more = _character_problems(text)
    if problems:
        raise GuideError(display, problems, more)
    plain = read_plain(text)  # a clean file; otherwise the careful reading finds what is wrong, and where
    positioned = read_positioned(text) if plain is None else None
    if positioned and positioned.problems:
        raise GuideError(display, positioned.problems, positioned.more)
    reading = plain or positioned
    guide, problems = validate(reading.data, today, lambda: positioned or read_positioned(text))
    if problems:
        raise GuideError(display, problems)
    return guide, entry_lines(reading.data, reading.item_lines)


_cache: dict[tuple, tuple[Guide, dict[str, int]]] = {}


def load_located(path: Path, root: Path | None = None, today: datetime.date | None = None) -> tuple[Guide, dict[str, int]]:
    """Load and validate the data file once per version of it (keyed by mtime and size), with entry lines."""
    today = today or datetime.date.today()
    stat = os.stat(path)
    key = (str(path), stat.st_mtime_ns, stat.st_size, today)
    if key not in _cache:
        display = os.path.relpath(path, root) if root else str(path)
        _cache.clear()
        _cache[key] = parse_located(Path(path).read_bytes(), display, today)
    return _cache[key]


def load_guide(path: Path, root: Path | None = None, today: datetime.date | None = None) -> Guide:
    """The validated guide of the data file (see load_located)."""
    return load_located(path, root, today)[0]
