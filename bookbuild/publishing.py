"""The book's public address, in one setting: `html.baseurl` in _config.yml.

Where it is set (a fork published on GitHub Pages sets it to its Pages
address), every page gets a canonical link (Sphinx does this from
html_baseurl), the site a sitemap (sphinx-sitemap, `sitemap.xml`), and every
chapter's citation metadata its public address (bookbuild.cite_this). Where
it is not set, none of these is written, so nothing points nowhere.
"""

from __future__ import annotations


def base_url(app) -> str:
    config = app.config
    return str(config.overrides.get("html_baseurl") or config._raw_config.get("html_baseurl") or "")


def setup(app) -> None:
    if base_url(app):
        app.setup_extension("sphinx_sitemap")
        app.config.sitemap_url_scheme = "{link}"
