"""Read the data file, validate it against the model, report every problem with its place."""

import datetime
import os
from pathlib import Path

import pydantic

from .checks import Stub, check_guide
from .model import Guide
from .yamlpos import Positioned, Problem, read_positioned

MAX_BYTES = 16 * 1024 * 1024  # far above the real file; refuses runaway files before parsing


class GuideError(Exception):
    """The data file has problems; str() lists them all, one per line."""

    def __init__(self, display: str, problems: list[Problem]) -> None:
        self.display = display
        self.problems = sorted(problems, key=lambda p: (p.line, p.column))
        super().__init__(self.report())

    def report(self) -> str:
        """Every problem as `file:line:col: field path: message`, then a count."""
        lines = [f"{self.display}:{p.line}:{p.column}: {format_path(p.path)}: {p.message}" for p in self.problems]
        count = len(self.problems)
        lines.append(f"{count} problem{'s' if count != 1 else ''} in {self.display}")
        return "\n".join(lines)


def format_path(path: tuple) -> str:
    """A path like ('faq', 3, 'answer') as faq[3].answer."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(file)"


def _pydantic_message(error: dict) -> str:
    kind, value = error["type"], error.get("input")
    if kind == "string_type" and isinstance(value, bool):
        return f"expected text, got the YAML boolean {value} (yes/no/on/off/true/false): put the text in quotes"
    if kind == "string_type" and isinstance(value, (int, float, datetime.date)):
        return f"expected text, got {type(value).__name__} {value}: put the text in quotes"
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        return "unknown field (check the spelling; see CONTRIBUTING.md for the allowed fields)"
    if kind == "date_type":
        return "expected a date written as YYYY-MM-DD, without quotes"
    if kind == "string_pattern_mismatch" and "https" in str(error.get("ctx", {}).get("pattern", "")):
        return f"expected an https:// link, got {value!r}"
    if kind == "string_pattern_mismatch":
        return f"{value!r} is not a valid id: use lowercase letters, digits and single hyphens (e.g. store-system)"
    return error["msg"]


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


def validate(positioned: Positioned, today: datetime.date) -> tuple[Guide | None, list[Problem]]:
    """Model validation, then the cross-entry checks; problems located in the file."""
    try:
        guide, problems, complete = Guide.model_validate(positioned.data), [], True
    except pydantic.ValidationError as error:
        guide, complete = _partial_guide(positioned.data), False
        problems = [
            Problem(*positioned.locate(tuple(item["loc"])), tuple(item["loc"]), _pydantic_message(item))
            for item in error.errors(include_url=False)
        ]
    if guide is not None:
        findings = check_guide(guide, today, complete)
        problems += [Problem(*positioned.locate(path), path, message) for path, message in findings]
    return (guide if complete else None), problems


def _decode(raw: bytes) -> tuple[str | None, list[Problem]]:
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        return None, [Problem(line, column, (), "the file is not valid UTF-8: save it as UTF-8")]


def entry_lines(positioned: Positioned) -> dict[str, int]:
    """The line each entry with an id starts on, by id (ids are unique across the file)."""
    lines = {}
    for path, (line, _) in positioned.positions.items():
        if len(path) == 2 and isinstance(path[1], int):
            entry = positioned.data[path[0]][path[1]]
            if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                lines[entry["id"]] = line
    return lines


def parse_guide(raw: bytes, display: str, today: datetime.date) -> Guide:
    """Bytes of the data file to a valid Guide, or GuideError listing every problem."""
    return parse_located(raw, display, today)[0]


def parse_located(raw: bytes, display: str, today: datetime.date) -> tuple[Guide, dict[str, int]]:
    """Bytes of the data file to a valid Guide and the line of each entry, or GuideError."""
    if len(raw) > MAX_BYTES:
        size = f"{len(raw) / 1024 / 1024:.1f} MiB"
        raise GuideError(display, [Problem(1, 1, (), f"the file is {size}; the limit is {MAX_BYTES // 1024 // 1024} MiB")])
    text, problems = _decode(raw)
    if text is None:
        raise GuideError(display, problems)
    positioned = read_positioned(text)
    if positioned.problems:
        raise GuideError(display, positioned.problems)
    guide, problems = validate(positioned, today)
    if problems:
        raise GuideError(display, problems)
    return guide, entry_lines(positioned)


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
