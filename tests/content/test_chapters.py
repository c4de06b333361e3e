"""The chapters as files: every toc entry exists, chapters are MyST notebooks a
student can open, their code names colours by role, and the parts other pages
reuse are marked. (They are executed once, by the book build: tests/site.)"""

from __future__ import annotations

import re

import jupytext
import pytest

from bookbuild.chapters import chapters, toc_files
from tests.conftest import ROOT

CHAPTERS = chapters(ROOT)
PAGES = [ROOT / f"{name}.md" for name in toc_files(ROOT)]
NOTEBOOKS = [p for p in PAGES if p.exists() and "format_name: myst" in p.read_text(encoding="utf-8")]
HEX_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}\b|#[0-9A-Fa-f]{3}\b(?![0-9A-Za-z])")


def test_every_toc_entry_exists():
    for path in PAGES:
        assert path.exists(), f"_toc.yml lists {path.relative_to(ROOT)}, which does not exist"


def test_the_toc_names_ten_chapters_in_order():
    assert [c.number for c in CHAPTERS] == [f"{n:02d}" for n in range(1, 11)]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_page_opens_as_a_notebook_with_a_python_kernel(path):
    notebook = jupytext.read(path)
    assert notebook.metadata["kernelspec"]["name"] == "python3"
    assert any(cell.cell_type == "code" for cell in notebook.cells), f"{path.name}: no code cell"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_code_names_colours_by_role_not_by_code(path):
    notebook = jupytext.read(path)
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type == "code":
            found = HEX_COLOUR.findall(cell.source)
            assert not found, f"{path.name}, cell {index}: colour literal {found}; use colour() or category_scale() from booktools"


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.id)
def test_discussion_questions_are_marked_for_the_seminar_pages(chapter):
    text = chapter.path.read_text(encoding="utf-8")
    block = re.search(r"% questions:start\n(.*?)\n% questions:end", text, flags=re.S)
    assert block, f"{chapter.path.name}: no '% questions:start' ... '% questions:end' block"
    assert re.search(r"^1\. ", block.group(1), flags=re.M), f"{chapter.path.name}: the marked block has no numbered question"
    exercises = ROOT / "book" / "seminar" / f"exercises-{chapter.number}.md"
    assert f"{{include}} ../{chapter.stem}.md" in exercises.read_text(encoding="utf-8")


CODE_FENCE = re.compile(r"^(`{3,}).*?^\1\s*$", flags=re.M | re.S)
BARE_DOLLAR = re.compile(r"(?<!\\)\$")


def test_prose_dollar_signs_are_escaped():
    """JupyterLab reads the text between two bare `$` in a Markdown cell as mathematics
    (and so would the book, with MyST's dollarmath, loading MathJax from a CDN):
    write `US\\$539 million`."""
    bare = []
    for path in (p for p in PAGES if p.exists()):
        prose = CODE_FENCE.sub(lambda m: "\n" * m.group(0).count("\n"), path.read_text(encoding="utf-8"))
        bare += [f"{path.relative_to(ROOT)}:{n}" for n, line in enumerate(prose.splitlines(), 1) if BARE_DOLLAR.search(line)]
    assert not bare, f"unescaped $ in prose (write \\$): {bare}"


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.id)
def test_no_hand_written_previous_and_next_links(chapter):
    """The theme's footer links follow _toc.yml; hand-written ones go stale."""
    assert not re.search(r"^Previous: .*Next:", chapter.path.read_text(encoding="utf-8"), flags=re.M)


def test_the_changelog_leads_with_the_version_citation_cff_gives():
    import yaml

    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    first = re.search(r"^## (\S+) \(", (ROOT / "CHANGELOG.md").read_text(encoding="utf-8"), flags=re.M)
    assert first and first.group(1) == str(cff["version"]), "CHANGELOG.md's newest version is not CITATION.cff's"
