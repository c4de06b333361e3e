/* Interactive charts with no network.
 *
 * Every chart arrives as static pictures (drawn at build time) plus its Vega-Lite
 * spec. This script loads the local vega bundle (named in this tag's
 * data-bundle, beside this file in _static) only when a chart comes near the
 * viewport or the reader reaches for it, then swaps the static picture for the
 * interactive view. A spec's large datasets (a map's outlines) are not in the
 * page: the build moved them to _static/chart-data/, and they load with the
 * bundle. Parsing the bundle up front would block a phone's main
 * thread for half a second on pages whose charts nobody has scrolled to yet.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var bundleUrl = new URL(script.getAttribute("data-bundle"), script.src).href;
  // Large datasets (a map's outlines) live beside this file, in chart-data/.
  var dataUrl = new URL("chart-data/", script.src).href;
  var loading = {};

  // A script tag rather than fetch(): it also works when the book is opened from file://.
  function loadScript(url) {
    if (!loading[url]) {
      loading[url] = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = url;
        tag.onload = resolve;
        tag.onerror = function () { reject(new Error("could not load " + url)); };
        document.head.appendChild(tag);
      });
    }
    return loading[url];
  }

  function loadBundle() {
    return window.vegaEmbed ? Promise.resolve() : loadScript(bundleUrl);
  }

  // Put back the datasets the build moved out of the page (data-datasets: name -> file).
  function withDatasets(spec, specTag) {
    var moved = JSON.parse(specTag.getAttribute("data-datasets") || "{}");
    return Promise.all(Object.keys(moved).map(function (name) {
      var digest = moved[name];
      return loadScript(dataUrl + digest + ".js").then(function () {
        var rows = window.bookChartData && window.bookChartData[digest];
        if (!rows) throw new Error("chart data " + digest + " did not load");
        spec.datasets = spec.datasets || {};
        spec.datasets[name] = rows;
      });
    })).then(function () { return spec; });
  }

  function isDark() {
    return document.documentElement.getAttribute("data-theme") === "dark";
  }

  // Text and grid colours for the dark theme (marks keep their palette): the
  // same object the build drew the dark static picture with (booktools.charts.DARK_CONFIG).
  var DARK = window.bookChartDark || {};

  // Each chart is laid out for the text column and for a phone. Between those
  // widths the live chart is redrawn to fit: every view's width shrinks by the
  // same factor and long titles wrap, so the page never scrolls sideways.
  function naturalWidth(figure) {
    var picture = figure.querySelector(".bk-chart-static img");
    if (!picture) return 0;
    var source = figure.dataset.layout === "narrow" && figure.querySelector(".bk-chart-static source");
    return parseFloat((source || picture).getAttribute("width")) || 0;
  }

  // The width the live chart's SVG gets: the figure's content box (the chart's
  // menu sits above the drawing, in the frame's top padding: book.css).
  function available(figure) {
    var style = getComputedStyle(figure);
    return Math.floor(figure.getBoundingClientRect().width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight));
  }

  function scaleWidths(node, factor) {
    if (Array.isArray(node)) { node.forEach(function (n) { scaleWidths(n, factor); }); return; }
    if (!node || typeof node !== "object") return;
    if (typeof node.width === "number") node.width = Math.max(120, Math.floor(node.width * factor));
    ["vconcat", "hconcat", "concat", "layer", "spec"].forEach(function (key) {
      if (node[key]) scaleWidths(node[key], factor);
    });
  }

  function wrap(text, chars) {
    if (Array.isArray(text) && text.every(function (line) { return typeof line === "string"; })) {
      if (text.every(function (line) { return line.length <= chars; })) return text;
      text = text.join(" ");
    }
    if (typeof text !== "string" || text.length <= chars) return text;
    var lines = [], line = "";
    text.split(" ").forEach(function (word) {
      if (line && (line + " " + word).length > chars) { lines.push(line); line = word; }
      else line = line ? line + " " + word : word;
    });
    if (line) lines.push(line);
    return lines;
  }

  function wrapTitles(node, chars) {
    if (Array.isArray(node)) { node.forEach(function (n) { wrapTitles(n, chars); }); return; }
    if (!node || typeof node !== "object") return;
    if (typeof node.title === "string") node.title = wrap(node.title, chars);
    else if (node.title && typeof node.title === "object" && !node.field) {
      node.title.text = wrap(node.title.text, chars);
      if (node.title.subtitle) node.title.subtitle = wrap(node.title.subtitle, Math.floor(chars * 1.2));
    }
    ["vconcat", "hconcat", "concat", "layer", "spec"].forEach(function (key) {
      if (node[key]) wrapTitles(node[key], chars);
    });
  }

  function fit(spec, figure) {
    var natural = naturalWidth(figure), room = available(figure);
    figure.dataset.room = String(room);
    if (!natural || !room || room >= natural) return spec;
    var fitted = JSON.parse(JSON.stringify(spec));
    scaleWidths(fitted, room / natural);
    wrapTitles(fitted, Math.max(24, Math.floor(room / 8)));
    return fitted;
  }

  // Below this width a chart is drawn in its narrow layout (booktools/chart_layout.py),
  // the same breakpoint as the static pictures' <source media>.
  var NARROW = 600;

  function chosenSpec(figure) {
    var narrow = figure.querySelector("script.bk-chart-spec-narrow");
    var useNarrow = narrow && window.innerWidth < NARROW;
    figure.dataset.layout = useNarrow ? "narrow" : "wide";
    return JSON.parse((useNarrow ? narrow : figure.querySelector("script.bk-chart-spec")).textContent);
  }

  // Narrow every view by `excess` pixels (the live chart came out wider than
  // its column: the reader's fonts run wider than those it was laid out with).
  function narrowViews(node, excess) {
    if (Array.isArray(node)) { node.forEach(function (n) { narrowViews(n, excess); }); return; }
    if (!node || typeof node !== "object") return;
    if (typeof node.width === "number") node.width = Math.max(80, Math.floor(node.width - excess));
    ["vconcat", "hconcat", "concat", "spec"].forEach(function (key) {
      if (node[key]) narrowViews(node[key], excess);
    });
  }

  function embed(figure, given, tries) {
    if (!given && (figure.dataset.state === "loading" || figure.dataset.state === "live")) return;
    tries = tries || 0;
    figure.dataset.state = "loading";
    var specTag = figure.querySelector("script.bk-chart-spec");
    var spec = given || fit(chosenSpec(figure), figure);
    var live = figure.querySelector(".bk-chart-live");
    var options = {
      renderer: "svg",
      // Export and view source stay local; "open in editor" would send the
      // chart to another site, which an offline book must not do.
      actions: { export: true, source: true, compiled: false, editor: false },
      downloadFileName: figure.id
    };
    // The figure's description and its data table are the accessible view of the
    // chart; vega's per-mark ARIA tree (hundreds of unlabelled shapes on a map)
    // would only add noise, so marks and guides are left out of it.
    options.config = Object.assign({ aria: false }, isDark() ? DARK : {});
    Promise.all([loadBundle(), withDatasets(spec, specTag)])
      .then(function () { return window.vegaEmbed(live, spec, options); })
      .then(function (result) {
        var drawn = live.querySelector("svg");
        var excess = drawn ? drawn.width.baseVal.value - available(figure) : 0;
        if (excess > 1 && tries < 3) {
          // Another pass, narrower by what overflowed, so that no text is shrunk to fit.
          result.finalize();
          var again = JSON.parse(JSON.stringify(spec));
          narrowViews(again, excess + 2);
          // A title line can be what overflows: the reader's bold font runs wider than
          // the one the layout counted characters for (about 9.5 px a character at 15 px).
          wrapTitles(again, Math.max(24, Math.floor(available(figure) / 9.5)));
          return embed(figure, again, tries + 1);
        }
        figure._view = result;
        live.hidden = false;
        figure.querySelector(".bk-chart-static").hidden = true;
        figure.dataset.state = "live";
        figure.dataset.theme = isDark() ? "dark" : "light";
        // To assistive technology the live chart, like the static one, is one
        // image named by the chart's description: vega's leftover roles on mark
        // groups would be unnamed images (axe: svg-img-alt).
        var svg = live.querySelector("svg");
        if (svg) {
          svg.querySelectorAll("[role], [aria-roledescription], [aria-label]").forEach(function (node) {
            node.removeAttribute("role");
            node.removeAttribute("aria-roledescription");
            node.removeAttribute("aria-label");
          });
          svg.setAttribute("role", "img");
          svg.setAttribute("aria-label", live.getAttribute("aria-label") || figure.dataset.chartTitle || "Chart");
        }
        var menu = live.querySelector("details summary");
        if (menu) menu.setAttribute("aria-label", "Chart menu: save as image or view the chart's source");
      })
      .catch(function (error) {
        // The static picture stays; say why the chart is not interactive.
        figure.dataset.state = "static";
        console.warn("Chart " + figure.id + " stays static: " + error.message);
      });
  }

  function reembedAll() {
    document.querySelectorAll("figure.bk-chart[data-state='live']").forEach(function (figure) {
      var sameTheme = figure.dataset.theme === (isDark() ? "dark" : "light")
        && figure.dataset.layout === (window.innerWidth < NARROW && figure.querySelector("script.bk-chart-spec-narrow") ? "narrow" : "wide");
      var sameRoom = Math.abs(Number(figure.dataset.room) - available(figure)) < 24
        || (available(figure) >= naturalWidth(figure) && Number(figure.dataset.room) >= naturalWidth(figure));
      if (sameTheme && sameRoom) return;
      if (figure._view) figure._view.finalize();
      figure.dataset.state = "";
      embed(figure);
    });
  }

  function start() {
    var figures = document.querySelectorAll("figure.bk-chart");
    if (!figures.length) return;
    var observer = "IntersectionObserver" in window
      ? new IntersectionObserver(function (entries) {
          entries.forEach(function (entry) {
            if (entry.isIntersecting) {
              observer.unobserve(entry.target);
              embed(entry.target);
            }
          });
        }, { rootMargin: "300px 0px" })
      : null;
    figures.forEach(function (figure) {
      if (observer) observer.observe(figure); else embed(figure);
      ["pointerenter", "focusin", "touchstart"].forEach(function (type) {
        figure.addEventListener(type, function () { embed(figure); }, { once: true, passive: true });
      });
    });
    new MutationObserver(reembedAll).observe(document.documentElement, {
      attributes: true, attributeFilter: ["data-theme"]
    });
    var resizing = null;
    window.addEventListener("resize", function () {
      clearTimeout(resizing);
      resizing = setTimeout(reembedAll, 250);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
