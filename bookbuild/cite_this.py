"""Cite this chapter: citation metadata and a box with the reference (issue #16).

Every chapter page carries Highwire-style `citation_*` meta tags, which Zotero
and similar tools read to save it properly, and ends with a "Cite this
chapter" box: the reference in author-year form and a BibTeX entry to copy.
Both are made from `CITATION.cff` (the book's own entry: authors, title,
version, date) and the chapter's title. The page's address is given only
where the site's public URL is set (`html.baseurl` in _config.yml).
"""

from __future__ import annotations

import html
from pathlib import Path

from bookbuild.chapters import chapters


def book_citation(root: Path) -> dict:
    import yaml

    cff = yaml.safe_load((root / "CITATION.cff").read_text(encoding="utf-8"))
    authors = [a.get("name") or f"{a.get('family-names', '')}, {a.get('given-names', '')}".strip(", ")
               for a in cff.get("authors", [])]
    return {"title": cff["title"], "authors": authors, "version": str(cff.get("version", "")),
            "date": str(cff.get("date-released", ""))}


def chapter_url(base: str, docname: str) -> str:
    return f"{base.rstrip('/')}/{docname}.html" if base else ""


def meta_tags(book: dict, title: str, url: str) -> str:
    tags = [("citation_title", title), ("citation_inbook_title", book["title"])]
    tags += [("citation_author", author) for author in book["authors"]]
    tags += [("citation_publication_date", book["date"].replace("-", "/"))]
    if url:
        tags.append(("citation_public_url", url))
    return "".join(f'\n    <meta name="{name}" content="{html.escape(value)}" />' for name, value in tags)


def bibtex(book: dict, chapter, title: str, url: str) -> str:
    lines = [
        f"@incollection{{yongbyon-restarts-{chapter.id},",
        f"  author = {{{{{' and '.join(book['authors'])}}}}},",
        f"  title = {{{title}}},",
        f"  booktitle = {{{book['title']}}},",
        f"  year = {{{book['date'][:4]}}},",
        f"  date = {{{book['date']}}},",
        f"  edition = {{{book['version']}}},",
    ]
    if url:
        lines.append(f"  url = {{{url}}},")
    return "\n".join(lines) + "\n}"


def cite_box(book: dict, chapter, title: str, url: str) -> str:
    authors = " and ".join(book["authors"])
    where = f' <a href="{html.escape(url)}">{html.escape(url)}</a>.' if url else ""
    text = (f"{html.escape(authors)} ({html.escape(book['date'][:4])}). “{html.escape(title)}.” In "
            f"<em>{html.escape(book['title'])}</em>, version {html.escape(book['version'])}.{where}")
    return (
        '<aside class="bk-cite-this" aria-labelledby="bk-cite-this-title">'
        '<p class="bk-cite-this-title" id="bk-cite-this-title"><strong>Cite this chapter</strong></p>'
        f"<p>{text}</p>"
        f'<pre class="bk-cite-bibtex" tabindex="0" aria-label="BibTeX entry for this chapter">{html.escape(bibtex(book, chapter, title, url))}</pre>'
        "<p>Cite the article itself separately: Jessica J. Lee, 2021.</p></aside>"
    )


def _page_context(app, pagename, templatename, context, doctree) -> None:
    chapter = next((c for c in chapters(app.confdir) if c.docname == pagename), None)
    if chapter is None or "body" not in context:
        return
    book = book_citation(Path(app.confdir))
    title = app.env.titles[pagename].astext() if pagename in app.env.titles else chapter.title
    url = chapter_url(app.config.html_baseurl, pagename)
    context["metatags"] = context.get("metatags", "") + meta_tags(book, title, url)
    context["body"] += cite_box(book, chapter, title, url)


def setup(app) -> None:
    app.connect("html-page-context", _page_context)
