"""Search that works from file:// as well as from a host.

Sphinx's search page lists the pages that match a query, then fetches each
page to show an excerpt around the words found. A browser refuses fetch() on
file:// pages, so a book opened from a folder (a seminar room with no network)
showed bare titles and logged one error per result. The book switches Sphinx's
own excerpts off (`html_show_search_summary = False`, set here) and instead
writes, at the end of the build, the text of every page into one script,
`_static/search-text.js`, which the search page loads by script tag (that works
from file://); `search-excerpts.js` adds the excerpt under each result.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

SEARCH_PAGE = "search"
TEXT_SCRIPT = "search-text.js"
EXCERPT_SCRIPT = "search-excerpts.js"
SKIPPED = {"script", "style", "svg", "noscript", "template", "button"}
# Code, charts (their data tables) and the pilcrows of headings are not prose.
SKIPPED_CLASSES = {"cell_input", "bk-chart", "headerlink", "cell_output"}


class _ArticleText(HTMLParser):
    """The reader-visible text of a page's article (not the navigation)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0          # nesting inside <article class="bd-article">
        self.skipping = 0       # nesting inside an element whose text is not prose
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if self.depth:
            self.depth += 1
            classes = set((dict(attrs).get("class") or "").split())
            if self.skipping or tag in SKIPPED or classes & SKIPPED_CLASSES:
                self.skipping += 1
        elif tag == "article" and "bd-article" in (dict(attrs).get("class") or "").split():
            self.depth = 1

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        if self.depth:
            if self.skipping:
                self.skipping -= 1
            self.depth -= 1

    def handle_data(self, data):
        if self.depth and not self.skipping:
            self.parts.append(data)


def page_text(html_text: str) -> str:
    parser = _ArticleText()
    parser.feed(html_text)
    text = " ".join(" ".join(parser.parts).split())
    return re.sub(r"\s+([.,;:])", r"\1", text)


def write_text_index(outdir: Path, docnames) -> Path:
    """`_static/search-text.js`: docname -> the text of its page."""
    texts = {}
    for docname in sorted(docnames):
        page = outdir / f"{docname}.html"
        if page.exists():
            texts[docname] = page_text(page.read_text(encoding="utf-8"))
    payload = json.dumps(texts, ensure_ascii=False, sort_keys=True, separators=(",", ":")).replace("</", "<\\/")
    target = outdir / "_static" / TEXT_SCRIPT
    text = f"window.bookSearchText = {payload};\n"
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
    return target


def _search_page_scripts(app, pagename, templatename, context, doctree) -> None:
    if pagename == SEARCH_PAGE:
        app.add_js_file(TEXT_SCRIPT)
        app.add_js_file(EXCERPT_SCRIPT)


def _write_index(app, exception) -> None:
    if exception is None and app.builder.format == "html":
        write_text_index(Path(app.outdir), app.env.found_docs)


def _config(app, config) -> None:
    config.html_show_search_summary = False


def setup(app) -> None:
    app.connect("config-inited", _config)
    app.connect("html-page-context", _search_page_scripts)
    app.connect("build-finished", _write_index, priority=500)
