// Wide Markdown tables scroll inside Material's wrapper: make each wrapper reachable with the
// keyboard and named, so it can be scrolled without a mouse (axe: scrollable-region-focusable).
(function () {
  function label(wrappers) {
    wrappers.forEach(function (wrapper, index) {
      if (wrapper.hasAttribute("tabindex")) return;
      wrapper.setAttribute("tabindex", "0");
      wrapper.setAttribute("role", "region");
      wrapper.setAttribute("aria-label", "Table " + (index + 1) + ", scrolls sideways");
    });
  }
  function run() {
    label(document.querySelectorAll(".md-typeset__scrollwrap"));
  }
  if (window.document$) {
    window.document$.subscribe(run);
  } else {
    document.addEventListener("DOMContentLoaded", run);
  }
})();
