// Tidy search queries before they reach Material's search worker:
// - Drop English stop words. The index leaves them out, but Material turns every query word into
//   a prefix search, so "do I need a warehouse in the US" would also match every word that starts
//   with "do", "i", "a", "in" or "us" ("documents", "invitation", "inspection"), pushing the answer
//   down. Words with search syntax (+word, -word, word~1, title:word, "quoted") are kept as typed.
// - Add a mode's name when the query calls it by another name ("full custody returns" also
//   searches "Fully-managed"): questions and rows use the guide's names, the mode pages list the
//   others. The names come from the data, in the generated javascripts/mode-names.js.
(function () {
  // lunr 2.3.9's English stop words, as bundled in Material's search worker (a test compares them).
  var STOP_WORDS = new Set(("a able about across after all almost also am among an and any are as at be because been " +
    "but by can cannot could dear did do does either else ever every for from get got had has have he her hers him " +
    "his how however i if in into is it its just least let like likely may me might most must my neither no nor not " +
    "of off often on only or other our own rather said say says she should since so some than that the their them " +
    "then there these they this tis to too twas us wants was we were what when where which while who whom why will " +
    "with would yet you your").split(" "));
  var QUERY = 2; // Material's message type for a search query (SearchMessageType.QUERY)

  function isStopWord(word) {
    if (/[+\-*~^:"]/.test(word)) return false;
    return STOP_WORDS.has(word.toLowerCase().replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, ""));
  }

  function withoutStopWords(query) {
    var kept = query.split(/\s+/).filter(function (word) { return word && !isStopWord(word); });
    return kept.length ? kept.join(" ") : query;
  }

  function withModeNames(query) {
    var names = window.guideModeNames || {};
    var typed = " " + query.toLowerCase().replace(/[-\s]+/g, " ") + " ";
    var added = Object.keys(names).filter(function (other) { return typed.indexOf(" " + other + " ") !== -1; })
      .map(function (other) { return names[other]; });
    return added.length ? query + " " + added.join(" ") : query;
  }

  var post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === QUERY && typeof message.data === "string") {
      arguments[0] = { type: QUERY, data: withoutStopWords(withModeNames(message.data)) };
    }
    return post.apply(this, arguments);
  };
})();
