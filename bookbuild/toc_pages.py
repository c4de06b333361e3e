"""Chapter links and lists that follow the table of contents (`_toc.yml`).

Pages that name chapters must not go stale when a chapter is added or
renamed, and must not depend on the execution cache for it. So:

* `{chapter}`ch03`` links to a chapter by its id (the id the data tables use);
  Sphinx resolves it to the chapter's page and current title. Pages built from
  data in notebooks (the timeline, the ledger) write their chapter links this
  way, so their cached outputs never hold a chapter's title or file name.
* The `handout-list` directive lists the printable handout of every chapter
  the toc names, plus the seminar's own PDFs; it is rebuilt whenever
  `_toc.yml` changes.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import Directive
from sphinx import addnodes

from bookbuild import sheets
from bookbuild.chapters import by_id, chapters, toc_files

HANDOUT_EXTRAS = [
    ("instructor-guide.pdf", "Instructor guide"),
    ("role-play.pdf", "Role-play, whole: scenario, rules, every brief and the debrief (for the instructor)"),
]


def _doc_link(target_doc: str, text: str | None, refdoc: str) -> addnodes.pending_xref:
    ref = addnodes.pending_xref(
        "", refdomain="std", reftype="doc", reftarget="/" + target_doc, refexplicit=bool(text),
        refwarn=True, refdoc=refdoc,
    )
    ref += nodes.inline(text or "", text or "")
    return ref


def chapter_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """{chapter}`ch03` (the chapter's title) or {chapter}`3 <ch03>` (the text given)."""
    env = inliner.document.settings.env
    label, _, target = text.partition(" <")
    chapter_id = target.rstrip(">") if target else text
    env.note_dependency(str(Path(env.srcdir) / "_toc.yml"))
    found = by_id(env.srcdir).get(chapter_id.strip())
    if found is None:
        known = ", ".join(by_id(env.srcdir))
        message = inliner.reporter.error(f"no chapter {chapter_id!r} in _toc.yml (known: {known})", line=lineno)
        return [inliner.problematic(rawtext, rawtext, message)], [message]
    return [_doc_link(found.docname, label if target else None, env.docname)], []


class HandoutList(Directive):
    has_content = False

    def run(self):
        env = self.state.document.settings.env
        env.note_dependency(str(Path(env.srcdir) / "_toc.yml"))
        depth = env.docname.count("/")
        prefix = "../" * depth + "handouts/"
        items = nodes.bullet_list(classes=["handout-list"])
        for chapter in chapters(env.srcdir):
            paragraph = nodes.paragraph()
            paragraph += _doc_link(chapter.docname, None, env.docname)
            paragraph += nodes.Text(": ")
            paragraph += nodes.reference("", "handout (PDF)", refuri=f"{prefix}{chapter.stem}.pdf")
            items += nodes.list_item("", paragraph)
        for pdf, title in HANDOUT_EXTRAS:
            items += _pdf_item(prefix + pdf, title)
        role_play = Path(env.srcdir) / f"{sheets.ROLE_PLAY}.md"
        if role_play.is_file():
            env.note_dependency(str(role_play))
            for team, name in sheets.briefs_in_source(role_play.read_text(encoding="utf-8")):
                items += _pdf_item(prefix + sheets.brief_pdf(team), f"Role-play brief for {name} (with the scenario, rules, options and decision sheet)")
        for docname in sheets.no_code_pages(toc_files(env.srcdir), Path(env.srcdir)):
            env.note_dependency(str(Path(env.srcdir) / f"{docname}.md"))
            paragraph = nodes.paragraph()
            paragraph += _doc_link(docname, None, env.docname)
            paragraph += nodes.Text(": ")
            paragraph += nodes.reference("", "exercises without code (PDF)", refuri=prefix + sheets.no_code_pdf(docname.rsplit("/", 1)[-1]))
            items += nodes.list_item("", paragraph)
        return [items]


def _pdf_item(uri: str, title: str) -> nodes.list_item:
    paragraph = nodes.paragraph()
    paragraph += nodes.reference("", f"{title} (PDF)", refuri=uri)
    return nodes.list_item("", paragraph)


def setup(app) -> None:
    app.add_role("chapter", chapter_role)
    app.add_directive("handout-list", HandoutList)
