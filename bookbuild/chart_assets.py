"""What a page with a chart needs in the browser, all of it local.

* One bundle of vega-embed + vega + vega-lite, the versions Altair speaks, from
  vl-convert, written into `_static` at the end of every build (Sphinx skips
  copying static files when no page is out of date). It is wrapped in a
  function scope, so that it leaks only `vega`, `vegaLite` and `vegaEmbed`,
  and its name carries a hash of its content, so browsers cache it across
  pages and never keep a stale one.
* `book-charts.js` (which loads the bundle when a chart nears the viewport)
  and the dark theme's chart colours, on pages that have a chart and no other.
* The kernels the build starts learn that their charts are for the book
  (booktools.charts.OUTPUT_ENV), so that a chart leaves the notebook as the
  output bookbuild.chart_output turns into a figure.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

BUNDLE_PREFIX = "vega-bundle-"
CHART_MARKER = 'class="bk-chart"'


def vega_bundle(cache_dir: Path) -> str:
    """vega-embed + vega + vega-lite as one classic script, cached on disk."""
    import vl_convert

    from booktools.charts import vl_version

    version = vl_version()
    cached = cache_dir / f"vl-convert-{vl_convert.__version__}-vl{version}.js"
    if cached.exists():
        return cached.read_text(encoding="utf-8")
    raw = vl_convert.javascript_bundle(vl_version=version)
    # Loaded bare, the bundle's top-level declarations become thousands of
    # globals that clash with other scripts; as an ES module it would fail on
    # file:// and in print-to-PDF. A function scope keeps it a classic script
    # that exposes only what its last line assigns to window.
    wrapped = f"/* vega-embed, vega, vega-lite for Vega-Lite {version}, via vl-convert {vl_convert.__version__} */\n(function () {{\n{raw}\n}})();\n"
    cache_dir.mkdir(parents=True, exist_ok=True)
    cached.write_text(wrapped, encoding="utf-8")
    return wrapped


def _prepare_bundle(app) -> None:
    if app.builder.format != "html":
        return
    text = vega_bundle(Path(app.outdir).parent / ".vega-bundle")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    app.booktools_bundle = (f"{BUNDLE_PREFIX}{digest}.js", text)


def _chart_scripts(app, pagename, templatename, context, doctree) -> None:
    if CHART_MARKER not in context.get("body", "") or not hasattr(app, "booktools_bundle"):
        return
    from booktools.charts import DARK_CONFIG

    bundle_name, _ = app.booktools_bundle
    app.add_js_file(None, body=f"window.bookChartDark = {json.dumps(DARK_CONFIG, sort_keys=True)};")
    app.add_js_file("book-charts.js", loading_method="defer", **{"data-bundle": bundle_name})


def _write_bundle(app, exception) -> None:
    if exception is not None or not hasattr(app, "booktools_bundle"):
        return
    bundle_name, text = app.booktools_bundle
    static = Path(app.outdir) / "_static"
    static.mkdir(parents=True, exist_ok=True)
    for old in static.glob(f"{BUNDLE_PREFIX}*.js"):
        if old.name != bundle_name:
            old.unlink()
    target = static / bundle_name
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")


def setup(app) -> None:
    from booktools.charts import OUTPUT_ENV

    os.environ[OUTPUT_ENV] = "book"  # inherited by the kernels myst-nb starts
    app.connect("builder-inited", _prepare_bundle)
    app.connect("html-page-context", _chart_scripts, priority=800)
    app.connect("build-finished", _write_bundle)
