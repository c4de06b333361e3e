"""The book's build: the Sphinx extension and the tools that run after it.

Registered in `_config.yml` (`sphinx.extra_extensions: [bookbuild]`). `setup()`
only wires the named modules, each of which owns one job:

* `cache`          the execution cache, keyed by what notebooks import and read
* `chart_assets`   the local vega bundle and the chart loader on chart pages
* `chart_output`   chart outputs to figures (a myst-nb MIME renderer plugin)
* `fast_assets`    the speed layer for phones, behind one switch
* `theme_fixes`    small repairs to what the theme and extensions write
* `bibliography`   author-year citations and the Sources page's entry style
* `cards`          the reference cards' contents (sources, terms, claims, pages)
* `cite_this`      citation metadata and a Cite-this box on every chapter
* `glossary`       the glossary, from data/glossary.csv
* `toc_pages`      chapter links and lists, from _toc.yml
* `notebooks`      executed notebooks to download, beside each page's source
* `search`         search excerpts that work from file://
* `static`         static files and data published with every build
* `publishing`     the public address: canonical links and a sitemap, when one is set
* `annotation`     the opt-in Hypothesis client
* `editions`       the student and instructor editions of the seminar kit

`handouts` (make pdf) and `serve` (make serve) run after a build; `chromium`
is where the browser and its flags are named once.
"""

from __future__ import annotations


def setup(app) -> dict:
    from bookbuild import (
        annotation, bibliography, cache, cards, chart_assets, chart_output, cite_this, editions, fast_assets,
        glossary, notebooks, publishing, search, static, theme_fixes, toc_pages,
    )

    modules = (cache, chart_assets, chart_output, fast_assets, theme_fixes, bibliography, cards, cite_this, glossary,
               toc_pages, notebooks, publishing, search, static, annotation, editions)
    for module in modules:
        module.setup(app)
    return {"version": "0.3", "parallel_read_safe": True, "parallel_write_safe": True}
