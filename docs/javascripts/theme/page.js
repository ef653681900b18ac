// The theme's page behaviour, in place of its bundle: focus rings for keyboard users, linked content
// tabs, answers opened for links to them, the drawer and search closed on following a link, print
// with every answer open, and the theme's page keys (p and n for the previous and next page, f, s
// and / for search).
(function () {
  var settings = document.getElementById("__config");
  var features = settings ? JSON.parse(settings.textContent).features : [];  // mkdocs.yml's theme.features

  // The theme's stylesheet hides focus rings unless the focused element has the class its
  // focus-visible polyfill sets; the browser now tells the same thing with :focus-visible.
  function markFocusVisible() {
    document.addEventListener("focus", function (event) {
      var element = event.target;
      if (element.matches && element.matches(":focus-visible")) element.classList.add("focus-visible");
    }, true);
    document.addEventListener("blur", function (event) {
      if (event.target.classList) event.target.classList.remove("focus-visible");
    }, true);
  }

  function labelOf(input) {
    return document.querySelector('label[for="' + input.id + '"]');
  }

  // textContent, not innerText: reading innerText after checking a tab would lay out the page again.
  function tabName(input) {
    var label = labelOf(input);
    return label ? label.textContent.replace(/\s+/g, " ").trim() : "";
  }

  // The same tab in every other set; the set the reader clicked stays where it was on the screen.
  function switchLinkedTabs(chosen) {
    var set = chosen.closest(".tabbed-set");
    var name = tabName(chosen);
    var top = set.getBoundingClientRect().top;
    document.querySelectorAll(".tabbed-set").forEach(function (other) {
      if (other === set) return;
      other.querySelectorAll(":scope > input").forEach(function (input) {
        if (!input.checked && tabName(input) === name) input.checked = true;
      });
    });
    window.scrollBy(0, set.getBoundingClientRect().top - top);
    // Stored as the theme stores it: its script at the top of each page opens the chosen tabs.
    var stored = __md_get("__tabs") || [];
    __md_set("__tabs", [name].concat(stored.filter(function (tab) { return tab !== name; })));
  }

  // A label scrolled out of its row (narrow screens) comes back into view when its tab opens.
  function bringLabelIntoView(input) {
    var label = labelOf(input);
    var row = label && label.parentElement;
    if (!row || row.scrollWidth <= row.clientWidth) return;
    var left = label.offsetLeft - row.offsetLeft;
    if (left < row.scrollLeft || left + label.offsetWidth > row.scrollLeft + row.clientWidth) {
      row.scrollTo({ left: Math.max(0, left - 16), behavior: "smooth" });
    }
  }

  function watchTabs() {
    document.addEventListener("change", function (event) {
      var input = event.target;
      if (!input.matches || !input.matches(".tabbed-set > input")) return;
      if (features.indexOf("content.tabs.link") !== -1) switchLinkedTabs(input);
      bringLabelIntoView(input);
    });
  }

  // A link to something inside a closed answer opens the answer; a link to a tab opens the tab.
  function revealTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target) return;
    if (target.matches(".tabbed-set > input")) {
      target.click();
      return;
    }
    var details = target.closest("details:not([open])");
    if (details) {
      details.open = true;
      target.scrollIntoView();
    }
  }

  function close(name) {
    var toggle = document.querySelector("[data-md-toggle=" + name + "]");
    if (toggle && toggle.checked) toggle.click();
  }

  // As the theme does, a little after the jump, so the reader sees where the link led.
  function watchHash() {
    window.addEventListener("hashchange", function () {
      revealTarget();
      setTimeout(function () { close("drawer"); close("search"); }, 125);
    });
  }

  // Printed pages show every answer; the ones the reader had closed close again afterwards.
  function watchPrint() {
    var opened = [];
    window.addEventListener("beforeprint", function () {
      opened = Array.prototype.filter.call(document.querySelectorAll("details:not([open])"), function (details) {
        details.open = true;
        return true;
      });
    });
    window.addEventListener("afterprint", function () {
      opened.forEach(function (details) { details.open = false; });
      opened = [];
    });
  }

  function takesKeys(element) {
    if (element.isContentEditable) return true;
    if (element.matches("input[type=radio]")) return false;
    return element.matches("input, select, textarea");
  }

  function focusSearch(event) {
    var query = document.querySelector("[data-md-component=search-query]");
    if (!query) return;
    query.focus();
    query.select();
    event.preventDefault();
  }

  function watchKeys() {
    document.addEventListener("keydown", function (event) {
      var search = document.querySelector("[data-md-toggle=search]");
      if (event.metaKey || event.ctrlKey || event.altKey || event.isComposing) return;
      if ((search && search.checked) || takesKeys(document.activeElement)) return;
      var link = null;
      if (event.key === "p" || event.key === ",") link = document.querySelector("link[rel=prev]");
      if (event.key === "n" || event.key === ".") link = document.querySelector("link[rel=next]");
      if (link) location.href = link.href;
      // f, s and / open search; the search box opens when it takes focus (search.js).
      if (event.key === "f" || event.key === "s" || event.key === "/") focusSearch(event);
      // The navigation's section labels open with Enter too, as buttons do.
      if (event.key === "Enter" && document.activeElement.matches(".md-nav label")) document.activeElement.click();
    });
  }

  // Navigation entries cut short by the sidebar's width show their whole name on hover.
  function titleCutNames() {
    document.addEventListener("mouseover", function (event) {
      var name = event.target.closest && event.target.closest(".md-ellipsis");
      if (name && !name.title && name.offsetWidth < name.scrollWidth) {
        (name.closest("a") || name).title = name.textContent.trim();
      }
    });
  }

  markFocusVisible();
  watchTabs();
  watchHash();
  revealTarget();
  watchPrint();
  watchKeys();
  titleCutNames();
})();
