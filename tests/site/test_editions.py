"""The student edition of the whole book holds no model answer, quiz answer or
instructor note (issue #18), in any file a reader can open: pages, search
index, `.md` sources, downloadable notebooks.

What counts as answer text is read from the session's default build, in its
HTML (every element marked `answer`, `instructor` or `tag_answer`), not from
the code that removes it: the two would share a blind spot otherwise."""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup

from tests.conftest import build_book, seed_execution_cache

MARKED = re.compile(r"^(answer|instructor|tag_answer)$")
SEARCHED = (".html", ".js", ".md", ".ipynb", ".txt")


def sentences(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"(?<=[.?!])\s+", " ".join(text.split())) if len(part.strip()) >= 40]


def answer_sentences(site) -> dict[str, list[str]]:
    """{page: [sentences of at least 40 characters found only inside answer/instructor
    elements]}: a sentence an answer shares with a page's own text (a ledger note
    an answer's table shows, a caveat it repeats) is not answer text."""
    found, elsewhere = {}, []
    for page in site.pages():
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        texts = []
        for element in soup.find_all(class_=MARKED):
            for title in element.select(".admonition-title"):
                title.decompose()
            texts += sentences(element.get_text(" "))
            element.decompose()
        elsewhere.append(" ".join(soup.get_text(" ").split()))
        if texts:
            found[page.relative_to(site.html).as_posix()] = texts
    rest = "\n".join(elsewhere)
    return {page: only for page, texts in found.items() if (only := [t for t in texts if t not in rest])}


@pytest.fixture(scope="module")
def student(site, tmp_path_factory):
    out = tmp_path_factory.mktemp("student")
    seed_execution_cache(site, out)
    result = build_book(out, env={"BOOK_EDITION": "student"})
    assert result.returncode == 0, f"student edition failed:\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
    return out / "_build" / "html"


def test_the_seminar_pages_mark_their_answers(site):
    pages = answer_sentences(site)
    exercises = [name for name in pages if re.search(r"seminar/exercises-\d\d\.html$", name)]
    assert len(exercises) == 10, f"every chapter's exercise page has marked answers: {sorted(pages)}"
    assert any("assessment" in name for name in pages), "the assessment page marks its instructor notes"


def test_the_student_edition_holds_no_answer_text(site, student):
    answers = answer_sentences(site)
    files = {path: path.read_text(encoding="utf-8", errors="replace")
             for path in student.rglob("*") if path.suffix in SEARCHED and path.is_file()}
    leaks = []
    for page, sentences in answers.items():
        for sentence in sentences:
            for path, text in files.items():
                if sentence in " ".join(text.split()):
                    leaks.append(f"{path.relative_to(student)}: {sentence[:80]!r} (an answer on {page})")
    assert not leaks, "answer text in the student edition:\n" + "\n".join(leaks[:20])
    chapter = (student / "book" / "seminar" / "exercises-01.html").read_text(encoding="utf-8")
    assert "Student edition" in chapter
    assert not re.search(r'class="[^"]*\b(answer|instructor|tag_answer)\b', chapter)


def test_the_student_editions_sources_and_notebooks_hold_no_marked_block(student):
    marked = re.compile(r"^\s*:(class|tags):.*\b(answer|instructor)\b", re.M)
    for path in (student / "_sources").rglob("*"):
        if path.suffix in (".md", ".ipynb"):
            text = path.read_text(encoding="utf-8")
            assert not marked.search(text), f"{path.relative_to(student)} keeps a marked block"
            assert '"answer"' not in text or path.suffix == ".md", f"{path.relative_to(student)} keeps an answer cell"


def test_the_student_editions_notebooks_keep_their_outputs(student):
    """The edition takes every output from the main build's cache and executes nothing;
    the notebooks it offers to download still hold their tables and charts."""
    notebook = json.loads((student / "_sources" / "book" / "04-memories.ipynb").read_text(encoding="utf-8"))
    code = [cell for cell in notebook["cells"] if cell["cell_type"] == "code" and not cell["id"].startswith("booktools-")]
    assert code and all(cell["outputs"] for cell in code), [cell["id"] for cell in code if not cell["outputs"]]
    assert any("image/svg+xml" in output.get("data", {}) for cell in code for output in cell["outputs"])
