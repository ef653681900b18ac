"""The decision guide: one scoring rule in Python and in the browser's JavaScript, the form and the rules table."""

import datetime
import itertools
import json
import os
import shutil
import subprocess

import pytest
from bs4 import BeautifulSoup

from conftest import FIXTURES, ROOT
from macros import DATA_FILE
from macros.decide import TIE_MARGIN, decision_rules, favours, render_decision_form, render_decision_table, score, script_json
from macros.load import load_guide, parse_guide
from macros.markup import links_for

GUIDE = parse_guide((FIXTURES / "minimal.yml").read_bytes(), "minimal.yml", datetime.date(2026, 6, 1))
LINKS = links_for("decide/", "decide.md")
RULES = decision_rules(GUIDE, LINKS)
DECIDE_JS = ROOT / "docs" / "javascripts" / "decide.js"


def weight(question: str, option: str, mode: str, guide=GUIDE) -> int:
    """A weight read straight from the data, to compute expected totals independently of score()."""
    (q,) = [q for q in guide.decision if q.id == question]
    (o,) = [o for o in q.options if o.id == option]
    return o.weights[mode]


def test_scores_are_the_sums_of_the_chosen_weights():
    answers = {"has-stock-abroad": "yes", "sets-price": "must"}
    result = score(RULES, answers)
    for mode in ("alpha", "beta"):
        assert result["scores"][mode] == sum(weight(q, o, mode) for q, o in answers.items())
    assert result["verdict"] == "mode" and result["leaders"] == ["alpha"]
    assert result["reasons"] == [
        {"question": "has-stock-abroad", "option": "yes", "favours": ["alpha"]},
        {"question": "sets-price", "option": "must", "favours": []},
    ]


def test_a_lead_below_the_margin_is_it_depends_and_at_the_margin_is_a_mode():
    alpha, beta = (weight("sets-price", "fine", m) for m in ("alpha", "beta"))
    assert 0 < beta - alpha < TIE_MARGIN  # the fixture's one-point lead
    one_point = score(RULES, {"sets-price": "fine"})
    assert one_point["verdict"] == "depends" and one_point["leaders"] == ["alpha", "beta"]
    lead = weight("has-stock-abroad", "no", "beta") - weight("has-stock-abroad", "no", "alpha")
    assert lead == TIE_MARGIN
    assert score(RULES, {"has-stock-abroad": "no"})["leaders"] == ["beta"]


def test_no_answers_and_unknown_answers_give_no_verdict():
    empty = {"verdict": "none", "leaders": [], "scores": {"alpha": 0, "beta": 0}, "reasons": []}
    assert score(RULES, {}) == empty
    assert score(RULES, {"has-stock-abroad": "maybe", "no-such-question": "yes"}) == empty


def test_favours_the_highest_weight_and_nobody_on_equal_weights():
    assert favours({"a": 2, "b": 0, "c": 2}, ["a", "b", "c"]) == ["a", "c"]
    assert favours({"a": 1, "b": 1}, ["a", "b"]) == []
    assert favours({"a": -1, "b": 0}, ["a", "b"]) == ["b"]


THREE_MODES = {
    "margin": 2,
    "modes": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}, {"id": "constructor", "name": "C"}],
    "questions": [
        {"id": "q1", "options": [{"id": "x", "weights": {"a": 3, "b": 3, "constructor": 0}}, {"id": "y", "weights": {"a": -2, "b": 0, "constructor": 1}}]},
        {"id": "toString", "options": [{"id": "z", "weights": {"a": 0, "b": 1, "constructor": 5}}, {"id": "w", "weights": {"a": 1, "b": 1, "constructor": 1}}]},
        {"id": "q3", "options": [{"id": "v", "weights": {"a": 2, "b": 0, "constructor": 0}}, {"id": "u", "weights": {"a": 0, "b": 0, "constructor": -5}}]},
    ],
}


def test_three_modes_tie_names_every_mode_within_the_margin():
    result = score(THREE_MODES, {"q1": "x", "toString": "w"})
    assert result["scores"] == {"a": 4, "b": 4, "constructor": 1}
    assert result["verdict"] == "depends" and result["leaders"] == ["a", "b"]


def every_answer_set(rules: dict) -> list[dict]:
    """Every combination of answers (each question answered with any option, or skipped), plus unknown ids."""
    choices = [[None] + [o["id"] for o in q["options"]] for q in rules["questions"]]
    combos = [
        {q["id"]: option for q, option in zip(rules["questions"], chosen) if option is not None}
        for chosen in itertools.product(*choices)
    ]
    first = rules["questions"][0]["id"]
    return combos + [{first: "not-an-option"}, {"not-a-question": "x"}, {"constructor": "x", "__proto__": "y"}]


def js_scores(rules: dict, combos: list[dict]) -> list[dict]:
    """score() of docs/javascripts/decide.js, run by Node on each answer set."""
    node = shutil.which("node")
    if node is None:
        if os.environ.get("CI"):
            pytest.fail("node is needed to test the browser's scoring")
        pytest.skip("node not found: cannot compare the browser's scoring with Python's")
    runner = (
        "const { score } = require(process.argv[1]); let input = '';"
        "process.stdin.on('data', c => { input += c; });"
        "process.stdin.on('end', () => { const { rules, combos } = JSON.parse(input);"
        "process.stdout.write(JSON.stringify(combos.map(a => score(rules, a)))); });"
    )
    result = subprocess.run(
        [node, "-e", runner, str(DECIDE_JS)], input=json.dumps({"rules": rules, "combos": combos}),
        capture_output=True, text=True, timeout=120, check=True,
    )
    return json.loads(result.stdout)


@pytest.mark.parametrize("name", ["fixture", "three-modes", "real-data"])
def test_python_and_browser_agree_on_every_combination_of_answers(name):
    if name == "real-data":
        rules = decision_rules(load_guide(ROOT / DATA_FILE, ROOT), LINKS)
    else:
        rules = RULES if name == "fixture" else THREE_MODES
    combos = every_answer_set(rules)
    expected_count = 1
    for question in rules["questions"]:
        expected_count *= len(question["options"]) + 1
    assert len(combos) == expected_count + 3
    python = [score(rules, answers) for answers in combos]
    javascript = js_scores(rules, combos)
    mismatches = [(a, p, j) for a, p, j in zip(combos, python, javascript) if p != j]
    assert len(javascript) == len(combos) and not mismatches[:3]
    assert {r["verdict"] for r in python} == {"none", "mode", "depends"}  # every branch was exercised


def test_the_comparison_catches_a_different_rule():
    """Negative control: JavaScript with another margin must disagree with Python somewhere."""
    combos = every_answer_set(RULES)
    other = dict(RULES, margin=RULES["margin"] + 1)
    assert [score(RULES, a) for a in combos] != js_scores(other, combos)


def test_rules_carry_weights_reasons_and_links_for_every_option():
    for question, data in zip(RULES["questions"], GUIDE.decision):
        assert question["id"] == data.id and question["text"] == data.text
        for option, source in zip(question["options"], data.options):
            assert option["weights"] == {m.id: source.weights[m.id] for m in GUIDE.modes}
            assert option["reason"] == source.reason
            assert option["href"] == f"../compare/#{source.rests_on}"
    faq_guide = GUIDE.model_copy(update={"decision": [
        GUIDE.decision[0].model_copy(update={"options": [
            GUIDE.decision[0].options[0].model_copy(update={"rests_on": GUIDE.faq[0].id}), GUIDE.decision[0].options[1]
        ]})
    ]})
    first = decision_rules(faq_guide, LINKS)["questions"][0]["options"][0]
    assert (first["href"], first["see"]) == (f"../faq/#{GUIDE.faq[0].id}", GUIDE.faq[0].question)


def test_script_json_cannot_end_the_script_element():
    data = {"text": "</script><script>alert(1)</script> & <!-- \u2028 \u2029", "ok": "日本"}
    out = script_json(data)
    assert not set("<>&\u2028\u2029") & set(out)
    assert json.loads(out) == data


def test_form_has_a_labelled_fieldset_per_question_and_skip_checked():
    out = BeautifulSoup(render_decision_form(GUIDE, LINKS), "html.parser")
    form = out.select_one("form.decide-form")
    assert form.has_attr("hidden")  # shown by decide.js; without JavaScript the tables are the guide
    assert out.select_one(".decide-nojs a")["href"] == "#rules"
    for fieldset, question in zip(form.select("fieldset"), GUIDE.decision):
        assert fieldset.legend.get_text().endswith(question.text)
        radios = fieldset.select("label > input[type=radio]")
        assert [r["value"] for r in radios] == [""] + [o.id for o in question.options]
        assert {r["name"] for r in radios} == {question.id}
        assert [r.has_attr("checked") for r in radios] == [True] + [False] * len(question.options)
        if question.help:
            assert out.find(id=fieldset["aria-describedby"]).get_text() == question.help
    assert out.select_one('.decide-result [role="status"][aria-live="polite"]') is not None
    assert json.loads(out.select_one("script#decide-rules").string) == RULES


def test_hostile_question_text_is_literal():
    hostile = "</script><script>alert(1)</script>"
    question = GUIDE.decision[0].model_copy(update={"text": hostile, "help": hostile})
    guide = GUIDE.model_copy(update={"decision": [question]})
    for out in (render_decision_form(guide, LINKS), render_decision_table(guide, LINKS)):
        assert "<script>alert" not in out
    form = BeautifulSoup(render_decision_form(guide, LINKS), "html.parser")
    assert json.loads(form.select_one("script#decide-rules").string)["questions"][0]["text"] == hostile


def test_rules_table_lists_every_answer_with_points_towards_and_reason():
    out = render_decision_table(GUIDE, LINKS)
    assert f"fewer than {TIE_MARGIN} points" in out
    page = BeautifulSoup(out, "html.parser")
    tables = page.select("table.decide-table")
    assert len(tables) == len(GUIDE.decision)
    for number, (question, table) in enumerate(zip(GUIDE.decision, tables), start=1):
        assert f"### {number}. " in out and f"{{#{question.id}}}" in out
        head = [th.get_text() for th in table.select("thead th")]
        assert head == ["Answer"] + [f"Points for {m.name}" for m in GUIDE.modes] + ["Points towards", "Why"]
        for row, option in zip(table.select("tbody tr"), question.options):
            cells = [td.get_text(" ", strip=True) for td in row.select("td")]
            assert row.th.get_text() == option.label
            assert cells[: len(GUIDE.modes)] == [str(option.weights[m.id]) for m in GUIDE.modes]
            winners = favours(option.weights, [m.id for m in GUIDE.modes])
            names = ", ".join(m.name for m in GUIDE.modes if m.id in winners)
            assert cells[len(GUIDE.modes)] == (names or "Neither: same points")
            assert row.select_one("td a")["href"] == f"../compare/#{option.rests_on}"


def test_no_questions_says_so_and_three_modes_are_listed_in_the_intro():
    empty = GUIDE.model_copy(update={"decision": []})
    assert render_decision_form(empty, LINKS) == "<p>No questions recorded yet.</p>"
    assert render_decision_table(empty, LINKS) == "No questions recorded yet.\n"
    gamma = GUIDE.modes[0].model_copy(update={"id": "gamma", "name": "Gamma"})
    questions = [
        q.model_copy(update={"options": [o.model_copy(update={"weights": {**o.weights, "gamma": 1}}) for o in q.options]})
        for q in GUIDE.decision
    ]
    three = GUIDE.model_copy(update={"modes": [*GUIDE.modes, gamma], "decision": questions})
    assert render_decision_table(three, LINKS).startswith("Each answer gives points to Alpha, Beta and Gamma.")
    assert [m["id"] for m in decision_rules(three, LINKS)["modes"]] == ["alpha", "beta", "gamma"]
