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
        "(while parsing a flow sequence); a list or mapping in [ ] or { } is not closed; "
        "text that starts with [ or { must be in quotes"
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
        "expected text, but YAML reads no as the yes/no value false: put it in quotes ('no')"
    ]


def test_number_in_text_field_is_refused():
    text = edit('    launched: "2022"\n', "    launched: 2022\n")
    assert problems(text) == [f"{NAME}:{at(text, '2022', 1)}: modes[1].launched: expected text, but YAML reads 2022 as the number 2022: put it in quotes ('2022')"]


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
    assert problems(text) == [f'{NAME}:{at(text, chr(34) + "  ")}: faq[0].answer: the text is empty: write it, or remove the field if it is optional']


def test_type_errors_and_reference_errors_come_together():
    text = edit("    name: Alpha\n", "    name: yes\n")
    text = edit("    category: stock\n    modes", "    category: nowhere\n    modes", text)
    lines = problems(text)
    assert [line.split(": ")[1] for line in lines] == ["modes[0].name", "faq[0].category"]


def test_empty_file():
    assert problems("# only a comment\n") == [f"{NAME}:1:1: (file): the file is empty: it must hold the guide's sections"]


def test_top_level_must_be_a_mapping():
    assert problems("- just\n- a list\n") == [f"{NAME}:1:1: (file): expected a mapping (name: value lines), got a list"]


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
    assert line.startswith(f"{NAME}:{at(text, '2026-02-30')}: faq[0].checked: '2026-02-30' is not a real date (day is out of range for month): write an existing date as YYYY-MM-DD")


def test_future_checked_date():
    text = edit("    checked: 2026-01-01\nglossary", "    checked: 2026-07-01\nglossary")
    assert problems(text) == [f"{NAME}:{at(text, '2026-07-01')}: faq[0].checked: date 2026-07-01 is in the future (today is 2026-06-01)"]


def test_source_link_must_be_https():
    text = edit("    url: https://two.example/page\n", "    url: http://two.example/page\n")
    assert problems(text) == [f"{NAME}:{at(text, 'http://two')}: sources[1].url: 'http://two.example/page' is not a valid https:// link: it must start with https://"]


def test_unsafe_link_in_answer():
    text = edit("      The seller in Alpha;", "      See [this](javascript:alert(1)). The seller in Alpha;")
    (line,) = problems(text)
    assert line.startswith(f"{NAME}:{at(text, '|' + chr(10) + '      See [this]')}: faq[0].answer: link target 'javascript:alert(1' is not allowed")


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


# --- Value chain stages and the decision guide ---------------------------------------------

STAGE_MAKE_BETA = "      beta: {who: shared, goods_at: factory, sources: [src-one], checked: 2026-01-01}\n"


def at_after(text: str, marker: str, fragment: str) -> str:
    """`line:col` of the first occurrence of a fragment after a unique marker."""
    assert text.count(marker) == 1
    return at(text, fragment, text[: text.index(marker)].count(fragment) + 1)


def test_file_without_stages_and_decision_still_loads():
    text = VALID[: VALID.index("stages:\n")]
    guide = parse_guide(text.encode(), NAME, TODAY)
    assert guide.stages == [] and guide.decision == []


def test_fixture_stages_and_questions_load_in_order():
    guide = parse_guide(VALID.encode(), NAME, TODAY)
    assert [s.id for s in guide.stages] == ["stage-make", "stage-store"]
    assert guide.stages[1].values["beta"].goods_at == "temu-china-warehouse"
    assert guide.decision[0].options[1].weights == {"alpha": 0, "beta": 2}


def test_stage_needs_a_value_for_every_mode():
    text = edit(STAGE_MAKE_BETA, "")
    assert problems(text) == [f"{NAME}:{at(text, 'alpha: {who: seller, goods_at: factory')}: stages[0].values: no value for mode 'beta'"]


def test_stage_value_for_an_unknown_mode():
    text = edit(STAGE_MAKE_BETA, STAGE_MAKE_BETA + STAGE_MAKE_BETA.replace("beta", "gamma"))
    assert problems(text) == [f"{NAME}:{at(text, '{who: shared', 2)}: stages[0].values.gamma: unknown mode 'gamma'; known: alpha, beta"]


def test_stage_responsibility_and_place_come_from_closed_lists():
    text = edit(STAGE_MAKE_BETA, STAGE_MAKE_BETA.replace("who: shared, goods_at: factory", "who: platform, goods_at: moon"))
    assert problems(text) == [
        f"{NAME}:{at_after(text, 'stages:', 'platform')}: stages[0].values.beta.who: 'platform' is not allowed: use 'seller', 'temu' or 'shared'",
        f"{NAME}:{at(text, 'moon')}: stages[0].values.beta.goods_at: 'moon' is not allowed: use 'factory', 'temu-china-warehouse', "
        "'overseas-warehouse', 'in-transit' or 'buyer'",
    ]


def test_stage_row_must_be_a_comparison_row():
    text = edit("    row: where-stock-sits\n", "    row: who-holds-stock\n")
    assert problems(text) == [f"{NAME}:{at_after(text, 'stages:', 'who-holds-stock')}: stages[1].row: unknown comparison row 'who-holds-stock': use a dimension id"]


def test_stage_id_must_not_repeat_another_id():
    text = edit("  - id: stage-store\n", "  - id: where-stock-sits\n")
    assert problems(text) == [
        f"{NAME}:{at(text, 'where-stock-sits', 2)}: stages[1].id: duplicate id 'where-stock-sits' (already used by dimensions[0])"
    ]


def test_stage_facts_are_dated_and_sourced_like_any_other():
    old = "note: You make them., sources: [src-one], checked: 2026-01-01}"
    text = edit(old, "note: You make them., sources: [src-nine], checked: 2026-07-01}")
    assert problems(text) == [
        f"{NAME}:{at(text, 'src-nine')}: stages[0].values.alpha.sources[0]: unknown source 'src-nine': add it under `sources` first",
        f"{NAME}:{at(text, '2026-07-01')}: stages[0].values.alpha.checked: date 2026-07-01 is in the future (today is 2026-06-01)",
    ]


def test_option_needs_a_weight_for_every_mode():
    text = edit("        weights: {alpha: 3, beta: 0}\n", "        weights: {alpha: 3}\n")
    assert problems(text) == [f"{NAME}:{at(text, '{alpha: 3}')}: decision[0].options[0].weights: no weight for mode 'beta'"]


def test_option_weight_for_an_unknown_mode():
    text = edit("        weights: {alpha: 3, beta: 0}\n", "        weights: {alpha: 3, beta: 0, gamma: 1}\n")
    assert problems(text) == [f"{NAME}:{at_after(text, 'decision:', '1}')}: decision[0].options[0].weights.gamma: unknown mode 'gamma'; known: alpha, beta"]


def test_option_weight_is_a_small_whole_number():
    text = edit("        weights: {alpha: 3, beta: 0}\n", "        weights: {alpha: 9, beta: true}\n")
    assert problems(text) == [
        f"{NAME}:{at(text, '9,')}: decision[0].options[0].weights.alpha: Input should be less than or equal to 5",
        f"{NAME}:{at_after(text, 'decision:', 'true')}: decision[0].options[0].weights.beta: Input should be a valid integer",
    ]


def test_reason_must_rest_on_a_comparison_row_or_faq_entry():
    text = edit("        rests_on: where-stock-sits\n        sources: [src-one]\n        checked: 2026-01-01\n      - id: \"no\"",
                "        rests_on: no-such-row\n        sources: [src-one]\n        checked: 2026-01-01\n      - id: \"no\"")
    assert problems(text) == [
        f"{NAME}:{at(text, 'no-such-row')}: decision[0].options[0].rests_on: 'no-such-row' is neither a comparison row id nor a FAQ id"
    ]


def test_reason_may_rest_on_a_faq_entry():
    text = edit("        rests_on: where-stock-sits\n        sources: [src-one]\n        checked: 2026-01-01\n      - id: \"no\"",
                "        rests_on: who-holds-stock\n        sources: [src-one]\n        checked: 2026-01-01\n      - id: \"no\"")
    assert parse_guide(text.encode(), NAME, TODAY).decision[0].options[0].rests_on == "who-holds-stock"


def test_option_ids_are_unique_within_their_question():
    text = edit("      - id: fine\n", "      - id: must\n")
    assert problems(text) == [
        f"{NAME}:{at(text, 'must' + chr(10) + '        label: The platform')}: decision[1].options[1].id: duplicate option id 'must' (already used by options[0])"
    ]


def test_same_option_id_in_two_questions_is_fine():
    text = edit("      - id: fine\n", "      - id: \"yes\"\n")
    assert parse_guide(text.encode(), NAME, TODAY).decision[1].options[1].id == "yes"


def test_unquoted_yes_as_option_id_is_refused():
    text = edit('      - id: "yes"\n', "      - id: yes\n")
    assert problems(text) == [
        f"{NAME}:{at_after(text, 'decision:', 'yes')}: decision[0].options[0].id: "
        "expected text, but YAML reads yes as the yes/no value true: put it in quotes ('yes')"
    ]


def test_question_needs_two_options():
    start, end = VALID.index('      - id: "no"\n'), VALID.index("  - id: sets-price\n")
    text = VALID[:start] + VALID[end:]
    assert problems(text) == [f"{NAME}:{at(text, '- id: ' + chr(34) + 'yes')}: decision[0].options: needs at least 2 item(s)"]
