// On the "suggest a correction" page, name the entry the reader came from
// (corrections/?entry=<id>&line=<n>), as text only; without JavaScript the page reads fine too.
(function () {
  var ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  function nameEntry() {
    var target = document.getElementById("correction-target");
    if (!target) return;
    var query = new URLSearchParams(window.location.search);
    var entry = query.get("entry") || "";
    var line = query.get("line") || "";
    if (!ID.test(entry) || !/^[0-9]+$/.test(line)) return;
    target.textContent =
      "You came from the entry with id " + entry + ". It starts on line " + line + " of data/guide.yml.";
    target.hidden = false;
  }
  nameEntry();  // started after the page is complete (after-paint.js)
})();
