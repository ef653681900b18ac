"""Bad data files, each refused with a located message that says what to do, and never a traceback.

Cases that need a realistic file cut or edit the real data/guide.yml, read at test time; they rely
only on the schema, never on its current content.
"""

import datetime
import re
import subprocess
import sys
import tracemalloc

import pytest
import yaml

from conftest import FIXTURES, ROOT
from macros import load, yamlpos
from macros.load import MAX_BYTES, GuideError, parse_guide
from macros.model import Guide

TODAY = datetime.date.today()
NAME = "data/guide.yml"
REAL = (ROOT / NAME).read_text(encoding="utf-8")
MINIMAL = (FIXTURES / "minimal.yml").read_text(encoding="utf-8")
LOCATED = re.compile(rf"^{re.escape(NAME)}:(\d+):(\d+): (\S+): (.+)$")


def report(raw: str | bytes) -> list[str]:
    """The problem lines for this content (count line dropped); each must be located in the file."""
    data = raw.encode("utf-8") if isinstance(raw, str) else raw
    with pytest.raises(GuideError) as caught:
        parse_guide(data, NAME, TODAY)
    lines = caught.value.report().splitlines()
    assert re.fullmatch(rf"\d+ problems? in {re.escape(NAME)}", lines[-1])
    line_count = data.count(b"\n") + 1
    for line in lines[:-1]:
        match = LOCATED.match(line)
        if match is None:
            assert line.startswith(f"{NAME}: ") and "more problems not shown" in line, line
            continue
        assert 1 <= int(match[1]) <= line_count and int(match[2]) >= 1, line
    return lines[:-1]


def only(raw: str | bytes) -> str:
    """The single problem line for this content."""
    (line,) = report(raw)
    return line


def at(text: str, fragment: str) -> str:
    """`line:col` of the first occurrence of a fragment."""
    index = text.index(fragment)
    return f"{text.count(chr(10), 0, index) + 1}:{index - (text.rfind(chr(10), 0, index) + 1) + 1}"


def line_of(text: str, fragment: str) -> int:
    return text.count("\n", 0, text.index(fragment)) + 1


def first_value(key: str, text: str = MINIMAL) -> str:
    """The first `key: value` line whose value is plain text on one line."""
    match = re.search(rf"^ +(?:- )?{key}: [^\s|>\"'&*!\[{{][^\n]*$", text, re.M)
    assert match, f"no plain one-line {key}:"
    return match.group(0)


def replace_once(old: str, new: str, text: str = MINIMAL) -> str:
    index = text.index(old)
    return text[:index] + new + text[index + len(old):]


class NoAliasDumper(yaml.CSafeDumper):
    """Writes shared values out in full: the loader refuses YAML aliases."""

    def ignore_aliases(self, data):
        return True


def real_data() -> dict:
    """The real data as plain Python, to edit by schema field names."""
    return yaml.load(REAL, Loader=yaml.CSafeLoader)


def dumped(data: dict) -> str:
    return yaml.dump(data, Dumper=NoAliasDumper, allow_unicode=True, sort_keys=False, width=1000)


SECOND_LINE = REAL.split("\n")[1]  # the first line is the schema comment; any line will do


# --- The file as a whole ---------------------------------------------------------------------

@pytest.mark.parametrize("content", [b"", b"\n\n   \n", b"# a comment only\n", "\ufeff".encode()])
def test_empty_file(content):
    assert only(content) == f"{NAME}:1:1: (file): the file is empty: it must hold the guide's sections"


@pytest.mark.parametrize("content, kind", [("just text\n", "text"), ("- a\n- b\n", "a list"), ("42\n", "the number 42")])
def test_not_a_mapping(content, kind):
    assert only(content) == f"{NAME}:1:1: (file): expected a mapping (name: value lines), got {kind}"


def test_two_documents_in_one_file():
    text = REAL.rstrip("\n") + "\n---\nmodes: []\n"
    line = text.count("\n", 0, text.index("\n---\n") + 1) + 1
    assert only(text) == (
        f"{NAME}:{line}:1: (file): YAML syntax error: but found another document (expected a single document "
        "in the stream); the guide must be one YAML document: remove the `---` line"
    )


def test_document_markers_around_one_document_are_fine():
    parse_guide(("---\n" + REAL + "...\n").encode(), NAME, TODAY)


def test_windows_line_endings_and_a_byte_order_mark_are_fine():
    parse_guide(b"\xef\xbb\xbf" + REAL.replace("\n", "\r\n").encode(), NAME, TODAY)


def test_too_large_a_file_is_refused_before_decoding_or_parsing(monkeypatch):
    def must_not_run(*args):
        raise AssertionError("the size check must come first")

    monkeypatch.setattr(load, "_decode", must_not_run)
    monkeypatch.setattr(load, "read_positioned", must_not_run)
    raw = b"# padding\n" * (2 * 1024 * 1024)  # 20 MiB
    assert only(raw) == f"{NAME}:1:1: (file): the file is 20.0 MiB; the limit is {MAX_BYTES // 1024 // 1024} MiB"


def test_a_file_just_under_the_size_limit_is_read():
    raw = REAL.encode()
    padded = raw + b"#" * (MAX_BYTES - len(raw) - 1) + b"\n"
    assert len(padded) == MAX_BYTES
    parse_guide(padded, NAME, TODAY)


def test_a_hundred_thousand_entries_under_the_limits_are_validated():
    data = real_data()
    glossary = data.pop("glossary")
    data["glossary"] = glossary  # last, so the generated entries can simply follow it
    bulk = "".join(f"- id: bulk-term-{i}\n  term: Bulk term {i}\n  definition: Meaning number {i}.\n" for i in range(100_000))
    raw = (dumped(data) + bulk).encode()
    assert len(raw) < MAX_BYTES
    assert len(parse_guide(raw, NAME, TODAY).glossary) == len(glossary) + 100_000


def test_too_many_values_are_refused(monkeypatch):
    monkeypatch.setattr(yamlpos, "MAX_NODES", 50)
    text = "modes:\n" + "".join(f"  - {i}\n" for i in range(60))
    assert only(text) == f"{NAME}:2:3: (file): the file holds more than 50 keys and values: trim it"


def test_deep_nesting_is_refused_without_crashing_the_process():
    # Run apart: without the depth limit, libyaml overflows the C stack and kills the process.
    code = (
        "import datetime\nfrom macros.load import GuideError, parse_guide\n"
        "try:\n    parse_guide(b'modes: ' + b'[' * 100000 + b']' * 100000, 'g.yml', datetime.date.today())\n"
        "except GuideError as error:\n    print(error.report())\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.splitlines()[0] == (
        # Located at the deepest list allowed, the parent of the one refused ("modes: " is 7 characters).
        f"g.yml:1:{8 + yamlpos.MAX_DEPTH - 2}: (file): values nest more than {yamlpos.MAX_DEPTH} levels deep: "
        "check for runaway [, { or - characters"
    )


# --- Characters ------------------------------------------------------------------------------

def test_invalid_utf8_in_the_real_file():
    raw = REAL.encode().replace(SECOND_LINE.encode(), SECOND_LINE.encode() + b"\xc3\x28", 1)
    assert only(raw) == f"{NAME}:2:{len(SECOND_LINE.encode()) + 1}: (file): the file is not valid UTF-8: save it as UTF-8"


@pytest.mark.parametrize("character, name", [
    ("\x00", "control character U+0000"), ("\x07", "control character U+0007"), ("\x1b", "control character U+001B"),
    ("\x7f", "control character U+007F"), ("\x85", "control character U+0085"), ("\u2028", "line separator U+2028"),
    ("\u2029", "paragraph separator U+2029"),
])
def test_invisible_characters_are_located_and_named(character, name):
    text = replace_once(SECOND_LINE, SECOND_LINE + character, REAL)
    assert only(text) == (
        f"{NAME}:2:{len(SECOND_LINE) + 1}: (file): the invisible {name} is not allowed: "
        "delete it (copied text often brings it)"
    )


def test_lone_carriage_return():
    assert only(replace_once(SECOND_LINE, SECOND_LINE[:1] + "\r" + SECOND_LINE[1:], REAL)) == (
        f"{NAME}:2:2: (file): a carriage return (U+000D) without a line feed: "
        "save the file with LF or CRLF line endings"
    )


def test_every_line_with_invisible_characters_is_listed():
    lines = REAL.split("\n")
    marked = [index for index, text in enumerate(lines) if text.strip()][:3]
    for index in marked:
        lines[index] += "\x00\x00"
    assert [problem.split(": ")[0] for problem in report("\n".join(lines))] == [
        f"{NAME}:{index + 1}:{len(REAL.split(chr(10))[index]) + 1}" for index in marked
    ]


def test_a_flood_of_invisible_characters_is_counted_not_listed():
    problems = report(b"\x00\n" * 1000)
    assert len(problems) == yamlpos.MAX_PROBLEMS + 1
    assert problems[-1] == f"{NAME}: {1000 - yamlpos.MAX_PROBLEMS} more problems not shown: fix the ones above and check again"


def test_right_to_left_marks_cjk_and_emoji_are_ordinary_text():
    data = real_data()
    data["modes"][0]["name"] += " \u202eevil\u202c 中文 😀 \u200f"
    guide = parse_guide(dumped(data).encode(), NAME, TODAY)
    assert guide.modes[0].name == data["modes"][0]["name"]


# --- YAML syntax -----------------------------------------------------------------------------

def test_tab_before_a_list_item():
    line = first_value("id")
    text = replace_once(line, "\t" + line.lstrip(" "))
    (problem,) = report(text)
    assert problem.startswith(f"{NAME}:{at(text, chr(9))}: (file): YAML syntax error: ")
    assert problem.endswith("; indent with spaces, not tabs")


@pytest.mark.parametrize("quote", ['"'])  # the fixture has a later '"', so the parser stops there
def test_unterminated_quote_is_traced_to_the_opening_quote(quote):
    assert MINIMAL.count(quote) >= 2
    line = first_value("name")
    key, value = line.split(": ", 1)
    text = replace_once(line, f"{key}: {quote}{value}")
    opening = f"line {line_of(text, key + ': ' + quote)}, column {len(key) + 3}"
    (problem,) = report(text)
    assert problem.endswith(f"check the quoted text that starts on {opening}: is its closing quote missing?")


@pytest.mark.parametrize("quote", ['"', "'"])
def test_unterminated_quote_at_the_end_points_at_the_opening_quote(quote):
    text = MINIMAL.rstrip("\n") + f"\n  - id: src-three\n    title: {quote}Source three\n"
    assert only(text) == (f"{NAME}:{at(text, quote + 'Source three')}: (file): YAML syntax error: "
                          "this quoted text is never closed: add the closing quote")


def test_unescaped_colon_in_text_says_to_quote_it():
    line = first_value("label")
    text = replace_once(line, line + ": more")
    assert only(text).endswith("a colon followed by a space inside text: put the text in quotes, or fix the indentation")


def test_truncating_before_the_last_required_section_names_it():
    required = [name for name, field in Guide.model_fields.items() if field.is_required()]
    last = max(required, key=lambda name: REAL.index(f"\n{name}:"))
    cut = REAL[: REAL.index(f"\n{last}:") + 1]
    assert any(line.endswith(f": {last}: required field is missing") for line in report(cut))


@pytest.mark.parametrize("fraction", [i / 17 for i in range(1, 17)])
def test_truncated_file_fails_cleanly_or_is_still_valid(fraction):
    raw = REAL.encode()[: int(len(REAL.encode()) * fraction)]
    try:
        parse_guide(raw, NAME, TODAY)
    except GuideError:
        report(raw)  # every problem located within the cut file


def test_truncated_inside_a_multibyte_character():
    raw = MINIMAL.encode()
    cut = raw[: raw.index("甲".encode()) + 1]
    line, column = cut.count(b"\n") + 1, len(cut[cut.rindex(b"\n") + 1:-1].decode()) + 1
    assert only(cut) == f"{NAME}:{line}:{column}: (file): the file is not valid UTF-8: save it as UTF-8"


# --- Values ----------------------------------------------------------------------------------

@pytest.mark.parametrize("written, reading", [
    ("yes", "the yes/no value true"), ("Off", "the yes/no value false"), ("TRUE", "the yes/no value true"),
    ("017", "the number 15"), ("0x1F", "the number 31"), ("1_000", "the number 1000"), ("12:30", "the number 750"),
    ("1.5", "the number 1.5"), (".inf", "the number inf"), ("2024-03-15", "a date"),
])
def test_yaml_1_1_values_where_text_is_expected(written, reading):
    line = first_value("name")
    key = line.split(": ", 1)[0]
    text = replace_once(line, f"{key}: {written}")
    path = only(text).split(": ")[1]
    assert only(text) == (
        f"{NAME}:{line_of(text, key + ': ' + written)}:{len(key) + 3}: {path}: expected text, but YAML reads "
        f"{written} as {reading}: put it in quotes ({written!r})"
    )


def test_empty_value_where_text_is_required():
    line = first_value("name")
    key = line.split(": ", 1)[0]
    assert only(replace_once(line, key + ":")).endswith(": the value is empty: write the text after the colon")


@pytest.mark.parametrize("value, message", [
    ("[a, b]", "expected text, got a list: check the indentation, or put the text in quotes"),
    ("{a: b}", "expected text, got a mapping (name: value lines): check the indentation, or put the text in quotes"),
])
def test_list_or_mapping_where_text_is_expected(value, message):
    line = first_value("name")
    key = line.split(": ", 1)[0]
    assert only(replace_once(line, f"{key}: {value}")).endswith(message)


def test_text_where_a_list_is_expected():
    text = replace_once("markets: [Nowhere]", "markets: Nowhere")
    assert only(text) == f"{NAME}:{at(text, 'Nowhere')}: modes[0].markets: " \
        "expected a list (lines starting with - , or [a, b]), got text"


@pytest.mark.parametrize("written, message", [
    ("2026-02-30", "'2026-02-30' is not a real date (day is out of range for month): write an existing date as YYYY-MM-DD"),
    ("2026-13-01", "'2026-13-01' is not a real date (month must be in 1..12): write an existing date as YYYY-MM-DD"),
    ("2026-1-5x", "expected a date written as YYYY-MM-DD, without quotes, got text"),
    ('"2026-01-01"', "expected a date written as YYYY-MM-DD, without quotes, got text"),
    ("20260101", "expected a date written as YYYY-MM-DD, without quotes, got the number 20260101"),
])
def test_impossible_or_misspelt_dates(written, message):
    line = first_value("checked")
    key = line.split(": ", 1)[0]
    text = replace_once(line, f"{key}: {written}")
    problem = only(text)
    assert problem.startswith(f"{NAME}:{line_of(text, key + ': ' + written)}:{len(key) + 3}: ")
    assert problem.endswith(message)


def test_future_date_in_the_real_file():
    line = first_value("checked")
    key = line.split(": ", 1)[0]
    future = TODAY + datetime.timedelta(days=1)
    problem = only(replace_once(line, f"{key}: {future}"))
    assert problem.endswith(f"checked: date {future} is in the future (today is {TODAY})")


def test_huge_number_is_shortened_in_the_message():
    line = first_value("name")
    key = line.split(": ", 1)[0]
    problem = only(replace_once(line, f"{key}: {'9' * 5000}"))
    assert problem.endswith(f"{'9' * 60}…' is too long to read as a number: put it in quotes if it is text")
    assert len(problem) < 300


def test_duplicate_id_in_the_real_file():
    data = real_data()
    data["glossary"][0]["id"] = data["modes"][0]["id"]
    problems = report(dumped(data))
    assert [p.split(": ", 1)[1] for p in problems if "duplicate" in p] == [
        f"glossary[0].id: duplicate id {data['modes'][0]['id']!r} (already used by modes[0])"
    ]


def test_unknown_source_in_the_real_file():
    data = real_data()
    data["modes"][0]["sources"] = ["no-such-source"]
    problems = report(dumped(data))
    assert "modes[0].sources[0]: unknown source 'no-such-source': add it under `sources` first" in [
        p.split(": ", 1)[1] for p in problems
    ]


# --- Constructs that could attack the loader -------------------------------------------------

def test_billion_laughs_is_refused_fast_without_expanding():
    levels = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    levels += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 40)]
    raw = ("\n".join(levels) + "\n").encode()
    tracemalloc.start()
    try:
        problems = report(raw)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert problems[0] == f"{NAME}:2:5: a1[0]: YAML anchors and aliases (&name, *name) are not allowed: write the value out"
    assert problems[-1] == f"{NAME}: {39 * 9 - yamlpos.MAX_PROBLEMS} more problems not shown: fix the ones above and check again"
    assert peak < 20 * 1024 * 1024, f"9**40 values must never be built; peak was {peak / 1e6:.0f} MB"


def test_merge_key_is_refused():
    line = first_value("name")
    indent = line[: len(line) - len(line.lstrip(" -"))].replace("-", " ")
    text = replace_once(line, line + f"\n{indent}<<: {{extra: 1}}")
    assert report(text)[0].endswith("YAML merge keys (<<) are not allowed: write the fields out")


@pytest.mark.parametrize("tag", ["!!python/object/apply:os.system", "!!python/name:os.system", "!!binary", "!!set", "!custom"])
def test_yaml_tags_are_refused_and_never_run(tag, tmp_path):
    marker = tmp_path / "ran"
    line = first_value("name")
    key = line.split(": ", 1)[0]
    value = f'["touch {marker}"]' if "apply" in tag else ("aGVsbG8=" if tag == "!!binary" else "{a}" if tag == "!!set" else "x")
    text = replace_once(line, f"{key}: {tag} {value}")
    assert only(text).endswith(f"YAML tags such as {tag} are not allowed: write a plain value (put text in quotes)")
    assert not marker.exists()


def test_non_text_keys_are_refused():
    line = first_value("name")
    key = line.split(": ", 1)[0]
    indent = key[: len(key) - len(key.lstrip(" -"))].replace("-", " ")
    text = replace_once(line, line + f"\n{indent}123: x")
    assert only(text).endswith(": keys must be plain text")


# --- Links -----------------------------------------------------------------------------------

@pytest.mark.parametrize("url, reason", [
    ("https://localhost/page", "'localhost' is not a host name such as example.org"),
    ("https://one.example/a page", 'it contains spaces or characters such as " < > { } | that must be percent-encoded'),
    ('https://one.example/"onmouseover="x', 'it contains spaces or characters such as " < > { } | that must be percent-encoded'),
    ("https://user@one.example/", "'user@one.example' is not a host name such as example.org"),
])
def test_source_url_must_be_a_well_formed_https_link(url, reason):
    text = replace_once("url: https://one.example/page", f"url: '{url}'")
    assert only(text) == f"{NAME}:{at(text, repr(url))}: sources[0].url: {url!r} is not a valid https:// link: {reason}"


@pytest.mark.parametrize("markdown, target", [
    ("See [this](javascript:alert(1)).", "javascript:alert(1"),
    ("See [this](<javascript:alert(1)>).", "javascript:alert(1"),
    ("See [this]( JavaScript:alert(1) ).", "JavaScript:alert(1"),
    ("See ![x](data:image/svg+xml;base64,PHN2Zz4=).", "data:image/svg+xml;base64,PHN2Zz4="),
    ("See [this](vbscript:msgbox).", "vbscript:msgbox"),
    ("See [this](http://plain.example).", "http://plain.example"),
    ("See [this][r].\n\n[r]: javascript:alert(1) \"a title\"", "javascript:alert(1)"),
    ("See [this][r].\n\n[r]:\n    data:text/html,x", "data:text/html,x"),
    ("See [this](https://bad host).", "https://bad"),
])
def test_markdown_links_must_be_https_or_pages_of_the_guide(markdown, target):
    indented = "\n".join("      " + line if line else "" for line in markdown.split("\n"))
    text = replace_once("    answer: |\n      The seller in Alpha; the platform in Beta.\n", f"    answer: |\n{indented}\n")
    assert only(text) == (
        f"{NAME}:{line_of(text, 'answer: |')}:13: faq[0].answer: link target {target!r} is not allowed: "
        "use https://... or a page of this guide such as compare.md#store-system"
    )


def test_https_and_guide_links_are_allowed():
    markdown = "See [a](https://one.example/x?q=1#f), [b](compare.md#where-stock-sits) and [c][r].\n\n[r]: https://two.example \"t\""
    indented = "\n".join("      " + line if line else "" for line in markdown.split("\n"))
    text = replace_once("    answer: |\n      The seller in Alpha; the platform in Beta.\n", f"    answer: |\n{indented}\n")
    parse_guide(text.encode(), NAME, TODAY)
