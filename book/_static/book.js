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
