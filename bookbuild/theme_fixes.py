"""Small repairs to what the theme and the extensions write into pages.

* Jupyter Book 1 always loads sphinx-thebe: its config snippet is added twice
  (a console error, "THEBE_JS_URL has already been declared") and names a
  CDN. This book has no live-code buttons, so its pages carry none of it.
* docutils marks a bibliography `role="list"` but its entries
  `role="doc-biblioentry"`, which no list may hold (axe:
  aria-required-children); the entries are list items.
* Every page gets a meta description: its front matter's, or its first
  paragraph.
"""

from __future__ import annotations

import html
import re

THEBE_SNIPPET = re.compile(r'\s*<script type="text/x-thebe-config">.*?</script>\s*<script>kernelName = [^<]*</script>', re.S)


def is_thebe(asset) -> bool:
    """A script or stylesheet sphinx-thebe adds (by file name, or an inline script's body)."""
    return ("thebe" in str(getattr(asset, "filename", asset) or "").lower()
            or "THEBE" in str(getattr(asset, "attributes", {}).get("body", "")))


def drop_thebe(context: dict) -> None:
    # A new list: the page's list is the builder's own, which must keep what the
    # extensions registered (a rebuild that writes no page reads it: fast_assets).
    for key in ("script_files", "css_files"):
        if key in context:
            context[key] = [asset for asset in context[key] if not is_thebe(asset)]
    if "body" in context:
        context["body"] = THEBE_SNIPPET.sub("", context["body"])


def fix_citation_roles(context: dict) -> None:
    if "citation-list" in context.get("body", ""):
        context["body"] = context["body"].replace('role="doc-biblioentry"', 'role="listitem"')


def add_meta_description(context: dict) -> None:
    metatags = context.get("metatags", "")
    if 'name="description"' in metatags:
        return
    description = (context.get("meta") or {}).get("description")
    if not description:
        found = re.search(r"<p>(.*?)</p>", context.get("body", ""), flags=re.S)
        description = re.sub(r"<[^>]+>", "", found.group(1)) if found else context.get("title", "")
        description = html.unescape(" ".join(description.split()))
    if len(description) > 160:
        description = description[:157].rsplit(" ", 1)[0] + "…"
    context["metatags"] = metatags + f'\n    <meta name="description" content="{html.escape(description)}" />'


def _page_context(app, pagename, templatename, context, doctree) -> None:
    drop_thebe(context)
    fix_citation_roles(context)
    add_meta_description(context)


def setup(app) -> None:
    app.connect("html-page-context", _page_context, priority=850)
