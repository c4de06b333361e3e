"""`make pdf`: one printable handout per chapter and one for the instructor guide,
one role-play brief per team and one no-code sheet per exercise page, made
offline from the built book. Each PDF has pages, the chapter's opening
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
from bookbuild.sheets import ROLE_PLAY, brief_pdf, briefs_in_source, no_code_pdf
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


def test_each_team_gets_its_own_brief_and_no_other(handouts):
    site, written = handouts
    teams = briefs_in_source((ROOT / f"{ROLE_PLAY}.md").read_text(encoding="utf-8"))
    assert len(teams) >= 5, "the role-play names its teams' briefs"
    for slug, name in teams:
        pdf = site / "handouts" / brief_pdf(slug)
        assert pdf in written, f"no brief for {name}"
        text = pdf_text(pdf)
        assert f"Brief: {normalise(name)}" in text, f"{pdf.name} lacks its own brief"
        assert "The scenario" in text and "decision sheet" in text.lower(), f"{pdf.name} lacks the shared sections"
        others = [other for _, other in teams if other != name]
        assert not [other for other in others if f"Brief: {normalise(other)}" in text], f"{pdf.name} holds another team's brief"


def answer_texts(page: BeautifulSoup) -> list[str]:
    texts = []
    for element in page.select(".answer, .instructor, .tag_answer"):
        for title in element.select(".admonition-title"):
            title.decompose()
        texts += [part for part in re.split(r"(?<=[.?!])\s+", normalise(element.get_text(" "))) if len(part) >= 40]
    return texts


def test_every_exercise_page_prints_a_no_code_sheet_without_its_answers(handouts):
    site, written = handouts
    pages = sorted((site / "book" / "seminar").glob("exercises-??.html"))
    assert len(pages) == 10
    for page in pages:
        pdf = site / "handouts" / no_code_pdf(page.stem)
        assert pdf in written, f"no no-code sheet for {page.name}"
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        block = soup.select_one("div.no-code")
        text = " ".join(pdf_text(pdf).split())
        first = " ".join(normalise(block.find("p").get_text(" ")).split()[:6])
        assert first in text, f"{pdf.name}: the no-code exercise ({first}...) is missing"
        leaks = [answer for answer in answer_texts(soup) if answer in text]
        assert not leaks, f"{pdf.name} prints an answer: {leaks[0][:80]}"
