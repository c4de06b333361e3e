"""`make book-pdf`: the whole book as one PDF, offline: title page, contents
with page numbers, all ten passages, charts as vector text, the ledger and
the sources, internal links."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zlib

import pytest

from bookbuild.book_pdf import make_book_pdf
from tests.content.test_text import article_paragraphs, normalise


@pytest.fixture(scope="module")
def book_pdf(site, tmp_path_factory):
    if shutil.which("pdftotext") is None:
        message = "pdftotext is missing: install poppler-utils"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    pdf, refused = make_book_pdf(site.html, tmp_path_factory.mktemp("pdf") / "book.pdf")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return pdf, refused, normalise(text)


def test_the_pdf_is_a_whole_book_made_offline(book_pdf):
    pdf, refused, text = book_pdf
    pages = int(re.search(r"^Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout, re.M).group(1))
    assert pages >= 60, pages
    assert refused == [], refused
    assert "Contents" in text and re.search(r"1\. The reactor restarts[ .]+\d+", text)


def test_every_passage_of_the_article_is_in_it_as_text(book_pdf):
    text = book_pdf[2].replace("-\n", "").replace("\n", " ")
    for paragraph in article_paragraphs():
        opening = " ".join(normalise(paragraph).split()[:7])
        assert opening in " ".join(text.split()), opening


def test_charts_are_vector_text_and_the_reference_pages_are_there(book_pdf, site):
    text = " ".join(book_pdf[2].split())
    assert "Idle from December 2018, running again from July 2021" in text  # chapter 1's first chart title
    for heading in ("Claims ledger", "Timeline", "Glossary", "Sources"):
        assert heading in text
    assert "(IAEA 2021)" in text


def test_internal_links_work_in_the_pdf(book_pdf):
    """Links are annotations pointing at named destinations (the book's anchors)."""
    pdf = book_pdf[0]
    destinations = subprocess.run(["pdfinfo", "-dests", str(pdf)], capture_output=True, text=True).stdout
    assert '"book-01-reactor"' in destinations and '"book-reference-sources--cite-iaea-2021-gov-2021-40"' in destinations
    links = 0
    for stream in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf.read_bytes(), re.S):
        try:
            links += zlib.decompress(stream.group(1)).count(b"/Link")
        except zlib.error:
            continue
    assert links >= 500, links
