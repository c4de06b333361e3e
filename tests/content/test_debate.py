"""The debate around the article, as written (issue #15), and links out where
the reader is (issue #16): every chapter argues the case against its passage
with sources, the book cites scholarship and annotates it, and a chapter links
the primary documents it discusses at their own addresses."""

from __future__ import annotations

import re

import pytest

from bookbuild.chapters import chapters
from booktools.bibliography import RECOGNISED, entries, source_hosts, standing
from tests.conftest import ROOT

CHAPTERS = chapters(ROOT)
ALL = entries(ROOT / "book" / "references.bib")
HOSTS = source_hosts(ROOT / "book" / "source-hosts.csv")
CITE = re.compile(r"\{cite(?::\w+)?\}`([^`]+)`")
LINK = re.compile(r"\]\((https?://[^)\s]+)\)")
ARTICLE_HOSTS = {"koreaonpoint.org", "quincyinst.org"}
SCHOOLS = ROOT / "book" / "debate" / "schools.md"
BIBLIOGRAPHY = ROOT / "book" / "reference" / "bibliography.md"


def cited(text: str) -> list[str]:
    return [key.strip() for group in CITE.findall(text) for key in group.split(",")]


def section(text: str, heading: str) -> str:
    found = re.search(rf"^## {re.escape(heading)}\s*$(.*?)(?=^## |\Z)", text, flags=re.M | re.S)
    return found.group(1) if found else ""


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.stem)
def test_every_chapter_argues_the_case_against_with_sources_and_points_to_the_schools(chapter):
    text = chapter.path.read_text(encoding="utf-8")
    case = section(text, "The case against, and the case beyond")
    assert case, f"{chapter.stem}: no 'The case against, and the case beyond' section"
    assert len(set(cited(case))) >= 2, f"{chapter.stem}: the case against cites fewer than two sources"
    assert "debate-schools" in case, f"{chapter.stem}: the case against does not point to the schools of thought"


def test_the_chapters_and_the_debate_cite_scholarship():
    text = "".join(chapter.path.read_text(encoding="utf-8") for chapter in CHAPTERS)
    text += SCHOOLS.read_text(encoding="utf-8")
    scholarship = {key for key in cited(text) if key in ALL and ALL[key].kind == "scholarship"}
    assert len(scholarship) >= 15, f"only {len(scholarship)} works of scholarship cited: {sorted(scholarship)}"


def test_the_annotated_bibliography_annotates_at_least_twenty_works():
    text = BIBLIOGRAPHY.read_text(encoding="utf-8")
    works = {key for key in cited(text) if key in ALL and ALL[key].kind == "scholarship"}
    assert len(works) >= 20, f"{len(works)} works of scholarship in the annotated bibliography"
    words = len(re.sub(r"\{[^}]+\}`[^`]+`", "", text).split())
    assert words >= 20 * 40, f"the annotations are thin: {words} words for {len(works)} works"


def test_the_schools_page_names_each_school_with_exponents_evidence_and_objection():
    text = SCHOOLS.read_text(encoding="utf-8")
    for school in ("Engagement", "Pressure", "Arms control", "South Korea", "Japan"):
        assert re.search(rf"^##+ .*{school}", text, flags=re.M | re.I), f"no section for {school}"
    for part in ("strongest objection", "evidence"):
        assert text.lower().count(part) >= 5, f"the schools page rarely gives its schools' {part}"


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.stem)
def test_a_chapter_links_the_documents_it_discusses_at_their_own_addresses(chapter):
    text = chapter.path.read_text(encoding="utf-8")
    urls = {entry.url: key for key, entry in ALL.items()}
    hosts = set()
    for url in LINK.findall(text):
        host = re.sub(r"^www\.", "", url.split("/")[2])
        if host in ARTICLE_HOSTS:
            continue
        assert url in urls, f"{chapter.stem}: {url} is not the address of an entry in references.bib"
        assert standing(ALL[urls[url]].host, HOSTS) in RECOGNISED, f"{chapter.stem}: {url} is not a recognised host"
        hosts.add(host)
    assert len(hosts) >= 3, f"{chapter.stem} links out to {sorted(hosts)} only"
