"""The apparatus in the built pages (issue #16): author-year labels, links out
to the sources where the reader is, citation metadata and a Cite-this box,
tables without a bare index."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from bookbuild.chapters import chapters
from tests.conftest import ROOT

RAW_KEY = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*-(\d{4}|nd)-[a-z0-9-]+$")
ARTICLE_HOSTS = {"koreaonpoint.org", "quincyinst.org"}


def soup(path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def chapter_pages(site):
    return [(chapter, site.html / f"{chapter.docname}.html") for chapter in chapters(ROOT)]


def test_no_citation_label_is_a_raw_key(site):
    for page in site.content_pages():
        for link in soup(page).select('a[href*="#cite-"]'):
            label = " ".join(link.get_text(" ").split())
            assert not RAW_KEY.match(label.strip("[]() ")), f"{page.name}: citation shown as its key: {label}"


def test_every_reading_chapter_links_out_to_at_least_three_source_hosts(site):
    for chapter, page in chapter_pages(site):
        article = soup(page).select_one("article.bd-article")
        hosts = {urlsplit(a["href"]).hostname.removeprefix("www.") for a in article.select("a[href^='http']")}
        sources = hosts - ARTICLE_HOSTS
        assert len(sources) >= 3, f"{page.name} links out to {sorted(sources)} only"


def test_chapters_carry_citation_metadata_and_a_cite_this_box(site):
    for chapter, page in chapter_pages(site):
        html = soup(page)
        for name in ("citation_title", "citation_author", "citation_publication_date"):
            assert html.find("meta", attrs={"name": name}), f"{page.name} lacks {name}"
        box = html.select_one(".bk-cite-this")
        assert box is not None and "@" in box.get_text(), f"{page.name} lacks the Cite-this box with BibTeX"


def test_chapter_tables_show_no_bare_index(site):
    for chapter, page in chapter_pages(site):
        for table in soup(page).select("article table.dataframe"):
            heads = [th.get_text(strip=True) for th in table.select("tbody tr > th:first-child")]
            named = [th.get_text(strip=True) for th in table.select("thead tr:last-child > th:first-child")]
            counting = heads and all(h.isdigit() and int(h) < 1000 for h in heads) and not any(named) and \
                [int(h) for h in heads] == list(range(int(heads[0]), int(heads[0]) + len(heads)))
            assert not counting, f"{page.name}: a table shows its bare index {heads[:5]}"
