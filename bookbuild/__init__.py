"""The book's build: the Sphinx extension and the tools that run after it.

Registered in `_config.yml` (`sphinx.extra_extensions: [bookbuild]`). `setup()`
only wires the named modules, each of which owns one job:

* `cache`          the execution cache, keyed by what notebooks import and read
* `chart_assets`   the local vega bundle and the chart loader on chart pages
* `chart_output`   chart outputs to figures (a myst-nb MIME renderer plugin)
* `fast_assets`    the speed layer for phones, behind one switch
* `theme_fixes`    small repairs to what the theme and extensions write
* `bibliography`   author-year citations and the Sources page's entry style
* `glossary`       the glossary, from data/glossary.csv
* `toc_pages`      chapter links and lists, from _toc.yml
* `search`         search excerpts that work from file://
* `static`         static files and data published with every build
* `annotation`     the opt-in Hypothesis client

`handouts` (make pdf) and `serve` (make serve) run after a build; `chromium`
is where the browser and its flags are named once.
"""

from __future__ import annotations


def setup(app) -> dict:
    from bookbuild import (
        annotation, bibliography, cache, chart_assets, chart_output, fast_assets, glossary, search, static, theme_fixes, toc_pages,
    )

    for module in (cache, chart_assets, chart_output, fast_assets, theme_fixes, bibliography, glossary, toc_pages, search, static,
                   annotation):
        module.setup(app)
    return {"version": "0.3", "parallel_read_safe": True, "parallel_write_safe": True}
