"""`make pdf`: one printable handout per chapter and one for the instructor guide,
made offline from the built book. Each PDF has pages, the chapter's opening
words of the article (or of the chapter), its key chart as vectors or an
image, and the book's title and page numbers in its margins."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest
from bs4 import BeautifulSoup

from bookbuild.handouts import book_title, chapter_pages, make_handouts
from tests.conftest import ROOT
from tests.content.test_text import normalise


@pytest.fixture(scope="module")
def handouts(site, browser, tmp_path_factory):
    if shutil.which("pdftotext") is None:
        message = "pdftotext is missing: install poppler-utils (apt-get install -y poppler-utils)"
        if os.environ.get("CI") == "true":
            pytest.fail(message + " -- under CI=true the handout tests must run")
        pytest.skip(message)
    # A copy of the site, so the handouts never touch what other tests read.
    copy = tmp_path_factory.mktemp("print") / "html"
    shutil.copytree(site.html, copy)
    return copy, make_handouts(copy, browser)


def pdf_text(path) -> str:
    return normalise(subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout)


def pdf_pages(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, flags=re.M).group(1))


def first_words(page_html: str) -> str:
    soup = BeautifulSoup(page_html, "html.parser")
    passage = soup.select_one("div.article-passage p") or soup.select_one("article p")
    text = normalise(passage.get_text(" "))
    text = re.sub(r"^¶\d+\s*", "", text)
    return " ".join(text.split()[:8])


def test_one_pdf_per_chapter_and_the_guide(handouts):
    site, written = handouts
    names = {p.name for p in written}
    for page in chapter_pages(site):
        assert f"{page.stem}.pdf" in names, f"no handout for {page.name}"
    if (site / "book" / "seminar" / "guide.html").exists():
        assert "instructor-guide.pdf" in names


def test_each_chapter_handout_has_text_chart_and_margins(handouts):
    site, written = handouts
    for page in chapter_pages(site):
        pdf = site / "handouts" / f"{page.stem}.pdf"
        assert pdf_pages(pdf) >= 1, f"{pdf.name} has no pages"
        text = pdf_text(pdf)
        words = first_words(page.read_text(encoding="utf-8"))
        assert words in text, f"{pdf.name}: the opening words {words!r} are not selectable text in the PDF"
        chart = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("figure.bk-chart")
        assert chart is not None, f"{page.name} has no chart to print"
        title_start = " ".join(normalise(chart["data-chart-title"]).split()[:4])
        images = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True).stdout.splitlines()[2:]
        assert title_start in text or images, f"{pdf.name}: the chart ({title_start}...) is neither vector text nor an image"
        assert book_title(ROOT).split(":")[0] in text and "Page 1 of" in text, f"{pdf.name}: no running header or page numbers"


def test_handouts_load_nothing_from_the_network(handouts):
    site, _ = handouts
    for page in (site / "handouts").glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not re.search(r'<(?:script|link|img)[^>]+(?:src|href)="https?://', text), f"{page.name} loads a remote asset"
