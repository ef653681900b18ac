// Open the collapsed FAQ answer that a link points at (faq/#<id>), on load and on
// hash changes.
// When the FAQ is split into one page per topic, faq/ lists the topics; an old
// link faq/#<id> is sent on to the topic page that now holds the question.
(function () {
  function linkedId() {
    return decodeURIComponent(window.location.hash.slice(1));
  }

  function openLinkedAnswer() {
    var id = linkedId();
    if (!id) return;
    var target = document.getElementById(id);
    if (!target) return;
    var details = target.matches("details") ? target : target.nextElementSibling;
    if (details && details.matches("details")) {
      details.open = true;
    }
  }

  function forwardMovedQuestion() {
    var index = document.querySelector(".faq-index[data-locations]");
    var id = linkedId();
    if (!index || !id || document.getElementById(id)) return;
    var locations = new URL(index.getAttribute("data-locations"), window.location.href);
    fetch(locations)
      .then(function (response) { return response.json(); })
      .then(function (pages) {
        for (var page in pages) {
          if (pages[page].indexOf(id) !== -1) {
            window.location.replace(new URL(page + "#" + encodeURIComponent(id), locations).href);
            return;
          }
        }
      })
      .catch(function () {});  // no map, no forwarding: the reader stays on the topic list
  }

  function onPage() {
    openLinkedAnswer();
    forwardMovedQuestion();
  }

  onPage();  // started after the page is complete (after-paint.js)
  window.addEventListener("hashchange", onPage);
})();
