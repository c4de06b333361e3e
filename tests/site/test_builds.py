"""The build itself: an honest cache, loud failures, reproducible output.

The session's book (the `site` fixture) is built clean, then again with
nothing changed. The tests that change something build a copy of the project
that starts from the session's execution cache, so a notebook runs again only
if what it depends on changed, which is itself what they check.
"""

from __future__ import annotations

import csv
import io
import re

from tests.conftest import ROOT, build_book, copy_project, executed, seed_execution_cache


def test_rebuild_with_nothing_changed_executes_nothing(site):
    if not site.first_log:
        return  # --built-site: no build to look at
    assert executed(site.first_log) >= 20
    assert executed(site.second_log) == 0, "the no-change rebuild executed notebooks"


def test_a_failing_cell_fails_the_build_naming_chapter_and_cell(site, tmp_path):
    project = copy_project(tmp_path / "project")
    seed_execution_cache(site, tmp_path / "out")
    broken = project / "book" / "01-reactor.md"
    broken.write_text(broken.read_text(encoding="utf-8")
                      + "\n```{code-cell} ipython3\nraise RuntimeError('deliberately broken cell')\n```\n", encoding="utf-8")
    result = build_book(tmp_path / "out", source=project)
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert "01-reactor" in log and "deliberately broken cell" in log
    assert executed(log) == 1, "only the changed chapter should have run"


NEW_CHAPTER = """---
jupytext:
  formats: md:myst
  text_representation:
    extension: .md
    format_name: myst
kernelspec:
  display_name: Python 3
  language: python
  name: python3
---

(ch-extra)=
# 11. An extra chapter

A chapter added to the book.

:::{admonition} Discussion questions
:class: dropdown
% questions:start
1. QUESTION_TEXT
% questions:end
:::

```{code-cell} ipython3
:tags: [remove-input]
from booktools import timeline_entries
timeline_entries("ch11")
```
"""

NEW_EXERCISES = """# Chapter 11: discussion and exercises

```{include} ../11-extra.md
:start-after: "% questions:start"
:end-before: "% questions:end"
```
"""


def _add_chapter(project, question: str) -> None:
    (project / "book" / "11-extra.md").write_text(NEW_CHAPTER.replace("QUESTION_TEXT", question), encoding="utf-8")
    (project / "book" / "seminar" / "exercises-11.md").write_text(NEW_EXERCISES, encoding="utf-8")
    toc = (project / "_toc.yml").read_text(encoding="utf-8")
    toc = toc.replace("      - file: book/10-five-years-on\n", "      - file: book/10-five-years-on\n      - file: book/11-extra\n")
    toc = toc.replace("          - file: book/seminar/exercises-10\n",
                      "          - file: book/seminar/exercises-10\n          - file: book/seminar/exercises-11\n")
    (project / "_toc.yml").write_text(toc, encoding="utf-8")
    events = project / "data" / "events.csv"
    rows = list(csv.reader(io.StringIO(events.read_text(encoding="utf-8"))))
    column = rows[0].index("chapters")
    tagged = next(row for row in rows[1:] if row[0] == "2021-08-27-iaea-reactor-report")
    tagged[column] += ";ch11"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    events.write_text(out.getvalue(), encoding="utf-8")


def test_a_new_chapter_reaches_every_page_that_lists_chapters_without_a_clean_build(site, tmp_path):
    project = copy_project(tmp_path / "project")
    seed_execution_cache(site, tmp_path / "out")
    first = build_book(tmp_path / "out", source=project)
    assert first.returncode == 0, first.stdout[-3000:]
    assert executed(first.stdout) == 0, "the copy should start from the session's cache"
    _add_chapter(project, "Is the first question answerable?")
    second = build_book(tmp_path / "out", source=project)
    assert second.returncode == 0, second.stdout[-3000:] + second.stderr[-3000:]
    html = tmp_path / "out" / "_build" / "html" / "book"
    # Only the notebooks that read the changed table (events) ran again.
    assert 0 < executed(second.stdout) < 20
    handouts = (html / "seminar" / "handouts.html").read_text(encoding="utf-8")
    assert "handouts/11-extra.pdf" in handouts and "11. An extra chapter" in handouts
    assert 'href="exercises-11.html"' in (html / "seminar" / "exercises.html").read_text(encoding="utf-8")
    assert "Is the first question answerable?" in (html / "seminar" / "exercises-11.html").read_text(encoding="utf-8")
    timeline = (html / "reference" / "timeline.html").read_text(encoding="utf-8")
    assert re.search(r'href="\.\./11-extra\.html"><span class="doc">11\. An extra chapter', timeline)
    assert "2021-08-27: IAEA report describes Yongbyon reactor restart" in (html / "11-extra.html").read_text(encoding="utf-8")
    # An edited question reaches the seminar page without a clean build either.
    _edit = project / "book" / "11-extra.md"
    _edit.write_text(_edit.read_text(encoding="utf-8").replace("Is the first question answerable?", "A reworded question?"), encoding="utf-8")
    third = build_book(tmp_path / "out", source=project)
    assert third.returncode == 0
    assert "A reworded question?" in (html / "seminar" / "exercises-11.html").read_text(encoding="utf-8")


# Files whose bytes legitimately differ between two clean builds of one commit.
VOLATILE = {".buildinfo"}  # Sphinx's build fingerprint (hash of config and environment)


def test_two_clean_builds_are_byte_identical(site, tmp_path):
    """A second clean build of the same sources (its notebooks' outputs taken
    from the session's cache) writes the same bytes."""
    seed_execution_cache(site, tmp_path)
    result = build_book(tmp_path)
    assert result.returncode == 0, result.stdout[-3000:]
    other = tmp_path / "_build" / "html"
    ours = {p.relative_to(site.html).as_posix() for p in site.html.rglob("*") if p.is_file()}
    theirs = {p.relative_to(other).as_posix() for p in other.rglob("*") if p.is_file()}
    assert ours == theirs, f"different file sets: {sorted(ours ^ theirs)[:10]}"
    differ = [name for name in sorted(ours) if name not in VOLATILE
              and (site.html / name).read_bytes() != (other / name).read_bytes()]
    assert not differ, f"{len(differ)} files differ between two clean builds: {differ[:15]}"
