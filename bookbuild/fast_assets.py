"""The speed layer for phones (issue #7), behind one switch.

`book_fast_assets` in `_config.yml` (sphinx.config), or BOOK_FAST_ASSETS=0/1 in
the environment, turns all of it on or off; off, the pages are the theme's own.
On:

* one stylesheet per page, `_static/book-styles.css`, joining lean copies of
  the theme's stylesheets (bookbuild.lean: without the rules no page can
  match, and an icon font with only the glyphs the book shows) and book.css,
  so that a phone makes one request, not nine, before its first paint;
* the theme's and extensions' head scripts deferred, except on the search page
  (its scripts depend on each other's order) and documentation_options.js
  (inline lines use it);
* highlighted code without the spans of tokens drawn as plain text
  (bookbuild.code_spans);
* the layout in `templates/fast/`: the scheme applied before the first paint,
  no Font Awesome script, the search index only on the search page, Bootstrap
  and the theme's script started just after the first paint.

Which stylesheets a page links comes from the builder (its CSS files and the
theme's), so a rebuild that writes no page joins the same files.
"""

from __future__ import annotations

import os
from pathlib import Path

from bookbuild.code_spans import use_plain_tokens
from bookbuild.lean import BUNDLE, LEAN, lean_name, write_lean_assets, write_stylesheet_bundle
from bookbuild.theme_fixes import is_thebe

TEMPLATES = Path(__file__).parent / "templates" / "fast"
# pydata-sphinx-theme links theme.css, which only @imports basic.css: linking
# basic.css itself saves the page one round trip before it can paint.
THEME_STYLESHEETS = ["_static/basic.css", "_static/styles/pydata-sphinx-theme.css"]
OWN_STYLESHEETS = {"_static/book.css", "_static/book-palette.css"}
SYNC_SCRIPTS = {"_static/documentation_options.js"}
SEARCH_PAGE = "search"


def enabled(config) -> bool:
    override = os.environ.get("BOOK_FAST_ASSETS")
    if override in ("0", "1"):
        return override == "1"
    return bool(config.book_fast_assets)


def _joinable(css) -> bool:
    filename = str(getattr(css, "filename", css))
    attributes = dict(getattr(css, "attributes", {}))
    plain = set(attributes) <= {"rel", "type", "priority"} and attributes.get("rel", "stylesheet") == "stylesheet"
    return "://" not in filename and plain and filename.endswith(".css")


def bundle_parts(css_files) -> list[str] | None:
    """The files the bundle joins, in cascade order: the theme's, then each
    stylesheet (lean copies, except the book's own); None if one of them
    cannot be joined (from another host, or with a media attribute)."""
    parts = [lean_name(name) for name in THEME_STYLESHEETS]
    for css in sorted(css_files, key=lambda css: getattr(css, "priority", 500)):
        filename = str(getattr(css, "filename", css))
        if filename.endswith("/theme.css") or filename == "_static/styles/theme.css":
            continue  # replaced by THEME_STYLESHEETS
        if not _joinable(css):
            return None
        if not filename.startswith("_static/"):
            filename = "_static/" + filename
        parts.append(filename if filename in OWN_STYLESHEETS else lean_name(filename))
    return parts


def _stylesheet_links(app, context: dict) -> None:
    pathto = context.get("pathto")
    if pathto is None:
        return
    if bundle_parts(context.get("css_files", [])) is not None:
        context["book_stylesheets"] = f'<link rel="stylesheet" href="{pathto(BUNDLE, 1)}" />'


def _defer_scripts(pagename: str, context: dict) -> None:
    from sphinx.builders.html._assets import _JavaScript

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
    context["script_files"] = deferred  # the page's own list, not the builder's


def _page_context(app, pagename, templatename, context, doctree) -> None:
    if enabled(app.config):
        _defer_scripts(pagename, context)
        _stylesheet_links(app, context)


def _templates(app, config) -> None:
    if enabled(config):
        config.templates_path = [str(TEMPLATES), *config.templates_path]


def _highlighter(app) -> None:
    if app.builder.format == "html" and enabled(app.config):
        use_plain_tokens(app)


def _finish(app, exception) -> None:
    if exception is not None or app.builder.format != "html" or not enabled(app.config):
        return
    outdir = Path(app.outdir)
    # The stylesheets pages link: the builder's, less sphinx-thebe's (theme_fixes drops it from every page).
    parts = bundle_parts([css for css in app.builder.css_files if not is_thebe(css)])
    if parts is None:
        return
    write_lean_assets(outdir, [part.replace(LEAN + ".css", ".css") for part in parts if part.endswith(LEAN + ".css")])
    write_stylesheet_bundle(outdir, parts)


def setup(app) -> None:
    app.add_config_value("book_fast_assets", True, "html", [bool])
    app.connect("config-inited", _templates, priority=400)
    app.connect("builder-inited", _highlighter)
    # Last, so that it sees every asset other handlers add to the page.
    app.connect("html-page-context", _page_context, priority=900)
    # After the theme's and myst-nb's own build-finished handlers, which write
    # pygments.css and mystnb.css, so that the lean copies are made from the final files.
    app.connect("build-finished", _finish, priority=900)
