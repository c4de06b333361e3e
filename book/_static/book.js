/* Small fixes to the theme's navigation, on every page.
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
})();
