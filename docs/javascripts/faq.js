// Open the collapsed FAQ answer that a link points at (faq/#<id>), on load, on
// hash changes and after Material's instant navigation swaps the page.
(function () {
  function openLinkedAnswer() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!id) return;
    var target = document.getElementById(id);
    if (!target) return;
    var details = target.matches("details") ? target : target.nextElementSibling;
    if (details && details.matches("details")) {
      details.open = true;
    }
  }
  if (window.document$) {
    window.document$.subscribe(openLinkedAnswer);
  } else {
    document.addEventListener("DOMContentLoaded", openLinkedAnswer);
  }
  window.addEventListener("hashchange", openLinkedAnswer);
})();
