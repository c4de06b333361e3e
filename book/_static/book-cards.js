/* Reference cards: hover, focus or tap a citation, a glossary term or a link to
 * another page of the book, and a small card says what it points at, without
 * leaving the page (issue #16).
 *
 * The cards' contents are one file the build writes (bookbuild/cards.py),
 * loaded by script tag, so file:// works too, the first time a reader reaches
 * for a card. The card is one element, role="tooltip", which the link names
 * with aria-describedby while it is open; it sits right after the link in the
 * page, so Tab moves into it (to the source's own address), and Escape closes it.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var dataUrl = new URL(script.getAttribute("data-cards"), script.src).href;
  var siteRoot = new URL("../", script.src);
  var loading = null;
  var card = null;
  var current = null;
  var hideTimer = null;
  var showTimer = null;
  var lastPointer = "mouse";

  function loadCards() {
    if (window.bookCards) return Promise.resolve(window.bookCards);
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = dataUrl;
        tag.onload = function () { resolve(window.bookCards); };
        tag.onerror = function () { reject(new Error("could not load " + dataUrl)); };
        document.head.appendChild(tag);
      });
    }
    return loading;
  }

  // What a link points at: ["refs", "cite-key"], ["terms", "term-MWe"],
  // ["claims", "claim-p01-1"] or ["pages", "book/01-reactor"]; null otherwise.
  function targetOf(link) {
    var href = link.getAttribute("href");
    if (!href || href.charAt(0) === "#" && !/^#(cite|term|claim)-/.test(href)) return null;
    var url;
    try { url = new URL(href, window.location.href); } catch (error) { return null; }
    if (url.protocol !== window.location.protocol || url.host !== window.location.host) return null;
    var hash = decodeURIComponent(url.hash.slice(1));
    if (/^cite-/.test(hash)) return ["refs", hash];
    if (/^term-/.test(hash)) return ["terms", hash];
    if (/^claim-/.test(hash)) return ["claims", hash];
    if (hash || !/\.html$/.test(url.pathname) || url.pathname.indexOf(siteRoot.pathname) !== 0) return null;
    return ["pages", url.pathname.slice(siteRoot.pathname.length).replace(/\.html$/, "")];
  }

  function ensureCard() {
    if (card) return card;
    card = document.createElement("span");
    card.id = "bk-card";
    card.className = "bk-card";
    card.setAttribute("role", "tooltip");
    card.hidden = true;
    card.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
    card.addEventListener("mouseleave", function () { scheduleHide(); });
    card.addEventListener("focusout", onFocusOut);
    return card;
  }

  function place(link) {
    var box = link.getBoundingClientRect();
    var width = Math.min(448, window.innerWidth - 16);
    card.style.width = width + "px";
    var left = Math.max(8, Math.min(box.left, window.innerWidth - width - 8));
    card.style.left = left + "px";
    card.style.top = (box.bottom + 6) + "px";
    var height = card.getBoundingClientRect().height;
    if (box.bottom + 6 + height > window.innerHeight && box.top - 6 - height > 0) {
      card.style.top = (box.top - 6 - height) + "px";
    }
  }

  function show(link) {
    clearTimeout(hideTimer);
    var target = targetOf(link);
    if (!target) return;
    loadCards().then(function (cards) {
      var body = cards && cards[target[0]] && cards[target[0]][target[1]];
      if (!body) return;
      if (current && current !== link) hide();
      ensureCard();
      var go = target[0] === "pages" ? "Open the page" : "Go to the full entry";
      card.innerHTML = body + '<span class="bk-card-more"><a href="' + link.getAttribute("href") + '">' + go + " →</a></span>";
      link.insertAdjacentElement("afterend", card);
      card.hidden = false;
      link.setAttribute("aria-describedby", card.id);
      link.setAttribute("aria-expanded", "true");
      current = link;
      place(link);
    }).catch(function (error) { console.warn("Reference card: " + error.message); });
  }

  function hide() {
    clearTimeout(showTimer);
    if (!card || card.hidden) return;
    card.hidden = true;
    if (current) {
      current.removeAttribute("aria-describedby");
      current.removeAttribute("aria-expanded");
    }
    current = null;
  }

  function scheduleHide() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 250);
  }

  function onFocusOut(event) {
    var next = event.relatedTarget;
    if (next && (next === current || (card && card.contains(next)))) return;
    scheduleHide();
  }

  function linkFrom(event) {
    var link = event.target.closest && event.target.closest("article a[href]");
    return link && !link.closest(".bk-card") && targetOf(link) ? link : null;
  }

  document.addEventListener("pointerdown", function (event) { lastPointer = event.pointerType || "mouse"; }, true);
  document.addEventListener("mouseover", function (event) {
    var link = linkFrom(event);
    if (!link || lastPointer === "touch") return;
    clearTimeout(showTimer);
    showTimer = setTimeout(function () { show(link); }, 200);
  });
  document.addEventListener("mouseout", function (event) {
    var link = linkFrom(event);
    if (link) { clearTimeout(showTimer); if (current === link) scheduleHide(); }
  });
  document.addEventListener("focusin", function (event) {
    var link = linkFrom(event);
    if (link) show(link);
  });
  document.addEventListener("focusout", function (event) {
    if (linkFrom(event) && current) onFocusOut(event);
  });
  // On a touch screen the first tap opens the card; a second tap follows the link.
  document.addEventListener("click", function (event) {
    var link = linkFrom(event);
    if (!link || lastPointer !== "touch" || current === link) return;
    event.preventDefault();
    show(link);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !current) return;
    var link = current;
    var inside = card && card.contains(document.activeElement);
    hide();
    if (inside) link.focus({ preventScroll: true });
  });
  window.addEventListener("scroll", function () { if (current) place(current); }, { passive: true });
  window.addEventListener("resize", hide);
})();
