"""The loader on a minimal valid fixture and on one broken copy per bad-input rule."""

import datetime

import pytest

from conftest import FIXTURES
from macros.load import GuideError, parse_guide

TODAY = datetime.date(2026, 6, 1)
VALID = (FIXTURES / "minimal.yml").read_text(encoding="utf-8")
NAME = "data/guide.yml"


def problems(text: str | bytes) -> list[str]:
    """The problem lines the loader reports for this file content (without the count line)."""
    raw = text.encode("utf-8") if isinstance(text, str) else text
    with pytest.raises(GuideError) as caught:
        parse_guide(raw, NAME, TODAY)
    return caught.value.report().splitlines()[:-1]


def edit(old: str, new: str, text: str = VALID) -> str:
    """The fixture with one exact, unique piece replaced."""
    assert text.count(old) == 1, f"fixture must contain {old!r} exactly once"
    return text.replace(old, new)


def at(text: str, fragment: str, occurrence: int = 1) -> str:
    """`line:col` where the nth occurrence of a fragment starts."""
    index = -1
    for _ in range(occurrence):
        index = text.index(fragment, index + 1)
    line = text.count("\n", 0, index) + 1
    return f"{line}:{index - (text.rfind(chr(10), 0, index) + 1) + 1}"


def test_minimal_fixture_loads_into_typed_model():
    guide = parse_guide(VALID.encode(), NAME, TODAY)
    assert [m.id for m in guide.modes] == ["alpha", "beta"]
    assert guide.dimensions[0].values["beta"].note == "In China"
    assert guide.faq[0].checked == datetime.date(2026, 1, 1)


def test_yaml_syntax_error_names_line_and_column():
    text = edit("    name: Alpha\n", "    name: [Alpha\n")
    # The parser notices the unclosed list on the next line, where `chinese:` cannot continue it.
    assert problems(text) == [
        f"{NAME}:{at(text, ': 甲')}: (file): YAML syntax error: did not find expected ',' or ']' "
        "(while parsing a flow sequence)"
    ]


def test_tab_indentation_says_use_spaces():
    text = edit("    name: Alpha\n", "\tname: Alpha\n")
    (line,) = problems(text)
    assert line.startswith(f"{NAME}:{at(text, chr(9))}: (file): YAML syntax error") and line.endswith("indent with spaces, not tabs")


def test_duplicate_key_is_refused_not_silently_kept():
    text = edit("    name: Beta\n", "    name: Beta\n    name: Gamma\n")
    assert problems(text) == [
        f"{NAME}:{at(text, 'name: Gamma')}: modes[1].name: duplicate key 'name' (first used on line {at(text, 'name: Beta').split(':')[0]})"
    ]


def test_yaml_boolean_in_text_field_is_refused():
    text = edit("    name: Alpha\n", "    name: no\n")
    assert problems(text) == [
        f"{NAME}:{at(text, 'no', 1 + VALID[:VALID.index('name: Alpha')].count('no'))}: modes[0].name: "
        "expected text, got the YAML boolean False (yes/no/on/off/true/false): put the text in quotes"
    ]


def test_number_in_text_field_is_refused():
    text = edit('    launched: "2022"\n', "    launched: 2022\n")
    assert problems(text) == [f"{NAME}:{at(text, '2022', 1)}: modes[1].launched: expected text, got int 2022: put the text in quotes"]


def test_missing_required_field_points_at_its_entry():
    text = edit("    question: Who holds the stock?\n", "")
    assert problems(text) == [f"{NAME}:{at(text, 'id: who-holds-stock')}: faq[0].question: required field is missing"]


def test_unknown_field_is_named():
    text = edit("    label: Where stock sits\n", "    label: Where stock sits\n    lable: typo\n")
    assert problems(text) == [
        f"{NAME}:{at(text, 'typo')}: dimensions[0].lable: unknown field (check the spelling; see CONTRIBUTING.md for the allowed fields)"
    ]


def test_duplicate_id_across_collections():
    text = edit("  - id: term-alpha\n", "  - id: stock\n")
    assert problems(text) == [f"{NAME}:{at(text, 'stock' + chr(10) + '    term')}: glossary[0].id: duplicate id 'stock' (already used by categories[0])"]


def test_id_must_be_kebab_case():
    text = edit("  - id: who-holds-stock\n", "  - id: Who_Holds\n")
    assert problems(text) == [
        f"{NAME}:{at(text, 'Who_Holds')}: faq[0].id: 'Who_Holds' is not a valid id: "
        "use lowercase letters, digits and single hyphens (e.g. store-system)"
    ]


def test_unknown_mode_category_and_source_are_all_reported_at_once():
    text = edit("    modes: [alpha, beta]\n", "    modes: [alpha, gamma]\n")
    text = edit("    category: stock\n    label", "    category: stok\n    label", text)
    text = edit("    sources: [src-one, src-two]\n", "    sources: [src-one, src-three]\n", text)
    assert problems(text) == [
        f"{NAME}:{at(text, 'stok')}: dimensions[0].category: unknown category 'stok'; known: stock",
        f"{NAME}:{at(text, 'gamma')}: faq[0].modes[1]: unknown mode 'gamma'; known: alpha, beta",
        f"{NAME}:{at(text, 'src-three')}: faq[0].sources[1]: unknown source 'src-three': add it under `sources` first",
    ]


def test_dimension_needs_a_value_for_every_mode():
    text = edit("      alpha: {value: Seller warehouse, sources: [src-one], checked: 2026-01-01}\n", "")
    assert problems(text) == [f"{NAME}:{at(text, 'beta: {value')}: dimensions[0].values: no value for mode 'alpha'"]


def test_empty_answer_is_refused():
    text = edit("    answer: |\n      The seller in Alpha; the platform in Beta.\n", '    answer: "  "\n')
    assert problems(text) == [f'{NAME}:{at(text, chr(34) + "  ")}: faq[0].answer: String should have at least 1 character']


def test_type_errors_and_reference_errors_come_together():
    text = edit("    name: Alpha\n", "    name: yes\n")
    text = edit("    category: stock\n    modes", "    category: nowhere\n    modes", text)
    lines = problems(text)
    assert [line.split(": ")[1] for line in lines] == ["modes[0].name", "faq[0].category"]


def test_empty_file():
    assert problems("# only a comment\n") == [f"{NAME}:1:1: (file): the file is empty: it must hold the guide's sections"]


def test_top_level_must_be_a_mapping():
    assert problems("- just\n- a list\n") == [f"{NAME}:1:1: (file): Input should be a valid dictionary or instance of Guide"]


def test_invalid_utf8_names_the_byte():
    raw = VALID.encode().replace(b"Alpha summary", b"Alpha \xff summary")
    line = VALID.count("\n", 0, VALID.index("Alpha summary")) + 1
    assert problems(raw) == [f"{NAME}:{line}:{len('    summary: Alpha ') + 1}: (file): the file is not valid UTF-8: save it as UTF-8"]


def test_aliases_are_refused():
    text = edit("    name: Beta\n", "    name: *beta_name\n")
    text = edit("    name: Alpha\n", "    name: &beta_name Alpha\n", text)
    assert problems(text) == [
        f"{NAME}:{at(text, 'name: *beta_name')}: modes[1].name: YAML anchors and aliases (&name, *name) are not allowed: write the value out"
    ]


def test_impossible_date():
    text = edit("    checked: 2026-01-01\nglossary", "    checked: 2026-02-30\nglossary")
    (line,) = problems(text)
    assert line.startswith(f"{NAME}:{at(text, '2026-02-30')}: faq[0].checked: cannot read value '2026-02-30'")


def test_future_checked_date():
    text = edit("    checked: 2026-01-01\nglossary", "    checked: 2026-07-01\nglossary")
    assert problems(text) == [f"{NAME}:{at(text, '2026-07-01')}: faq[0].checked: date 2026-07-01 is in the future (today is 2026-06-01)"]


def test_source_link_must_be_https():
    text = edit("    url: https://two.example/page\n", "    url: http://two.example/page\n")
    assert problems(text) == [f"{NAME}:{at(text, 'http://two')}: sources[1].url: expected an https:// link, got 'http://two.example/page'"]


def test_unsafe_link_in_answer():
    text = edit("      The seller in Alpha;", "      See [this](javascript:alert(1)). The seller in Alpha;")
    (line,) = problems(text)
    assert line.startswith(f"{NAME}:{at(text, '|' + chr(10) + '      See [this]')}: faq[0].answer: Value error, link target 'javascript:alert(1'")


def test_unused_source():
    text = edit("      beta: {value: Platform warehouse, note: In China, sources: [src-two]", "      beta: {value: Platform warehouse, note: In China, sources: [src-one]")
    text = edit("    sources: [src-one, src-two]\n", "    sources: [src-one]\n", text)
    text = edit("    sources: [src-two]\n    checked", "    sources: [src-one]\n    checked", text)
    for point in ("Beta is easy.", "Beta is slow.", "New sellers."):
        text = edit(f"{point}, sources: [src-two]", f"{point}, sources: [src-one]", text)
    assert problems(text) == [f"{NAME}:{at(text, 'src-two')}: sources[1].id: source 'src-two' is not cited by any fact: cite it or remove it"]


def test_link_to_an_id_the_data_lacks():
    text = edit("      The seller in Alpha;", "      See [row](compare.md#no-such-row). The seller in Alpha;")
    assert problems(text) == [
        f"{NAME}:{at(text, '|' + chr(10) + '      See [row]')}: faq[0].answer: "
        "link compare.md#no-such-row: no id 'no-such-row' on the compare page"
    ]
