/* Small fixes to the theme, on every page.
 * The sidebar's expand/collapse toggles are <summary> elements holding only an
 * icon; give each a name a screen reader can announce (axe: summary-name). */
(function () {
  "use strict";
  function nameToggles() {
    document.querySelectorAll("nav summary, .bd-sidebar summary").forEach(function (summary) {
      if (summary.textContent.trim() || summary.getAttribute("aria-label")) return;
      var link = summary.closest("li") && summary.closest("li").querySelector("a");
      var title = link ? link.textContent.trim() : "this section";
      summary.setAttribute("aria-label", "Show or hide the pages under " + title);
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", nameToggles);
  else nameToggles();

  /* A region that scrolls (code, an output, a table) takes keyboard focus, so
   * that a keyboard user can scroll it (axe: scrollable-region-focusable). The
   * theme's script decides this once, on load, when a region inside a closed
   * <details> (a collapsed cell) has no size and so never scrolls; measure
   * those regions again when a reader opens one. The list of regions is the
   * theme's own. */
  var REGIONS = "pre, .nboutput > .output_area, .cell_output > .output, .jp-RenderedHTMLCommon, .pst-scrollable-table-container";
  document.addEventListener("toggle", function (event) {
    var details = event.target;
    if (!details.open || !details.querySelectorAll) return;
    var regions = Array.prototype.filter.call(details.querySelectorAll(REGIONS), function (region) {
      return !region.closest("details:not([open])");
    });
    var scrolls = regions.map(function (region) {
      return region.scrollWidth > region.clientWidth || region.scrollHeight > region.clientHeight;
    });
    regions.forEach(function (region, i) { region.tabIndex = scrolls[i] ? 0 : -1; });
  }, true);
})();

/* Then and now (issue #16): the book keeps what a reader could know when the
 * article appeared (12 September 2021) apart from what happened after, which
 * is marked `.later` (the ledger's "what happened next", later timeline
 * events, post-2021 notes). One switch in the page header hides the later
 * material on every page, to read the article as its first readers could;
 * the choice is remembered. */
(function () {
  "use strict";
  var KEY = "book-later-hidden";
  var root = document.documentElement;

  function stored() {
    try { return window.localStorage.getItem(KEY) === "1"; } catch (error) { return false; }
  }

  function apply(hidden) {
    if (hidden) root.dataset.later = "hidden"; else delete root.dataset.later;
    document.querySelectorAll(".bk-later-switch").forEach(function (button) {
      button.setAttribute("aria-pressed", hidden ? "true" : "false");
      button.setAttribute("aria-label", "Events after September 2021: " + (hidden ? "hidden" : "shown"));
      button.querySelector(".bk-later-state").textContent = hidden ? "hidden" : "shown";
    });
    var note = document.querySelector(".bk-later-note");
    if (note) note.hidden = !hidden;
  }

  apply(stored());

  function addSwitch() {
    var place = document.querySelector(".article-header-buttons") || document.querySelector("article.bd-article");
    if (!place || document.querySelector(".bk-later-switch")) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "btn btn-sm bk-later-switch";
    button.title = "Hide or show what happened after the article appeared (12 September 2021)";
    button.innerHTML = '<span aria-hidden="true"><span class="bk-later-label">After Sept. 2021:</span>'
      + '<span class="bk-later-short">Later:</span> <span class="bk-later-state"></span></span>';
    button.addEventListener("click", function () {
      var hidden = root.dataset.later !== "hidden";
      try { window.localStorage.setItem(KEY, hidden ? "1" : "0"); } catch (error) { /* private mode: this page only */ }
      apply(hidden);
    });
    place.insertBefore(button, place.firstChild);
    var article = document.querySelector("article.bd-article");
    if (article && !document.querySelector(".bk-later-note")) {
      var note = document.createElement("p");
      note.className = "bk-later-note";
      note.textContent = "You are reading the book as of September 2021: what happened after the article appeared is hidden. Use the switch at the top of the page to show it again.";
      article.insertBefore(note, article.firstChild);
    }
    apply(root.dataset.later === "hidden");
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", addSwitch);
  else addSwitch();
  window.addEventListener("storage", function (event) { if (event.key === KEY) apply(event.newValue === "1"); });
})();
