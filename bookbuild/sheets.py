"""The seminar's sheets for `make pdf` (issue #18): one role-play brief per team
and one no-code exercise sheet per exercise page.

A team's brief holds what every team needs (the scenario, the rules, the
options, the decision sheet) and its own brief only, so that no team reads
another's. A no-code sheet holds a page's exercises that need only a
spreadsheet or the book. Neither ever holds a model answer, an instructor
note or later material, whatever the edition. The pages mark what goes in:

* role-play: each team's section is labelled `(brief-<team>)=` before its
  `## Brief: <Team>` heading;
* exercises-NN: each no-code exercise is a `{div} no-code` block.

The names of the PDFs are given here once, for the printer (bookbuild.handouts)
and for the seminar's list of handouts (bookbuild.toc_pages).
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

from bs4 import BeautifulSoup

ROLE_PLAY = "book/seminar/role-play"
EXERCISES = re.compile(r"^book/seminar/(exercises-\d\d)$")
SHARED = ("The scenario", "Rules", "The options on the table", "The decision sheet")
BRIEF_LABEL = re.compile(r"^\(brief-([\w-]+)\)=\s*\n#+\s*Brief:\s*(.+)$", re.M)
NEVER_PRINTED = ".answer, .instructor, .tag_answer, .later, .edition-note, button, .headerlink, script"


def brief_pdf(team: str) -> str:
    return f"role-play-brief-{team}.pdf"


def no_code_pdf(stem: str) -> str:
    return f"{stem}-no-code.pdf"


def briefs_in_source(text: str) -> list[tuple[str, str]]:
    """[(team slug, team name)] from the role-play's MyST source."""
    return [(slug, name.strip()) for slug, name in BRIEF_LABEL.findall(text)]


def no_code_pages(docnames: list[str], srcdir: Path) -> list[str]:
    """The exercise pages, among these toc entries, that hold no-code exercises."""
    return [name for name in docnames if EXERCISES.match(name)
            and "{div} no-code" in (srcdir / f"{name}.md").read_text(encoding="utf-8")]


def _text(node) -> str:
    return " ".join(node.get_text(" ").split()) if node else ""


def _printable(node):
    node = copy.copy(node)
    for drop in node.select(NEVER_PRINTED):
        drop.decompose()
    return node


def _article(path: Path) -> BeautifulSoup:
    page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return page.select_one("article.bd-article") or page


def _heading(section) -> str:
    return _text(section.find(re.compile(r"^h[1-6]$"))).replace("#", "").strip()


def team_briefs(site: Path) -> list[tuple[str, str, str]]:
    """[(PDF name, team name, body HTML)] for each team's brief."""
    path = site / f"{ROLE_PLAY}.html"
    if not path.is_file():
        return []
    article = _article(path)
    sections = article.select("section")
    shared = [_printable(section) for section in sections if _heading(section) in SHARED]
    found = []
    for section in sections:
        # the MyST label, `(brief-<team>)=`, before the id Sphinx makes from the heading
        ids = [span.get("id", "") for span in section.find_all("span", recursive=False)] + [section.get("id", "")]
        slug = next((name.removeprefix("brief-") for name in ids if name.startswith("brief-")), None)
        if slug is None:
            continue
        team = _heading(section).removeprefix("Brief:").strip()
        body = "".join(str(part) for part in shared) + str(_printable(section))
        found.append((brief_pdf(slug), team, body))
    return found


def no_code_sheet(path: Path) -> str:
    """The body HTML of one exercise page's no-code sheet: each exercise's title and its no-code version."""
    article = _article(path)
    parts = []
    for block in article.select("div.no-code"):
        section = block.find_parent("section")
        exercise = section.find_previous_sibling("section") if section is not None else None
        title = _heading(exercise) if exercise is not None else "Exercise"
        parts.append(f"<h2>{title}</h2>{_printable(block).decode_contents()}")
    return "".join(parts)
