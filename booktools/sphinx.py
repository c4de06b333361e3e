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
"""

from __future__ import annotations

import hashlib
import html
import os
import re
import shutil
from pathlib import Path

from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.domains.std import Glossary

from booktools.data import PACKAGE_ROOT

BUNDLE_PREFIX = "vega-bundle-"
CHART_MARKER = 'class="bk-chart"'


def inputs_fingerprint(project: Path) -> str:
    """A hash of everything a chapter's outputs depend on besides its own text."""
    digest = hashlib.sha256()
    data = project / "data"
    files = sorted((PACKAGE_ROOT / "booktools").glob("*.py")) + sorted(data.glob("*.csv"))
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


def _page_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    _drop_thebe(context)
    _fix_citation_roles(context)
    body = context.get("body", "")
    if CHART_MARKER in body and hasattr(app, "booktools_bundle"):
        bundle_name, _ = app.booktools_bundle
        app.add_js_file("book-charts.js", loading_method="defer", **{"data-bundle": bundle_name})
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
    _publish_data(Path(app.confdir) / "data", Path(app.outdir) / "data")


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
    app.connect("html-page-context", _page_context)
    app.connect("build-finished", _write_bundle)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
