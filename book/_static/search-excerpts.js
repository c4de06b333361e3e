/* Excerpts under the search results, from file:// as well as from a host.
 * Sphinx's own excerpts fetch() each result page, which a browser refuses on
 * file://; the build writes every page's text into search-text.js instead
 * (booktools/search.py), and this script shows the words around the first
 * match under each result, with the query's words highlighted. */
(function () {
  "use strict";
  var query = new URLSearchParams(window.location.search).get("q") || "";
  var terms = query.toLowerCase().split(/\s+/).filter(function (t) { return t.length > 1; });

  function excerpt(text) {
    var lower = text.toLowerCase();
    var at = -1;
    terms.forEach(function (term) {
      var found = lower.indexOf(term);
      if (found > -1 && (at === -1 || found < at)) at = found;
    });
    var start = Math.max(0, at - 120);
    if (start > 0) start = text.indexOf(" ", start) + 1 || start;
    var end = Math.min(text.length, start + 260);
    return (start > 0 ? "… " : "") + text.slice(start, end).trim() + (end < text.length ? " …" : "");
  }

  function highlighted(text) {
    var fragment = document.createDocumentFragment();
    if (!terms.length) { fragment.appendChild(document.createTextNode(text)); return fragment; }
    var pattern = new RegExp("(" + terms.map(function (t) {
      return t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    }).join("|") + ")", "gi");
    text.split(pattern).forEach(function (part, i) {
      if (i % 2) {
        var mark = document.createElement("span");
        mark.className = "highlighted";
        mark.textContent = part;
        fragment.appendChild(mark);
      } else if (part) {
        fragment.appendChild(document.createTextNode(part));
      }
    });
    return fragment;
  }

  function annotate(item) {
    if (item.querySelector("p.context")) return;
    var link = item.querySelector("a");
    var texts = window.bookSearchText || {};
    if (!link) return;
    var docname = link.getAttribute("href").split("#")[0].replace(/\.html$/, "");
    var text = texts[docname];
    if (!text) return;
    var summary = document.createElement("p");
    summary.className = "context";
    summary.appendChild(highlighted(excerpt(text)));
    item.appendChild(summary);
  }

  function start() {
    var results = document.getElementById("search-results");
    if (!results) return;
    results.querySelectorAll("ul.search > li").forEach(annotate);
    new MutationObserver(function (changes) {
      changes.forEach(function (change) {
        change.addedNodes.forEach(function (node) {
          if (node.nodeName === "LI") annotate(node);
          else if (node.querySelectorAll) node.querySelectorAll("ul.search > li").forEach(annotate);
        });
      });
    }).observe(results, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
