// "Which mode fits me?": adds up the answers with the rules the page embeds (#decide-rules), the same
// rules its tables show. score() mirrors score() in macros/decide.py; a test runs both on every
// combination of answers. Answers live in the page address (?question-id=option-id) so results can be shared.
(function () {
  "use strict";

  function own(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  function favours(weights, modes) {
    var values = modes.map(function (m) { return weights[m]; });
    var high = Math.max.apply(null, values);
    if (high === Math.min.apply(null, values)) return [];
    return modes.filter(function (m) { return weights[m] === high; });
  }

  function score(rules, answers) {
    var modes = rules.modes.map(function (m) { return m.id; });
    var totals = {};
    var reasons = [];
    modes.forEach(function (m) { totals[m] = 0; });
    rules.questions.forEach(function (question) {
      var answer = own(answers, question.id) ? answers[question.id] : undefined;
      var chosen = question.options.filter(function (o) { return o.id === answer; })[0];
      if (!chosen) return; // unanswered, or an option id the rules do not know (e.g. an edited URL)
      modes.forEach(function (m) { totals[m] += chosen.weights[m]; });
      reasons.push({ question: question.id, option: chosen.id, favours: favours(chosen.weights, modes) });
    });
    if (!reasons.length) return { verdict: "none", leaders: [], scores: totals, reasons: [] };
    var top = Math.max.apply(null, modes.map(function (m) { return totals[m]; }));
    var leaders = modes.filter(function (m) { return top - totals[m] < rules.margin; });
    return { verdict: leaders.length === 1 ? "mode" : "depends", leaders: leaders, scores: totals, reasons: reasons };
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { score: score, favours: favours };
    return;
  }

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function names(rules, ids) {
    var byId = {};
    rules.modes.forEach(function (m) { byId[m.id] = m.name; });
    var list = ids.map(function (id) { return byId[id]; });
    return list.length > 1 ? list.slice(0, -1).join(", ") + " and " + list[list.length - 1] : list[0];
  }

  function option(rules, reason) {
    var question = rules.questions.filter(function (q) { return q.id === reason.question; })[0];
    return question.options.filter(function (o) { return o.id === reason.option; })[0];
  }

  function reasonList(rules, reasons) {
    var list = element("ul");
    reasons.forEach(function (reason) {
      var chosen = option(rules, reason);
      var item = element("li");
      item.appendChild(element("strong", chosen.label + "."));
      item.appendChild(document.createTextNode(" " + chosen.reason + " "));
      var link = element("a", "See: " + chosen.see);
      link.setAttribute("href", chosen.href);
      item.appendChild(link);
      list.appendChild(item);
    });
    return list;
  }

  function verdictText(rules, result) {
    if (result.verdict === "mode") return names(rules, result.leaders) + " fits you better.";
    return "It depends: " + names(rules, result.leaders) + " fit you about equally well. Weigh the reasons on each side.";
  }

  // Only the short summary is a live region, so a screen reader announces the verdict, not every reason.
  function render(summary, details, rules, result) {
    summary.textContent = "";
    details.textContent = "";
    if (result.verdict === "none") {
      summary.appendChild(element("p", "Answer at least one question to see which mode fits you better."));
      return;
    }
    summary.appendChild(element("p", verdictText(rules, result), "decide-verdict"));
    var points = rules.modes.map(function (m) { return m.name + " " + result.scores[m.id]; }).join(" · ");
    summary.appendChild(element("p", "Points: " + points + "."));
    var others = rules.modes.map(function (m) { return m.id; }).filter(function (id) { return result.leaders.indexOf(id) < 0; });
    result.leaders.concat(others).forEach(function (mode) {
      var forMode = result.reasons.filter(function (r) { return r.favours.indexOf(mode) >= 0; });
      if (!forMode.length) return;
      details.appendChild(element("p", "Reasons for " + names(rules, [mode]) + ":", "decide-reasons-head"));
      details.appendChild(reasonList(rules, forMode));
    });
    var neutral = result.reasons.filter(function (r) { return !r.favours.length; });
    if (neutral.length) {
      details.appendChild(element("p", "Answers that do not decide it:", "decide-reasons-head"));
      details.appendChild(reasonList(rules, neutral));
    }
    var share = element("p", "", "decide-share");
    var link = element("a", "Link to this result");
    link.setAttribute("href", window.location.href);
    share.appendChild(link);
    share.appendChild(document.createTextNode(" (copy it to share or keep your answers)."));
    details.appendChild(share);
  }

  function readAnswers(form, rules) {
    var answers = {};
    rules.questions.forEach(function (question) {
      var checked = form.querySelector('input[name="' + question.id + '"]:checked');
      if (checked && checked.value) answers[question.id] = checked.value;
    });
    return answers;
  }

  // Check the answers the address names; an unknown or missing answer leaves the question on "skip".
  function restore(form, rules) {
    var params = new URLSearchParams(window.location.search);
    rules.questions.forEach(function (question) {
      var wanted = params.get(question.id);
      var known = question.options.some(function (o) { return o.id === wanted; });
      form.querySelectorAll('input[name="' + question.id + '"]').forEach(function (input) {
        input.checked = input.value === (known ? wanted : "");
      });
    });
  }

  function remember(rules, answers) {
    var params = new URLSearchParams(window.location.search);
    rules.questions.forEach(function (question) {
      if (own(answers, question.id)) params.set(question.id, answers[question.id]);
      else params.delete(question.id);
    });
    var query = params.toString();
    window.history.replaceState(window.history.state, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
  }

  function start() {
    var data = document.getElementById("decide-rules");
    if (!data) return;
    var root = data.closest(".decide");
    var form = root.querySelector(".decide-form");
    var result = root.querySelector(".decide-result");
    var rules = JSON.parse(data.textContent);
    function update() {
      var answers = readAnswers(form, rules);
      remember(rules, answers);
      render(result.querySelector(".decide-summary"), result.querySelector(".decide-details"), rules, score(rules, answers));
    }
    restore(form, rules);
    form.addEventListener("change", update);
    form.addEventListener("reset", function () { window.setTimeout(update, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    root.querySelector(".decide-nojs").hidden = true;
    form.hidden = false;
    result.hidden = false;
    update();
  }

  start();  // started after the page is complete (after-paint.js)
})();
