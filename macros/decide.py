"""The "which mode fits me" guide: the one scoring rule, its rules as JSON for the browser, the form, the table.

docs/javascripts/decide.js implements `score` again for the browser; a test runs both on every
combination of answers and requires identical results.
"""

import json

from .markup import Links, escape, md_text
from .model import Guide, Question

# A lead smaller than this is "it depends": each answer is coarse, so a 1-point lead says little.
TIE_MARGIN = 2


def _rests_on(guide: Guide, target: str, links: Links) -> tuple[str, str]:
    """(URL, label) of the comparison row or FAQ entry a reason rests on."""
    for dimension in guide.dimensions:
        if dimension.id == target:
            return links.to("compare", target), dimension.label
    for entry in guide.faq:
        if entry.id == target:
            return links.to("faq", target), entry.question
    raise ValueError(f"{target!r} is neither a comparison row id nor a FAQ id")


def decision_rules(guide: Guide, links: Links) -> dict:
    """Everything scoring needs, as plain data: the same object feeds Python and (as JSON) the browser."""
    modes = [m.id for m in guide.modes]
    questions = []
    for question in guide.decision:
        options = []
        for option in question.options:
            href, see = _rests_on(guide, option.rests_on, links)
            weights = {mode: option.weights[mode] for mode in modes}
            options.append(
                {"id": option.id, "label": option.label, "weights": weights, "reason": option.reason, "href": href, "see": see}
            )
        questions.append({"id": question.id, "text": question.text, "options": options})
    return {"margin": TIE_MARGIN, "modes": [{"id": m.id, "name": m.name} for m in guide.modes], "questions": questions}


def favours(weights: dict[str, int], modes: list[str]) -> list[str]:
    """The modes an answer points to: those with its highest weight; none when all weights are equal."""
    values = [weights[m] for m in modes]
    if max(values) == min(values):
        return []
    return [m for m in modes if weights[m] == max(values)]


def score(rules: dict, answers: dict[str, str]) -> dict:
    """Sum the chosen options' weights per mode; the top mode wins unless another is within the margin."""
    modes = [m["id"] for m in rules["modes"]]
    totals = {m: 0 for m in modes}
    reasons = []
    for question in rules["questions"]:
        chosen = next((o for o in question["options"] if o["id"] == answers.get(question["id"])), None)
        if chosen is None:  # unanswered, or an option id the rules do not know (e.g. an edited URL)
            continue
        for mode in modes:
            totals[mode] += chosen["weights"][mode]
        reasons.append({"question": question["id"], "option": chosen["id"], "favours": favours(chosen["weights"], modes)})
    if not reasons:
        return {"verdict": "none", "leaders": [], "scores": totals, "reasons": []}
    top = max(totals.values())
    leaders = [m for m in modes if top - totals[m] < rules["margin"]]
    return {"verdict": "mode" if len(leaders) == 1 else "depends", "leaders": leaders, "scores": totals, "reasons": reasons}


def script_json(data: object) -> str:
    """JSON safe inside <script>: no `<`, `>` or `&` can end the element or start markup."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, code)
    return text


def _fieldset(number: int, question: Question) -> str:
    help_id = f"help-{question.id}"
    described = f' aria-describedby="{help_id}"' if question.help else ""
    help_text = f'<p class="decide-help" id="{help_id}">{escape(question.help)}</p>' if question.help else ""
    options = [
        f'<label class="decide-option"><input type="radio" name="{question.id}" value="" checked> Skip this question</label>'
    ]
    options += [
        f'<label class="decide-option"><input type="radio" name="{question.id}" value="{o.id}"> {escape(o.label)}</label>'
        for o in question.options
    ]
    return (
        f'<fieldset class="decide-question" id="ask-{question.id}"{described}>'
        f"<legend>{number}. {escape(question.text)}</legend>{help_text}{''.join(options)}</fieldset>"
    )


def render_decision_form(guide: Guide, links: Links) -> str:
    """The questions as a form (shown by decide.js), the live result region and the rules as JSON."""
    if not guide.decision:
        return "<p>No questions recorded yet.</p>"
    fieldsets = "".join(_fieldset(n, q) for n, q in enumerate(guide.decision, start=1))
    rules = script_json(decision_rules(guide, links))
    return (
        '<div class="decide">'
        '<p class="decide-nojs">Your browser is not running JavaScript, so this page cannot add up your answers. '
        'The tables under <a href="#rules">How the answers are scored</a> show every rule: add up the points yourself.</p>'
        f'<form class="decide-form" hidden>{fieldsets}'
        '<p class="decide-actions"><button type="reset" class="md-button">Start again</button></p></form>'
        '<div class="decide-result" hidden><div class="decide-summary" role="status" aria-live="polite"></div>'
        '<div class="decide-details"></div></div>'
        f'<script type="application/json" id="decide-rules">{rules}</script></div>'
    )


def _rule_table(guide: Guide, question: Question, rules_question: dict) -> str:
    modes = list(guide.modes)
    names = {m.id: m.name for m in modes}
    head = "".join(f'<th scope="col">Points for {escape(m.name)}</th>' for m in modes)
    rows = []
    for option in rules_question["options"]:
        points = "".join(f"<td>{option['weights'][m.id]}</td>" for m in modes)
        towards = ", ".join(names[m] for m in favours(option["weights"], [m.id for m in modes])) or "Neither: same points"
        why = f'{escape(option["reason"])} <a href="{escape(option["href"])}">See: {escape(option["see"])}</a>'
        rows.append(f'<tr><th scope="row">{escape(option["label"])}</th>{points}<td>{escape(towards)}</td><td>{why}</td></tr>')
    caption = f"Answers to: {question.text}"
    return (
        f'<div class="comparison-scroll" tabindex="0" role="region" aria-label="{escape(caption)}">'
        f'<table class="comparison decide-table"><caption>{escape(caption)}</caption>'
        f'<thead><tr><th scope="col">Answer</th>{head}<th scope="col">Points towards</th><th scope="col">Why</th></tr></thead>'
        f'<tbody>{"".join(rows)}</tbody></table></div>'
    )


def render_decision_table(guide: Guide, links: Links) -> str:
    """Every question and answer with its points per mode and reason: the rules, readable without JavaScript."""
    if not guide.decision:
        return "No questions recorded yet.\n"
    rules = decision_rules(guide, links)
    *first, last = [m.name for m in guide.modes]
    names = f"{', '.join(first)} and {last}"
    intro = (
        f"Each answer gives points to {md_text(names)}. Add up the points of your answers for each mode. "
        f"The mode with the most points fits you better. If another mode is fewer than {TIE_MARGIN} points "
        "behind, the answer is: it depends. Then read the reasons on both sides. A question you skip gives no points."
    )
    parts = [intro]
    for number, (question, rules_question) in enumerate(zip(guide.decision, rules["questions"]), start=1):
        heading = f"### {number}. {md_text(question.text)} {{#{question.id}}}"
        parts.append(f"{heading}\n\n{_rule_table(guide, question, rules_question)}")
    return "\n\n".join(parts) + "\n"
