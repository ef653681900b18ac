// The theme's search box, in place of its bundle: the same markup and keys, on the theme's own
// search worker (lunr, off the page's thread). Results as the theme draws them, suggestions, a link
// to share the query, ?q= to open the box with a query and ?h= to mark the words on the page found.
(function () {
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;  // the worker's message types
  var FIRST_RESULTS = 10, MORE_RESULTS = 4;  // drawn at once; then a few more each time the list's end shows

  var box = document.querySelector("[data-md-component=search]");
  var toggle = document.querySelector("[data-md-toggle=search]");
  var settings = document.getElementById("__config");
  if (!box || !toggle || !settings) return;
  var config = JSON.parse(settings.textContent);
  var base = new URL(config.base, location.href);
  var query = box.querySelector("[data-md-component=search-query]");
  var result = box.querySelector("[data-md-component=search-result]");
  var meta = result.firstElementChild, list = result.lastElementChild, scroller = result.parentElement;
  var share = box.querySelector("[data-md-component=search-share]");
  var suggestion = box.querySelector("[data-md-component=search-suggest]");
  var worker = null, ready = false, sent = null, waiting = [];

  function has(feature) {
    return config.features.indexOf(feature) !== -1;
  }

  function translate(key, value) {
    var text = config.translations[key];
    return value === undefined ? text : text.replace("#", value);
  }

  function isOpen() {
    return toggle.checked;
  }

  function setOpen(open) {
    if (toggle.checked !== open) toggle.click();
  }

  // --- The worker -------------------------------------------------------------------------

  function startWorker() {
    try {
      worker = new Worker(new URL(config.search, location.href));
    } catch (error) {
      box.hidden = true;  // no worker, no search: the box is not offered
      return;
    }
    worker.addEventListener("message", function (event) { onMessage(event.data); });
    fetch(new URL("search/search_index.json", base))
      .then(function (response) { return response.json(); })
      .then(function (index) {
        worker.postMessage({
          type: SETUP,
          data: { config: index.config, docs: index.docs, options: { suggest: has("search.suggest") } },
        });
        markFoundWords(index.config);
      })
      .catch(function () { box.hidden = true; });
  }

  function onMessage(message) {
    if (message.type === READY) {
      ready = true;
      send(query.value);
    } else if (message.type === RESULT) {
      showResults(message.data);
    }
  }

  // The worker answers in order, so the last answer drawn is always that of the last query sent.
  function send(value) {
    if (!ready || value === sent) return;
    sent = value;
    worker.postMessage({ type: QUERY, data: value });
  }

  // --- Results ----------------------------------------------------------------------------

  function count(value) {
    return value > 999 ? (value / 1000).toFixed(1) + "k" : String(value);
  }

  function showResults(data) {
    var items = data.items;
    if (items.length === 0) {
      meta.textContent = translate(query.value ? "search.result.none" : "search.result.placeholder");
    } else {
      meta.textContent = items.length === 1
        ? translate("search.result.one") : translate("search.result.other", count(items.length));
    }
    list.textContent = "";
    waiting = items.slice();
    drawMore(FIRST_RESULTS);
    showSuggestion(data.suggest);
  }

  // A list too short to scroll shows its end at once, so it is drawn on until it fills the box.
  function drawMore(howMany) {
    var draw = function (group) { list.appendChild(renderResult(group)); };
    waiting.splice(0, howMany).forEach(draw);
    while (waiting.length && nearListEnd()) waiting.splice(0, MORE_RESULTS).forEach(draw);
  }

  function nearListEnd() {
    return scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 16;
  }

  function watchListEnd() {
    scroller.addEventListener("scroll", function () {
      if (waiting.length && nearListEnd()) drawMore(MORE_RESULTS);
    }, { passive: true });
  }

  function element(tag, className) {
    var made = document.createElement(tag);
    if (className) made.className = className;
    return made;
  }

  function resultLink(doc) {
    var url = new URL(doc.location, base);
    if (has("search.highlight")) {
      var found = Object.keys(doc.terms).filter(function (term) { return doc.terms[term]; });
      url.searchParams.set("h", found.join(" "));
    }
    var link = element("a", "md-search-result__link");
    link.href = url.href;
    link.tabIndex = -1;
    return link;
  }

  function missingTerms(doc) {
    var missing = Object.keys(doc.terms).filter(function (term) { return !doc.terms[term]; });
    if (!missing.length) return null;
    var line = element("p", "md-search-result__terms");
    line.append(translate("search.result.term.missing") + ": ");
    missing.forEach(function (term, index) {
      var struck = element("del");
      struck.textContent = term;
      line.append(index ? " " : "", struck);
    });
    return line;
  }

  // The worker's title and text are HTML: the index's own text, escaped, with <mark> around what matched.
  function renderDocument(doc, asPage, withTeaser) {
    var link = resultLink(doc);
    var article = element("article", "md-search-result__article md-typeset");
    article.setAttribute("data-md-score", doc.score.toFixed(2));
    if (asPage) article.appendChild(element("div", "md-search-result__icon md-icon"));
    var title = element(asPage ? "h1" : "h2");
    title.innerHTML = doc.title;
    article.appendChild(title);
    if (withTeaser && doc.text.length) article.insertAdjacentHTML("beforeend", doc.text);
    var missing = withTeaser && missingTerms(doc);
    if (missing) article.appendChild(missing);
    link.appendChild(article);
    return link;
  }

  // As the theme groups them: the page first, its sections that score as well as the best, the others folded.
  function renderResult(group) {
    var docs = group.slice();
    var best = docs[0].score;
    var pageAt = docs.findIndex(function (doc) { return new URL(doc.location, base).hash === ""; });
    var page = docs.splice(Math.max(pageAt, 0), 1)[0];
    var cut = docs.findIndex(function (doc) { return doc.score < best; });
    if (cut === -1) cut = docs.length;
    var item = element("li", "md-search-result__item");
    item.appendChild(renderDocument(page, true, pageAt === 0 && cut === 0));
    docs.slice(0, cut).forEach(function (doc) { item.appendChild(renderDocument(doc, false, true)); });
    var folded = docs.slice(cut);
    if (folded.length) item.appendChild(renderFolded(folded));
    return item;
  }

  function renderFolded(docs) {
    var more = element("details", "md-search-result__more");
    var summary = element("summary");
    summary.tabIndex = -1;
    var text = element("div");
    text.textContent = docs.length === 1
      ? translate("search.result.more.one") : translate("search.result.more.other", docs.length);
    summary.appendChild(text);
    more.appendChild(summary);
    docs.forEach(function (doc) { more.appendChild(renderDocument(doc, false, true)); });
    return more;
  }

  // --- Suggestion and sharing -------------------------------------------------------------

  function showSuggestion(suggested) {
    if (!suggestion) return;
    var words = query.value.split(/([\s-]+)/);
    var last = words[words.length - 1];
    var word = suggested && suggested.length ? suggested[suggested.length - 1] : "";
    if (last && word.indexOf(last) === 0) {
      words[words.length - 1] = word;
      suggestion.textContent = words.join("");
    } else {
      suggestion.textContent = last && word ? query.value : "";
    }
  }

  function acceptSuggestion() {
    var text = suggestion && suggestion.textContent;
    if (text && query.selectionStart === query.value.length && text !== query.value) {
      query.value = text;
      send(query.value);
    }
  }

  function updateShareLink(value) {
    if (!share) return;
    var url = new URL(location.href);
    url.hash = "";
    url.search = "q=" + value.replace(/\s+/g, "+").replace(/&/g, "%26").replace(/=/g, "%3D");
    share.href = url.href;
  }

  function tellCopied() {
    var dialog = document.querySelector("[data-md-component=dialog]");
    if (!dialog) return;
    dialog.setAttribute("role", "status");
    dialog.querySelector(".md-typeset").textContent = translate("clipboard.copied");
    dialog.classList.add("md-dialog--active");
    clearTimeout(tellCopied.timer);
    tellCopied.timer = setTimeout(function () { dialog.classList.remove("md-dialog--active"); }, 2000);
  }

  function watchShareLink() {
    if (!share) return;
    share.addEventListener("click", function (event) {
      event.preventDefault();
      if (navigator.clipboard) navigator.clipboard.writeText(share.href).then(tellCopied, function () {});
    });
  }

  // --- Opening, closing and keys ----------------------------------------------------------

  function watchBox() {
    // Opened after the event: a click on the header's search label, which focuses the box, opens it too.
    // Only if the box still has focus then: Escape right after focusing it has closed it for good.
    query.addEventListener("focus", function () {
      setTimeout(function () { if (document.activeElement === query) setOpen(true); });
    });
    query.addEventListener("input", function () { send(query.value); updateShareLink(query.value); });
    query.addEventListener("keyup", function () { send(query.value); });
    query.form.addEventListener("reset", function () {
      setTimeout(function () { query.focus(); send(""); });
    });
    // Focused from the click itself, so that phones bring up their keyboard. Only the header's
    // button: the box's own labels for the same switch close it.
    var opener = document.querySelector(".md-header__button[for=__search]");
    if (opener) opener.addEventListener("click", function () { query.focus(); });
    box.addEventListener("click", function (event) {
      if (event.target.closest && event.target.closest("a")) setOpen(false);
    });
    toggle.addEventListener("change", onToggle);
  }

  var lockTimer = null, lockedAt = null;
  // Hidden results are left out of the accessibility tree; on a phone the page behind stays put.
  function onToggle() {
    var open = isOpen();
    list.hidden = !open;
    list.setAttribute("role", open ? "list" : "presentation");
    clearTimeout(lockTimer);
    var phone = !matchMedia("(min-width: 60em)").matches;
    lockTimer = setTimeout(function () { lockPage(open && phone); }, open ? 400 : 100);
  }

  function lockPage(lock) {
    if (lock && lockedAt === null) {
      lockedAt = window.scrollY;
      document.body.setAttribute("data-md-scrolllock", "");
      document.body.style.top = -lockedAt + "px";
    } else if (!lock && lockedAt !== null) {
      document.body.removeAttribute("data-md-scrolllock");
      document.body.style.top = "";
      window.scrollTo(0, lockedAt);
      lockedAt = null;
    }
  }

  function followBestResult() {
    var links = Array.prototype.slice.call(list.querySelectorAll(":scope > :first-child [href]"));
    if (!links.length) return;
    links.sort(function (a, b) {
      return parseFloat(b.firstElementChild.getAttribute("data-md-score")) -
        parseFloat(a.firstElementChild.getAttribute("data-md-score"));
    });
    links[0].click();
  }

  function moveFocus(step) {
    var stops = [query].concat(Array.prototype.slice.call(
      result.querySelectorAll(":not(details) > [href], summary, details[open] [href]")));
    var at = Math.max(0, stops.indexOf(document.activeElement));
    stops[(at + step + stops.length) % stops.length].focus();
  }

  function onSearchKey(event) {
    switch (event.key) {
      case "Enter":
        if (document.activeElement !== query) return;
        followBestResult();
        event.preventDefault();
        break;
      case "Escape":
      case "Tab":
        setOpen(false);
        query.blur();
        break;
      case "ArrowUp":
      case "ArrowDown":
        moveFocus(event.key === "ArrowUp" ? -1 : 1);
        event.preventDefault();
        break;
      case "ArrowRight":
        if (document.activeElement === query) acceptSuggestion();
        break;
      default:
        if (document.activeElement !== query && (event.key.length === 1 || event.key === "Backspace")) query.focus();
    }
  }

  // The keys that open the box are the page's (page.js).
  function watchKeys() {
    document.addEventListener("keydown", function (event) {
      if (event.metaKey || event.ctrlKey || event.isComposing) return;
      if (isOpen()) onSearchKey(event);
    });
  }

  // A shared link (?q=) opens the box with its query; closing the box takes the query off the address.
  function openSharedQuery() {
    var url = new URL(location.href);
    if (!url.searchParams.has("q")) return;
    setOpen(true);
    query.value = url.searchParams.get("q");
    query.focus();
    toggle.addEventListener("change", function forget() {
      if (isOpen()) return;
      toggle.removeEventListener("change", forget);
      var now = new URL(location.href);
      now.searchParams.delete("q");
      history.replaceState(history.state, "", now.href);
    });
  }

  // --- Marking the words found on the page a result led to (?h=) --------------------------

  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  // The theme's rule: the query's words, cut where the index cuts words, matched at the start of words.
  function wordMarker(separator, words) {
    var cut = new RegExp(separator.split("|").map(function (part) {
      return part.replace(/(\(\?[!=<][^)]+\))/g, "").length ? part : "\ufffd";
    }).join("|"), "img");
    var terms = words.replace(/[\s*+\-:~^]+/g, " ").replace(/&/g, "&amp;").trim()
      .replace(/[|\\{}()[\]^$+*?.-]/g, "\\$&").replace(cut, "|");
    var match = new RegExp("(^|" + separator + "|)(" + terms + ")", "img");
    return function (text) {
      return escapeHtml(text).replace(match, "$1<mark data-md-highlight>$2</mark>")
        .replace(/<\/mark>(\s+)<mark[^>]*>/img, "$1");
    };
  }

  function markFoundWords(indexConfig) {
    var words = new URL(location.href).searchParams.get("h");
    var content = document.querySelector("[data-md-component=content]");
    if (!words || !content || !words.trim()) return;
    var mark = wordMarker(indexConfig.separator, words);
    var walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
    var found = [];
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      // Folded answers too (the theme skipped hidden text): the reader who unfolds one sees the words.
      if (node.parentElement.closest("script, style")) continue;
      var marked = mark(node.textContent);
      if (marked.length > escapeHtml(node.textContent).length) found.push([node, marked]);
    }
    found.forEach(function (pair) {
      var holder = document.createElement("span");
      holder.innerHTML = pair[1];
      pair[0].replaceWith.apply(pair[0], Array.prototype.slice.call(holder.childNodes));
    });
  }

  list.hidden = true;
  watchBox();
  watchKeys();
  watchListEnd();
  watchShareLink();
  openSharedQuery();
  if (document.activeElement === query) setOpen(true);  // focused before this script ran
  updateShareLink(query.value);
  // The index is fetched and handed to the worker once the page has settled: the box is ready long
  // before a reader has typed, and the page's first seconds stay free for reading.
  if (window.requestIdleCallback) {
    requestIdleCallback(startWorker, { timeout: 2000 });
  } else {
    setTimeout(startWorker, 0);
  }
})();
