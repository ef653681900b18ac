// Stands in for Material's bundle on scrolling and resizing, for the theme's unchanged HTML and CSS:
// the header's shadow and page title, the table of contents following the reader (and the address
// following it), the back-to-top button, and sidebars that fit the window and scroll inside themselves.
// Layout is read at the start of a frame, from positions kept until the content or the window resizes.
(function () {
  var settings = document.getElementById("__config");
  var features = settings ? JSON.parse(settings.textContent).features : [];  // mkdocs.yml's theme.features
  var following = features.indexOf("toc.follow") !== -1;
  var tracking = features.indexOf("navigation.tracking") !== -1;
  var header = document.querySelector("[data-md-component=header]");
  var title = document.querySelector("[data-md-component=header-title]");
  var main = document.querySelector("[data-md-component=main]");
  var grid = main && main.firstElementChild;
  var heading = document.querySelector(".md-content h1");
  var topButton = document.querySelector("[data-md-component=top]");
  var sections = tocSections();
  var sidebars = Array.prototype.slice.call(document.querySelectorAll("[data-md-component=sidebar]"))
    .map(sidebar).filter(function (item) { return item.wrap; });

  var layout = null;  // cached positions, in page coordinates; null: measure in the next frame
  var frame = 0;
  var lastY = 0;
  var up = false;  // the reader's last scroll went up
  var state = { shadow: null, title: null, reached: 0, hidden: null, headerHeight: null };
  var pausedUntil = 0;  // after a jump to an anchor, the button and the address wait for the reader
  var trackTimer = 0;
  var skipPause = Boolean(window.location.hash);
  var pending = [];  // links to bring into view next frame, read once this frame's changes are laid out

  // One entry per heading the table of contents links to, with every link to it (the drawer has a copy).
  function tocSections() {
    var byId = {};
    var list = [];
    document.querySelectorAll("[data-md-component=toc] a.md-nav__link").forEach(function (link) {
      var id = decodeURIComponent(link.hash.slice(1));
      var target = id && document.getElementById(id);
      if (!target) return;
      if (!byId[id]) {
        byId[id] = { target: target, hash: link.hash, links: [], top: 0 };
        list.push(byId[id]);
      }
      byId[id].links.push(link);
    });
    return list;
  }

  // The navigation fits the window only where it is a column beside the content (the theme's breakpoints).
  function sidebar(el) {
    var wide = el.getAttribute("data-md-type") === "navigation" ? "(min-width: 76.25em)" : "(min-width: 60em)";
    return { el: el, wrap: el.querySelector(".md-sidebar__scrollwrap"), media: window.matchMedia(wide), height: null };
  }

  // A heading inside a closed block has no box: its nearest shown ancestor stands in for it.
  function pageTop(el) {
    while (el.parentElement && !el.getClientRects().length) el = el.parentElement;
    return el.getBoundingClientRect().top + window.scrollY;
  }

  function measure() {
    var mainTop = main ? pageTop(main) : 0;
    layout = {
      header: header ? header.offsetHeight : 0,
      mainTop: mainTop,
      mainBottom: main ? mainTop + main.offsetHeight : document.body.offsetHeight,
      mainSize: main ? main.offsetWidth + "x" + main.offsetHeight : "",
      gap: grid ? pageTop(grid) - mainTop : 0,  // the grid's top margin, which the sidebars keep until locked
      page: document.body.offsetHeight,
      headingBottom: heading && heading.offsetHeight ? pageTop(heading) + heading.offsetHeight : null,
      inset: sidebars.map(function (item) { return item.wrap.offsetTop; })
    };
    sections.forEach(function (section) { section.top = pageTop(section.target); });
    sections.sort(function (a, b) { return a.top - b.top; });
  }

  function schedule() {
    if (!frame) frame = requestAnimationFrame(update);
  }

  function remeasure() {
    layout = null;
    schedule();
  }

  function update() {
    frame = 0;
    if (!layout) measure();
    follow(pending.splice(0));
    var y = Math.max(0, window.scrollY);
    var view = window.innerHeight;
    var scrolledIn = layout.mainTop - layout.header <= y;  // the content has reached the header
    var paused = performance.now() < pausedUntil;
    if (y !== lastY) {  // the direction changes with scrolling only, not when the content re-measures
      up = lastY > y && y > 0;
      lastY = y;
    }

    if (header && scrolledIn !== state.shadow) {
      header.classList.toggle("md-header--shadow", scrolledIn);
      state.shadow = scrolledIn;
    }
    var titled = layout.headingBottom !== null && y + layout.header >= layout.headingBottom;
    if (title && titled !== state.title) {
      title.classList.toggle("md-header__title--active", titled);
      state.title = titled;
    }
    var mounted = fitSidebars(y, view);
    markSections(y, view, mounted);
    if (topButton) showTopButton(scrolledIn && up && !paused);
  }

  // A heading is reached once it is above the header's bottom plus most of the grid's top margin;
  // at the end of the page every heading counts as reached, as in the theme.
  function markSections(y, view, mounted) {
    var atEnd = y + view >= Math.floor(layout.page);
    var limit = y + layout.header + 0.8 * layout.gap;
    var reached = 0;
    while (reached < sections.length && (atEnd || sections[reached].top < limit)) reached++;
    var before = state.reached;
    if (reached === before && !mounted.length) return;
    // Only the links between the old and the new position change: a class change restyles its link.
    for (var i = Math.max(0, Math.min(before, reached) - 1); i < Math.max(before, reached); i++) {
      markLinks(sections[i].links, i < reached, i === reached - 1);
    }
    state.reached = reached;
    pending = mounted.concat(following && reached ? sections[reached - 1].links : []);
    schedule();
  }

  function markLinks(links, passed, active) {
    links.forEach(function (link) {
      link.classList.toggle("md-nav__link--passed", passed);
      link.classList.toggle("md-nav__link--active", active);
    });
  }

  // toc.follow: scroll each sidebar column, never the page, so that its active link sits in the middle.
  function follow(links) {
    var moves = [];
    links.forEach(function (link) {
      var wrap = link.closest(".md-sidebar__scrollwrap");
      var column = sidebars.some(function (item) { return item.wrap === wrap && item.height !== null; });
      if (!column || !link.offsetHeight) return;
      var offset = link.getBoundingClientRect().top - wrap.getBoundingClientRect().top + wrap.scrollTop;
      moves.push([wrap, offset - wrap.clientHeight / 2]);
    });
    moves.forEach(function (move) { move[0].scrollTop = move[1]; });
  }

  // The theme's sidebar height: the part of the content area left visible below the header and above
  // the footer, less the grid's top margin until it has scrolled away. Returns links to bring into view
  // in sidebars that have just been sized.
  function fitSidebars(y, view) {
    var shown = Math.max(0, view - Math.max(0, layout.mainTop - y, layout.header)
      - Math.max(0, view + y - layout.mainBottom));
    var locked = Math.min(layout.gap, Math.max(0, y - (layout.mainTop - layout.header)));
    var mounted = [];
    sidebars.forEach(function (item, index) {
      if (!item.media.matches || item.el.hidden) {
        if (item.height !== null) {
          item.wrap.style.height = item.el.style.top = "";
          item.height = null;
        }
        return;
      }
      var height = shown + locked - layout.gap - 2 * layout.inset[index];
      if (height === item.height) return;
      if (item.height === null) {
        mounted.push.apply(mounted, item.el.querySelectorAll(".md-nav__link--active[href]"));
      }
      item.wrap.style.height = height + "px";
      item.el.style.top = layout.header + "px";
      item.height = height;
    });
    return mounted;
  }

  // Hidden, the button also leaves the tab order and gives up focus, as the theme's does.
  function showTopButton(show) {
    if (layout.header !== state.headerHeight) {
      topButton.style.top = layout.header + 16 + "px";
      state.headerHeight = layout.header;
    }
    if (state.hidden === !show) return;
    topButton.hidden = !show;
    if (show) {
      topButton.removeAttribute("tabindex");
    } else {
      topButton.setAttribute("tabindex", "-1");
      topButton.blur();
    }
    state.hidden = !show;
  }

  // navigation.tracking: once the reader stops scrolling, the address names the section being read,
  // replaced in place so the back button still leaves the page. As in the theme, the first pause after
  // opening a link to an anchor, or jumping to one, is skipped: that scrolling is the browser's (going
  // to the anchor, content settling around it), and the address the reader followed stays.
  function settle() {
    if (skipPause) {
      skipPause = false;
      return;
    }
    var url = window.location.href.replace(/#.*$/, "");
    var active = state.reached ? sections[state.reached - 1].hash : "";
    if (url + active !== window.location.href) {
      history.replaceState(history.state, "", url + active);
    }
  }

  function waitForPause(delay) {
    if (!tracking) return;
    clearTimeout(trackTimer);
    trackTimer = setTimeout(settle, delay);
  }

  // The search overlay locks the page by fixing the body: its scroll to the top is not the reader's.
  function onScroll() {
    if (document.body.hasAttribute("data-md-scrolllock")) return;
    schedule();
    if (sections.length && performance.now() >= pausedUntil) waitForPause(250);
  }

  function onHashChange() {
    pausedUntil = performance.now() + 250;
    skipPause = true;
    if (sections.length) waitForPause(500);
    schedule();
  }

  function backToTop(event) {
    event.preventDefault();
    window.scrollTo({ top: 0 });
  }

  window.addEventListener("scroll", onScroll, { passive: true });
  window.addEventListener("resize", remeasure, { passive: true });
  window.addEventListener("hashchange", onHashChange);
  if (topButton) topButton.addEventListener("click", backToTop);
  // Headings move when the content changes size (fonts, opened answers, sections rendered as they near).
  if (main && window.ResizeObserver) {
    new ResizeObserver(function () {
      if (layout && main.offsetWidth + "x" + main.offsetHeight !== layout.mainSize) remeasure();
    }).observe(main);
  }
  if (sections.length && skipPause) waitForPause(250);
  schedule();
})();
