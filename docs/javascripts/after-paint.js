// Content first, behaviour next: the guide's scripts (the theme's behaviour among them) start only
// after the page has been painted once, so a phone shows the text before it spends time setting up
// search, tabs and the table of contents (Lighthouse: largest contentful paint and blocking time).
// The page lists those scripts as <script type="text/plain" data-after-paint src=...> (overrides/main.html);
// they run in their listed order, on the complete page. When the last has run, <html
// data-scripts="started"> tells that the page is fully working (the browser tests wait for it).
(function () {
  // One script added per task: each addition starts a request, and a phone spends enough on that for
  // all of them at once to block input. Added with async off, they still run in their listed order.
  function start() {
    var later = Array.prototype.slice.call(document.querySelectorAll("script[data-after-paint]"));
    function add(index) {
      var script = document.createElement("script");
      script.src = later[index].getAttribute("src");
      script.async = false;
      if (index === later.length - 1) {
        script.onload = script.onerror = function () {
          document.documentElement.setAttribute("data-scripts", "started");
        };
      } else {
        setTimeout(function () { add(index + 1); }, 0);
      }
      document.body.appendChild(script);
    }
    if (later.length) { add(0); }
  }

  // The first contentful paint as the browser reports it; a tab in the background paints nothing,
  // so its scripts start after a few seconds anyway.
  function afterFirstPaint(callback) {
    var called = false;
    function once() {
      if (!called) { called = true; callback(); }
    }
    var types = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
    if (types.indexOf("paint") === -1) {
      requestAnimationFrame(function () { setTimeout(once, 0); });
    } else {
      new PerformanceObserver(function (list, observer) {
        if (list.getEntriesByName("first-contentful-paint").length) {
          observer.disconnect();
          setTimeout(once, 0);
        }
      }).observe({ type: "paint", buffered: true });
    }
    setTimeout(once, 3000);
  }

  document.addEventListener("DOMContentLoaded", function () { afterFirstPaint(start); });
})();
