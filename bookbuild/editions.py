"""Editions of the seminar kit (issue #18): default, student, instructor.

Model answers, quiz answers and instructor notes are marked in the pages, not
kept apart: a block with class `answer` or `instructor`
(`:::{admonition} Model answer` / `:class: dropdown answer`) or a code cell
tagged `answer` (a model solution). The edition decides what a reader gets:

* default (`make book`): everything, answers collapsed, as the pages say;
* `student` (`make book EDITION=student`): no answer and no instructor note
  anywhere in the site: not in the pages, the search index, the `.md`
  sources or the notebooks offered for download. A page that lost something
  says so at its top;
* `instructor` (`make book EDITION=instructor`): everything, answers open.

The edition is the `book_edition` setting, from the `BOOK_EDITION`
environment variable the Makefile sets; a change re-reads every page.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from docutils import nodes

EDITIONS = ("", "student", "instructor")
MARKED = frozenset({"answer", "instructor"})
ANSWER_TAG = "answer"
COLLAPSING = ("dropdown",)
NOTES = {
    "student": "Student edition: model answers, quiz answers and instructor notes are not in this edition.",
    "instructor": "Instructor edition: model answers, quiz answers and instructor notes are shown open.",
}

FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>:{3,}|`{3,})\{(?P<name>[\w:-]+)\}.*$")
OPTION = re.compile(r"^[ \t]*:(?P<key>[\w-]+):[ \t]*(?P<value>.*)$")
WORDS = re.compile(r"[\w-]+")


def _marked(options: dict[str, str]) -> bool:
    classes = set(WORDS.findall(options.get("class", "")))
    tags = set(WORDS.findall(options.get("tags", "")))
    return bool(classes & MARKED) or ANSWER_TAG in tags


def _options(lines: list[str], start: int) -> dict[str, str]:
    """The `:key: value` options (or a `---` YAML block) right after a directive's first line."""
    found, index = {}, start
    if index < len(lines) and lines[index].strip() == "---":
        index += 1
        while index < len(lines) and lines[index].strip() != "---":
            key, _, value = lines[index].partition(":")
            found[key.strip()] = value.strip()
            index += 1
        return found
    while index < len(lines) and (match := OPTION.match(lines[index])):
        found[match["key"]] = match["value"]
        index += 1
    return found


def strip_marked(text: str) -> str:
    """MyST text without its answer and instructor blocks (directives with class
    `answer`/`instructor`, code cells tagged `answer`), fences matched by length."""
    lines = text.splitlines(keepends=True)
    kept, index = [], 0
    while index < len(lines):
        match = FENCE.match(lines[index].rstrip("\n"))
        if match and _marked(_options([line.rstrip("\n") for line in lines], index + 1)):
            fence = match["fence"]
            closing = re.compile(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
            end = index + 1
            while end < len(lines) and not closing.match(lines[end].rstrip("\n")):
                end += 1
            index = end + 1
            continue
        kept.append(lines[index])
        index += 1
    return "".join(kept)


def student_notebook(notebook: dict) -> dict:
    """A notebook without model-answer code cells and without answer blocks in its text."""
    cells = []
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") == "code" and ANSWER_TAG in cell.get("metadata", {}).get("tags", []):
            continue
        if cell.get("cell_type") == "markdown":
            source = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
            cell = dict(cell, source=strip_marked(source))
        cells.append(cell)
    return dict(notebook, cells=cells)


def _is_marked(node: nodes.Element) -> bool:
    classes = set(node.get("classes", ()))
    return bool(classes & MARKED) or f"tag_{ANSWER_TAG}" in classes


def _apply(app, doctree) -> None:
    edition = app.config.book_edition
    if not edition:
        return
    found = [node for node in doctree.findall(nodes.Element) if _is_marked(node)]
    if not found:
        return
    for node in found:
        if edition == "student":
            if node.parent is not None:
                node.parent.remove(node)
            continue
        node["classes"] = [name for name in node["classes"] if name not in COLLAPSING]
        if "hide_mode" in node.attributes:  # a hidden model-solution cell is shown open
            del node["hide_mode"]
        if "opened" in node.attributes:
            node["opened"] = True
    notice = nodes.paragraph(text=NOTES[edition], classes=["edition-note"])
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is not None:
        title = next(iter(section.findall(nodes.title)), None)
        section.insert(section.index(title) + 1 if title is not None else 0, notice)


def _strip_downloads(app, exception) -> None:
    """The student edition's `.md` sources and downloadable notebooks lose their answers too.
    Runs after bookbuild.notebooks has written the notebooks (priority 500)."""
    if exception is not None or app.builder.format != "html" or app.config.book_edition != "student":
        return
    sources = Path(app.outdir) / "_sources"
    for path in sorted(sources.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        if (stripped := strip_marked(text)) != text:
            path.write_text(stripped, encoding="utf-8")
    for path in sorted(sources.rglob("*.ipynb")):
        notebook = json.loads(path.read_text(encoding="utf-8"))
        if (stripped := student_notebook(notebook)) != notebook:
            path.write_text(json.dumps(stripped, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def _check(app, config) -> None:
    if config.book_edition not in EDITIONS:
        raise ValueError(f"book_edition (BOOK_EDITION) must be one of student, instructor or empty, "
                         f"not {config.book_edition!r}")


def setup(app) -> None:
    app.add_config_value("book_edition", os.environ.get("BOOK_EDITION", ""), "env")
    app.connect("config-inited", _check)
    app.connect("doctree-read", _apply)
    app.connect("build-finished", _strip_downloads, priority=600)
