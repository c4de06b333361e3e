"""The handed-out zip, unzipped anywhere: the book opens from file:// with its
charts live and nothing asked of the network."""

from __future__ import annotations

import zipfile

from bookbuild import dist
from tests.browser.walk import visit_page


def test_unzipped_the_book_draws_live_charts_from_file_urls_offline(site, browser, tmp_path):
    archive = dist.make_dist(site.html, tmp_path / "out", allow_dirty=True)
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(tmp_path / "unzipped")
    top = next((tmp_path / "unzipped").iterdir())
    base = (top / "site").as_uri()
    for page in ("book/05-keyhole.html", "book/01-reactor.html"):
        result = visit_page(browser, base, page, 1280, False)
        assert result.charts and all(chart["live"] for chart in result.charts), page
        assert not result.outside, result.outside
        assert not result.problems, result.problems
