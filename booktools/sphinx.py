"""Sphinx extension: offline charts, an honest execution cache, page metadata.

Registered in `_config.yml` (`sphinx.extra_extensions: [booktools.sphinx]`).

* Writes one local bundle of vega-embed + vega + vega-lite (the versions Altair
  speaks, from vl-convert) into the output's `_static`, wrapped in a function
  scope so that it leaks only `vega`, `vegaLite` and `vegaEmbed`. It is written
  into the output folder directly at the end of every build, because Sphinx
  skips copying static files when no page is out of date. Its file name carries
  a hash of its content, so browsers cache it across pages and never keep a
  stale one.
* Adds `book-charts.js` (which loads that bundle when a chart nears the
  viewport) only to pages that have a chart.
* Keys the jupyter-cache folder by the content of `booktools/` and `data/`:
  jupyter-cache only notices changes to a notebook itself, so without this a
  change to the renderer or to a CSV would leave stale outputs in the book.
* Gives every page a meta description.
* With BOOK_ANNOTATE=1 in the environment (`make book ANNOTATE=1`), adds the
  Hypothesis client to every page so a seminar group can annotate the book.
  Off by default: it is the one script the book would load from another host.
* Provides the `data-glossary` directive: Sphinx's glossary, filled from
  `data/glossary.csv`, so that `{term}` links resolve against the data table.
* Moves a chart's large inline datasets (the chapter 5 map's country
  outlines) out of the page into `_static/chart-data/<hash>.js`, which the
  live view loads by script tag when a reader reaches the chart; the static
  picture needs none of it. A script tag, unlike fetch(), also works from
  file://. Likewise a large static picture (the map, the timeline) moves to
  `_static/chart-pictures/<hash>.svg` and the page shows it with an <img>.
* Speed on phones (issue #7): pages link one stylesheet, which joins lean
  copies of the theme's stylesheets (and an icon font subset) with book.css
  (`booktools.lean`, written at the end of the build), and the theme's head
  scripts are deferred, so the first paint waits only for CSS the pages use,
  in one request.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import shutil
from pathlib import Path

from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.builders.html._assets import _JavaScript
from sphinx.domains.std import Glossary

from booktools.data import PACKAGE_ROOT
from booktools.search import EXCERPT_SCRIPT, SEARCH_PAGE, TEXT_SCRIPT, write_text_index
from booktools.lean import BUNDLE as STYLESHEET_BUNDLE
from booktools.lean import LEAN, bundle_parts, lean_name, write_lean_assets, write_stylesheet_bundle

BUNDLE_PREFIX = "vega-bundle-"
CHART_MARKER = 'class="bk-chart"'


# The modules a chapter runs when it does `import booktools`. The rest of the
# package (this extension, handouts, lean assets, the server) shapes pages, not
# cell outputs, so editing it does not re-execute every notebook.
EXECUTION_MODULES = ["__init__.py", "charts.py", "data.py", "pages.py"]


def inputs_fingerprint(project: Path) -> str:
    """A hash of everything a chapter's outputs depend on besides its own text."""
    digest = hashlib.sha256()
    data = project / "data"
    files = [PACKAGE_ROOT / "booktools" / name for name in EXECUTION_MODULES]
    files += sorted(data.glob("*.csv")) + sorted(data.rglob("*.geojson"))
    files += [data / "datapackage.json", project / "book" / "references.bib"]
    for path in files:
        if path.exists():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _key_execution_cache(app: Sphinx, config) -> None:
    base = Path(app.outdir).parent / ".jupyter_cache"
    config.nb_execution_cache_path = str(base / inputs_fingerprint(Path(app.confdir)))


def vega_bundle(cache_dir: Path) -> str:
    """vega-embed + vega + vega-lite as one classic script, cached on disk."""
    import altair as alt
    import vl_convert

    version = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
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


def _prepare_bundle(app: Sphinx) -> None:
    if app.builder.format != "html":
        return
    text = vega_bundle(Path(app.outdir).parent / ".vega-bundle")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    app.booktools_bundle = (f"{BUNDLE_PREFIX}{digest}.js", text)


def _drop_thebe(context: dict) -> None:
    """Jupyter Book 1 always loads sphinx-thebe: its config snippet is added
    twice (a console error, "THEBE_JS_URL has already been declared") and names
    a CDN. This book has no live-code buttons, so its pages carry none of it."""
    for key in ("script_files", "css_files"):
        if key in context:
            context[key][:] = [
                asset for asset in context[key]
                if "thebe" not in str(getattr(asset, "filename", asset) or "").lower()
                and "THEBE" not in str(getattr(asset, "attributes", {}).get("body", ""))
            ]
    if "body" in context:
        context["body"] = re.sub(
            r'\s*<script type="text/x-thebe-config">.*?</script>\s*<script>kernelName = [^<]*</script>',
            "", context["body"], flags=re.S,
        )


def _fix_citation_roles(context: dict) -> None:
    """docutils marks the bibliography `role="list"` but its entries
    `role="doc-biblioentry"`, which no list may hold (axe: aria-required-children);
    the entries are list items."""
    if "citation-list" in context.get("body", ""):
        context["body"] = context["body"].replace('role="doc-biblioentry"', 'role="listitem"')


# pydata-sphinx-theme links theme.css, which only @imports basic.css: linking
# basic.css itself saves the page one round trip before it can paint.
THEME_STYLESHEETS = ["_static/basic.css", "_static/styles/pydata-sphinx-theme.css"]
OWN_STYLESHEETS = {"_static/book.css"}
# Needed before the inline `DOCUMENTATION_OPTIONS.pagename = ...` lines run.
SYNC_SCRIPTS = {"_static/documentation_options.js"}


def _stylesheet_links(app: Sphinx, context: dict) -> None:
    """`book_stylesheets` (used by layout.html): one link to the stylesheet
    bundle that joins the theme's and Sphinx's stylesheets, as their lean
    copies (see booktools.lean), and book.css. A page with a stylesheet that
    cannot be joined (from another host, or with a media or other attribute)
    links each file instead, lean copies where there are some."""
    pathto, css_tag = context.get("pathto"), context.get("css_tag")
    if pathto is None or css_tag is None:
        return
    parts = [lean_name(name) for name in THEME_STYLESHEETS]
    links = [f'<link rel="stylesheet" href="{pathto(part, 1)}" />' for part in parts]
    joinable = True
    for css in sorted(context.get("css_files", []), key=lambda css: getattr(css, "priority", 500)):
        filename = str(getattr(css, "filename", css))
        attributes = dict(getattr(css, "attributes", {}))
        plain = set(attributes) <= {"rel", "type"} and attributes.get("rel", "stylesheet") == "stylesheet"
        if "://" in filename or not plain or not filename.endswith(".css"):
            links.append(css_tag(css))
            joinable = False
        elif filename in OWN_STYLESHEETS:
            links.append(css_tag(css))
            parts.append(filename)
        else:
            parts.append(lean_name(filename))
            links.append(f'<link rel="stylesheet" href="{pathto(parts[-1], 1)}" />')
    # Every page has the same stylesheets; the build's last step joins them. (A
    # page with stylesheets of its own keeps its separate links.)
    if joinable and getattr(app, "booktools_stylesheet_parts", parts) == parts:
        app.booktools_stylesheet_parts = parts
        links = [f'<link rel="stylesheet" href="{pathto(STYLESHEET_BUNDLE, 1)}" />']
    context["book_stylesheets"] = "\n    ".join(links)


def _defer_scripts(pagename: str, context: dict) -> None:
    """The theme's and extensions' scripts (copy buttons, toggles, tabs) wait
    for DOMContentLoaded anyway; as `defer` they stop blocking the first paint.
    Not on the search page: its template loads searchtools.js and the index as
    plain scripts that run at once and need doctools.js (`_ready`) before them."""
    if "script_files" not in context or pagename == SEARCH_PAGE:
        return
    deferred = []
    for js in context["script_files"]:
        attributes = dict(getattr(js, "attributes", {}))
        filename = str(getattr(js, "filename", "") or "")
        if (filename and "://" not in filename and filename not in SYNC_SCRIPTS
                and not ({"async", "defer", "type"} & set(attributes))):
            js = _JavaScript(js.filename, priority=js.priority, **attributes, defer="defer")
        deferred.append(js)
    context["script_files"][:] = deferred


def _content_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _write_once(path: Path, text: str) -> None:
    """A file named by its content's digest: once written, it is already right."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


# Datasets larger than this (bytes of JSON) leave the page for a file of their own.
LARGE_DATASET = 20_000
SPEC_TAG = re.compile(r'<script type="application/json" class="bk-chart-spec">(.*?)</script>', re.S)


def _move_large_datasets(outdir: Path, context: dict) -> None:
    body = context.get("body", "")
    if "bk-chart-spec" not in body:
        return
    target = outdir / "_static" / "chart-data"

    def move(match: re.Match) -> str:
        spec = json.loads(match.group(1))
        _name_inline_data(spec, spec)
        moved = {}
        for name, rows in sorted(spec.get("datasets", {}).items()):
            text = json.dumps(rows, sort_keys=True, separators=(",", ":"))
            if len(text) < LARGE_DATASET:
                continue
            digest = _content_digest(text)
            _write_once(
                target / f"{digest}.js",
                f"(window.bookChartData = window.bookChartData || {{}})[{json.dumps(digest)}] = {text};\n",
            )
            moved[name] = digest
            del spec["datasets"][name]
        if not moved:
            return match.group(0)
        payload = json.dumps(spec, sort_keys=True, separators=(",", ":")).replace("</", "<\\/")
        attribute = html.escape(json.dumps(moved, sort_keys=True), quote=True)
        return f'<script type="application/json" class="bk-chart-spec" data-datasets="{attribute}">{payload}</script>'

    context["body"] = SPEC_TAG.sub(move, body)


# A static picture larger than this (characters of SVG: the chapter 5 map, the
# timeline) leaves the page for an <img>, so that the page a phone must fetch
# before its first paint is that much smaller (the map was 163 KB of chapter
# 5's 304 KB). Smaller ones stay inline: each would be one more request.
LARGE_PICTURE = 40_000
STATIC_SVG = re.compile(r'<div class="bk-chart-static">(<svg\b.*?</svg>)</div>', re.S)


def _move_large_pictures(outdir: Path, context: dict) -> None:
    body = context.get("body", "")
    if "bk-chart-static" not in body:
        return
    target = outdir / "_static" / "chart-pictures"

    def move(match: re.Match) -> str:
        svg = match.group(1)
        if len(svg) < LARGE_PICTURE:
            return match.group(0)
        root = re.match(r"<svg\b[^>]*>", svg).group(0)
        attributes = dict(re.findall(r'\s([\w:-]+)="([^"]*)"', root))
        digest = _content_digest(svg)
        _write_once(target / f"{digest}.svg", svg)
        src = context["pathto"](f"_static/chart-pictures/{digest}.svg", 1)
        # The name is already HTML-escaped in the SVG's aria-label.
        return (
            f'<div class="bk-chart-static"><img class="bk-static-svg" src="{html.escape(src)}" '
            f'alt="{attributes.get("aria-label", "Chart")}" width="{attributes.get("width", "")}" '
            f'height="{attributes.get("height", "")}" decoding="async"></div>'
        )

    context["body"] = STATIC_SVG.sub(move, body)


def _name_inline_data(node, spec: dict) -> None:
    """Turn large inline `data: {values: [...]}` (Altair writes a named
    alt.Data this way) into a named top-level dataset, which can then move."""
    if isinstance(node, list):
        for item in node:
            _name_inline_data(item, spec)
        return
    if not isinstance(node, dict):
        return
    data = node.get("data")
    if isinstance(data, dict) and isinstance(data.get("values"), list):
        text = json.dumps(data["values"], sort_keys=True, separators=(",", ":"))
        if len(text) >= LARGE_DATASET:
            name = data.get("name") or "data-" + _content_digest(text)
            spec.setdefault("datasets", {})[name] = data["values"]
            node["data"] = {key: value for key, value in data.items() if key != "values"} | {"name": name}
    for key, value in node.items():
        if key not in ("data", "datasets"):
            _name_inline_data(value, spec)


def _page_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    _drop_thebe(context)
    _move_large_datasets(Path(app.outdir), context)
    _move_large_pictures(Path(app.outdir), context)
    _fix_citation_roles(context)
    _defer_scripts(pagename, context)
    _stylesheet_links(app, context)
    body = context.get("body", "")
    if CHART_MARKER in body and hasattr(app, "booktools_bundle"):
        bundle_name, _ = app.booktools_bundle
        app.add_js_file("book-charts.js", loading_method="defer", **{"data-bundle": bundle_name})
    if pagename == SEARCH_PAGE:
        app.add_js_file(TEXT_SCRIPT)
        app.add_js_file(EXCERPT_SCRIPT)
    _add_meta_description(context, body)


def _add_meta_description(context: dict, body: str) -> None:
    metatags = context.get("metatags", "")
    if 'name="description"' in metatags:
        return
    meta = context.get("meta") or {}
    description = meta.get("description")
    if not description:
        # The first paragraph of the page, as plain text.
        found = re.search(r"<p>(.*?)</p>", body, flags=re.S)
        description = re.sub(r"<[^>]+>", "", found.group(1)) if found else context.get("title", "")
        description = html.unescape(" ".join(description.split()))
    if len(description) > 160:
        description = description[:157].rsplit(" ", 1)[0] + "…"
    context["metatags"] = metatags + f'\n    <meta name="description" content="{html.escape(description)}" />'


def _write_bundle(app: Sphinx, exception: Exception | None) -> None:
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
    _refresh_static(app, static)
    _patch_theme_script(static)
    _publish_data(Path(app.confdir) / "data", Path(app.outdir) / "data")
    write_text_index(Path(app.outdir), app.env.found_docs)
    # After the pages (it reads them) and after the theme's and myst-nb's own
    # build-finished handlers, which write pygments.css and mystnb.css.
    outdir = Path(app.outdir)
    # No page rewritten in this build: the stylesheets are the last build's.
    parts = getattr(app, "booktools_stylesheet_parts", None) or bundle_parts(outdir / STYLESHEET_BUNDLE)
    write_lean_assets(outdir, [part.replace(LEAN + ".css", ".css") for part in parts if part.endswith(LEAN + ".css")])
    if parts:
        write_stylesheet_bundle(outdir, parts)


# pydata-sphinx-theme makes scrollable regions (code, outputs, tables)
# focusable: once the page has loaded, it reads each one's scroll size. For
# code inside a closed <details> (the book's collapsed cells) that read forces
# the browser to lay out the hidden code: 4 to 10 ms a block in Chromium on
# this project's 2-core machine, some 70 of the 100 ms the theme's script ran
# for on chapter 5, which Lighthouse's simulated phone counted as 200 ms of
# blocked main thread. The copy the pages load skips regions
# in a closed <details> (they cannot take focus while closed); book.js
# measures them when a reader opens one. Written for pydata-sphinx-theme
# 0.17.1 (requirements.txt): if the theme's code changes, the build stops here.
THEME_SCRIPT = "scripts/pydata-sphinx-theme.js"
PATCHED_THEME_SCRIPT = "scripts/pydata-sphinx-theme.book.js"
THEME_PATCH = (
    "e.tabIndex=e.scrollWidth>e.clientWidth||e.scrollHeight>e.clientHeight?0:-1",
    'e.tabIndex=!e.closest("details:not([open])")&&(e.scrollWidth>e.clientWidth||e.scrollHeight>e.clientHeight)?0:-1',
)


def _patch_theme_script(static: Path) -> None:
    source = static / THEME_SCRIPT
    text = source.read_text(encoding="utf-8")
    old, new = THEME_PATCH
    if text.count(old) != 1:
        raise RuntimeError(
            f"{source}: pydata-sphinx-theme's scrollable-region code is not the one booktools/sphinx.py "
            f"patches (THEME_PATCH); update the patch for this theme version, or drop it and load {THEME_SCRIPT}"
        )
    patched = text.replace(old, new)
    target = static / PATCHED_THEME_SCRIPT
    if not target.exists() or target.read_text(encoding="utf-8") != patched:
        target.write_text(patched, encoding="utf-8")


def _refresh_static(app: Sphinx, static: Path) -> None:
    """Sphinx copies html_static_path only when some page is out of date, so an
    edit to book.css alone would never reach the site; copy what changed."""
    for folder in app.config.html_static_path:
        source = Path(app.confdir) / folder
        for path in source.rglob("*"):
            if path.is_file():
                copy = static / path.relative_to(source)
                if not copy.exists() or copy.read_bytes() != path.read_bytes():
                    copy.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(path, copy)


def _publish_data(source: Path, target: Path) -> None:
    """Copy the CSVs and their descriptor into the site, so that every chart's
    data and the Data page's downloads are one click away, offline too."""
    target.mkdir(parents=True, exist_ok=True)
    for path in sorted(source.glob("*.csv")) + [source / "datapackage.json"]:
        copy = target / path.name
        if not copy.exists() or copy.read_bytes() != path.read_bytes():
            shutil.copyfile(path, copy)


def _register_bibliography_style() -> None:
    """`bookstyle`: pybtex's unsrt style without its sentence-casing of titles
    (which turned "North Korea" into "north korea"), keeping the URL and the
    date we consulted each source. Each entry is labelled with its citation key,
    the same key the data tables' `source` columns use, so a reader can go from
    a CSV row to its entry on the Sources page."""
    from pybtex.plugin import register_plugin
    from pybtex.style.formatting.unsrt import Style as Unsrt
    from pybtex.style.labels import BaseLabelStyle
    from pybtex.style.template import field, sentence

    class KeyLabels(BaseLabelStyle):
        def format_labels(self, sorted_entries):
            for entry in sorted_entries:
                yield entry.key

    class BookStyle(Unsrt):
        default_label_style = "citation-key"
        default_sorting_style = "author_year_title"

        def format_title(self, e, which_field, as_sentence=True):
            title = field(which_field)
            return sentence[title] if as_sentence else title

    register_plugin("pybtex.style.labels", "citation-key", KeyLabels, force=True)
    register_plugin("pybtex.style.formatting", "bookstyle", BookStyle, force=True)


class DataGlossary(Glossary):
    """The glossary, one entry per row of data/glossary.csv: the definition,
    its citations, and links to related terms. Sorted by term."""

    required_arguments = 0
    has_content = False
    option_spec = {}

    def run(self):
        from booktools.data import DataError, load

        data_dir = Path(self.env.srcdir) / "data"
        self.env.note_dependency(str(data_dir / "glossary.csv"))
        try:
            table = load("glossary", data_dir)
        except DataError as err:
            raise self.error(str(err)) from None
        lines = []
        for row in sorted(table.itertuples(), key=lambda r: r.term.lower()):
            keys = ",".join(k.strip() for k in str(row.source).split(";") if k.strip())
            lines += [row.term, f"   {row.definition} {{cite:p}}`{keys}`"]
            related = [t.strip() for t in str(row.related if isinstance(row.related, str) else "").split(";") if t.strip()]
            if related:
                lines += ["", "   Related: " + ", ".join(f"{{term}}`{t}`" for t in related) + "."]
            lines.append("")
        self.content = StringList(lines, source=str(data_dir / "glossary.csv"))
        self.options["sorted"] = True
        return super().run()


HYPOTHESIS_CLIENT = "https://hypothes.is/embed.js"


def annotation_enabled() -> bool:
    return os.environ.get("BOOK_ANNOTATE", "") == "1"


def _add_annotation(app: Sphinx) -> None:
    """The opt-in Hypothesis switch (see book/seminar/annotation.md)."""
    if annotation_enabled():
        app.add_js_file(HYPOTHESIS_CLIENT, loading_method="async")


def setup(app: Sphinx) -> dict:
    _register_bibliography_style()
    app.connect("builder-inited", _add_annotation)
    app.add_directive("data-glossary", DataGlossary)
    app.connect("config-inited", _key_execution_cache)
    app.connect("builder-inited", _prepare_bundle)
    # Last, so that it sees every asset other handlers add to the page.
    app.connect("html-page-context", _page_context, priority=900)
    # After the theme's and myst-nb's own build-finished handlers, which write
    # pygments.css and mystnb.css, so that the lean copies are made from the final files.
    app.connect("build-finished", _write_bundle, priority=900)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
