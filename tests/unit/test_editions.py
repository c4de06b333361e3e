"""Editions of the seminar kit (bookbuild.editions): what a student edition
leaves out, what an instructor edition opens. The whole book's student
edition is checked in tests/site/test_editions.py."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import nbformat
import pytest

from bookbuild.editions import strip_marked, student_notebook
from tests.unit.test_extension import build as build_site
from tests.unit.test_extension import first_chapter

FIXTURE = Path(__file__).parent / "fixture_site"

EXERCISE = """---
jupytext:
  text_representation:
    extension: .md
    format_name: myst
kernelspec:
  display_name: Python 3
  language: python
  name: python3
---

# Exercises

Question one: count the launches.

```{code-cell} ipython3
:tags: [hide-cell, answer]
model_solution = "MODEL-SOLUTION-CODE"
```

::::{admonition} Model answer
:class: dropdown answer
MODEL-ANSWER-TEXT, with a nested block:

:::{note}
NESTED-ANSWER-TEXT
:::
::::

:::{admonition} For the instructor
:class: dropdown instructor
INSTRUCTOR-NOTE-TEXT
:::

:::{admonition} A hint for everyone
:class: dropdown
HINT-TEXT
:::

```{code-cell} ipython3
starter = "STARTER-CODE"
```

After the answers: KEPT-TEXT.
"""

HIDDEN = ("MODEL-SOLUTION-CODE", "MODEL-ANSWER-TEXT", "NESTED-ANSWER-TEXT", "INSTRUCTOR-NOTE-TEXT")
KEPT = ("Question one", "HINT-TEXT", "STARTER-CODE", "KEPT-TEXT")


def test_strip_marked_removes_answer_blocks_and_cells_and_keeps_the_rest():
    stripped = strip_marked(EXERCISE)
    for text in HIDDEN:
        assert text not in stripped
    for text in KEPT:
        assert text in stripped
    assert stripped.count("::::") == 0 and stripped.count(":::{admonition}") == 1


def test_strip_marked_reads_yaml_options_and_leaves_unmarked_text_alone():
    yaml_block = "Before.\n\n```{admonition} Answer\n---\nclass: dropdown answer\n---\nSECRET\n```\n\nAfter.\n"
    assert strip_marked(yaml_block) == "Before.\n\n\nAfter.\n"
    assert strip_marked("No blocks here.\n:::{note}\nA note.\n:::\n") == "No blocks here.\n:::{note}\nA note.\n:::\n"


def test_student_notebook_drops_answer_cells_and_answer_text():
    notebook = {"cells": [
        {"cell_type": "markdown", "metadata": {}, "source": "Intro.\n\n:::{admonition} A\n:class: answer\nSECRET\n:::\n"},
        {"cell_type": "code", "metadata": {"tags": ["hide-cell", "answer"]}, "source": "secret = 1", "outputs": []},
        {"cell_type": "code", "metadata": {}, "source": "kept = 1", "outputs": []},
    ]}
    cells = student_notebook(notebook)["cells"]
    assert [cell["source"] for cell in cells] == ["Intro.\n\n", "kept = 1"]


def build(source: Path, out: Path, edition: str) -> str:
    html, warnings = build_site(source, out, book_edition=edition)
    assert "WARNING" not in warnings, warnings
    return (html / "exercise.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    source = tmp_path_factory.mktemp("editions") / "src"
    shutil.copytree(FIXTURE, source)
    nbformat.write(first_chapter(), source / "book" / "01-first.ipynb")
    (source / "exercise.md").write_text(EXERCISE, encoding="utf-8")
    index = source / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("table\n```", "table\nexercise\n```"), encoding="utf-8")
    return source


def test_the_default_edition_keeps_answers_collapsed(book, tmp_path):
    page = build(book, tmp_path / "default", "")
    for text in HIDDEN:
        assert text in page
    assert re.search(r'class="[^"]*\bdropdown\b[^"]*\banswer\b', page)
    assert "edition-note" not in page


def test_the_student_edition_holds_no_answer_anywhere(book, tmp_path):
    out = tmp_path / "student"
    page = build(book, out, "student")
    for text in HIDDEN:
        assert text not in page
    for text in KEPT:
        assert text in page
    assert "Student edition" in page
    site = out / "html"
    source = (site / "_sources" / "exercise.md").read_text(encoding="utf-8")
    index = (site / "searchindex.js").read_text(encoding="utf-8")
    for text in HIDDEN:
        assert text not in source and text.lower() not in index.lower()


def test_the_instructor_edition_opens_every_answer(book, tmp_path):
    page = build(book, tmp_path / "instructor", "instructor")
    for text in HIDDEN:
        assert text in page
    classes = re.findall(r'<div class="([^"]*\badmonition\b[^"]*)"', page)
    assert "answer admonition" in classes and "instructor admonition" in classes, classes
    assert "dropdown admonition" in classes, "a block that is no answer stays as its page wrote it"
    assert "Toggle hidden content" not in page, "the model-solution cell is shown open"
    assert "Instructor edition" in page


def test_an_unknown_edition_is_refused(book, tmp_path):
    with pytest.raises(Exception, match="book_edition"):
        build(book, tmp_path / "bad", "teacher")
