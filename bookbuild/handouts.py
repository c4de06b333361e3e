"""`make pdf`: printable seminar handouts, offline, from the built HTML book.

For every chapter, a one-to-few-page handout: the chapter's title and opening,
the article passage(s), the key chart (its static SVG, so it prints as vectors
and its text stays selectable), the "Check the claim" box, the discussion
questions, and the sources the chapter cites (copied from the Sources page).
The instructor guide and the role-play are printed whole; each team's
role-play brief and each exercise page's no-code sheet are printed on their
own (bookbuild.sheets). Each handout is written as HTML next to
its PDF in `_build/html/handouts/`, so the seminar pages' links work on the
served book too, and printed by Debian's Chromium through Playwright, with the
book's title, the chapter and the page number on every page.

    python -m bookbuild.handouts [_build/html]
"""

from __future__ import annotations

import copy
import html
import re
import sys
from pathlib import Path

from bs4 import BeautifulSoup

from bookbuild.chromium import launch
from bookbuild import sheets
from bookbuild.chapters import PROJECT, chapters, toc_files

WHOLE_PAGES = {  # seminar pages printed whole: source page -> PDF name, running title
    "book/seminar/guide.html": ("instructor-guide.pdf", "Instructor guide"),
    "book/seminar/role-play.html": ("role-play.pdf", "Role-play"),
}

PALETTE_CSS = "_static/book-palette.css"   # the chart colours, as the build wrote them


def book_title(root: Path) -> str:
    import yaml

    return yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))["title"]


def styles(site: Path) -> str:
    """The handout stylesheet, after the book's colours (the build's palette file)."""
    palette = site / PALETTE_CSS
    if not palette.is_file():
        raise SystemExit(f"{palette} is missing: build the book first (make book)")
    return palette.read_text(encoding="utf-8") + CSS


CSS = """
@page { size: A4; margin: 18mm 16mm 18mm 16mm; }
body { font-family: Georgia, 'Times New Roman', serif; font-size: 10.5pt; line-height: 1.4; color: #111; }
h1 { font-size: 17pt; margin: 0 0 4pt; } h2 { font-size: 12.5pt; margin: 12pt 0 4pt; border-bottom: 1px solid #999; }
.kicker { font-family: system-ui, sans-serif; font-size: 8.5pt; color: #444; text-transform: uppercase; letter-spacing: .04em; }
.credit { font-size: 9pt; color: #333; border-left: 3px solid #999; padding-left: 6pt; }
.article-passage { border-left: 4px solid var(--bk-primary); background: #f3f3f3; padding: 6pt 9pt; margin: 6pt 0; }
.paragraph-number { font-weight: bold; color: #111; text-decoration: none; margin-right: 4pt; }
figure { margin: 6pt 0; break-inside: avoid; } figure svg { max-width: 100%; height: auto; }
.check-claim { border: 1px solid #888; padding: 4pt 9pt; break-inside: avoid; }
.sources { font-size: 8.5pt; } .sources li { margin-bottom: 2pt; word-break: break-word; }
a { color: #111; }
.note { font-size: 8.5pt; color: #444; }
.admonition { border: 1px solid #999; padding: 3pt 9pt; margin: 6pt 0; break-inside: avoid; }
.admonition-title { font-weight: bold; margin: 2pt 0; }
table { border-collapse: collapse; font-size: 9.5pt; } th, td { border: 1px solid #999; padding: 2pt 5pt; text-align: left; }
"""


def chapter_pages(site: Path, root: Path | None = None) -> list[Path]:
    """The built page of every chapter the table of contents names."""
    return [site / f"{chapter.docname}.html" for chapter in chapters(root)]


def _text(node) -> str:
    return " ".join(node.get_text(" ").split()) if node else ""


def _clean(node):
    """A copy of a fragment with links made plain text-friendly and buttons dropped."""
    node = copy.copy(node)
    for drop in node.select("button, .headerlink, script, .bk-chart-live, .bk-chart-data"):
        drop.decompose()
    return node


def _sources(page: BeautifulSoup, site: Path) -> list[str]:
    """The entries of the Sources page that this page cites, in citation order."""
    sources_path = site / "book" / "reference" / "sources.html"
    sources = BeautifulSoup(sources_path.read_text(encoding="utf-8"), "html.parser")
    seen, items = set(), []
    for link in page.select('a[href*="sources.html#"]'):
        anchor = link["href"].split("#", 1)[1]
        if anchor in seen:
            continue
        seen.add(anchor)
        entry = sources.find(id=anchor)
        if entry is None:
            continue
        label = _text(entry.select_one(".label")).strip("[] ")
        body = _text(entry.find("p"))
        items.append(f"<li><strong>{html.escape(label)}</strong> {html.escape(body)}</li>")
    return items


def _static_picture(chart, page_path: Path) -> str:
    """The chart's static SVG: inline in the page, or (when large) the file its
    <img> shows, read in so that the handout stays one self-contained file."""
    svg = chart.select_one(".bk-chart-static svg")
    if svg is not None:
        return str(svg)
    img = chart.select_one(".bk-chart-static img")
    if img is None:
        raise ValueError(f"{page_path}: chart {chart.get('id')} has no static picture")
    return (page_path.parent / img["src"]).read_text(encoding="utf-8")


def chapter_handout(page_path: Path, site: Path, title_of_book: str) -> str:
    page = BeautifulSoup(page_path.read_text(encoding="utf-8"), "html.parser")
    article = page.select_one("article.bd-article") or page
    title = _text(article.find("h1")).replace("#", "").strip()
    opening = article.find("p")
    credit = article.select_one(".article-credit")
    passages = article.select("div.article-passage")
    chart = article.select_one("figure.bk-chart")
    check = article.select_one(".check-claim")
    questions = next(
        (box for box in article.select("div.admonition") if "Discussion questions" in _text(box.select_one(".admonition-title"))),
        None,
    )
    parts = [
        f'<p class="kicker">{html.escape(title_of_book)} · seminar handout</p>',
        f"<h1>{html.escape(title)}</h1>",
        str(_clean(opening)) if opening else "",
    ]
    if credit:
        parts.append(f'<div class="credit">{_clean(credit).decode_contents()}</div>')
    if passages:
        parts.append("<h2>The passage</h2>")
        parts += [str(_clean(p)) for p in passages]
    if chart:
        parts.append(f'<h2>The key chart</h2><figure class="bk-chart">{_static_picture(chart, page_path)}</figure>')
        parts.append(f'<p class="note">The interactive version and the rows behind it: {html.escape(page_path.name)} in the book.</p>')
    if check:
        parts.append(f'<h2>Check the claim</h2><div class="check-claim">{_clean(check).decode_contents()}</div>')
    if questions:
        body = _clean(questions)
        title_node = body.select_one(".admonition-title")
        if title_node:
            title_node.decompose()
        parts.append(f"<h2>Discussion questions</h2>{body.decode_contents()}")
    sources = _sources(article, site)
    if sources:
        parts.append(f'<h2>Sources cited in this chapter</h2><ol class="sources">{"".join(sources)}</ol>')
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)} (handout)</title>'
        f"<style>{styles(site)}</style></head><body>{''.join(parts)}</body></html>"
    )


def sheet(kicker: str, title: str, body: str, site: Path) -> str:
    """A seminar sheet (a team's brief, a no-code exercise sheet) as one HTML file."""
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f"<style>{styles(site)}</style></head><body>"
        f'<p class="kicker">{html.escape(kicker)}</p><h1>{html.escape(title)}</h1>{body}</body></html>'
    )


def seminar_sheets(site: Path, title_of_book: str, root: Path) -> list[tuple[Path, Path, str]]:
    """Write each team's brief and each no-code sheet as HTML; [(html, pdf, running title)]."""
    out, jobs = site / "handouts", []
    for pdf, team, body in sheets.team_briefs(site):
        title = f"Role-play brief: {team}"
        source = out / pdf.replace(".pdf", ".html")
        source.write_text(sheet(f"{title_of_book} · role-play", title, body, site), encoding="utf-8")
        jobs.append((source, out / pdf, title))
    for docname in sheets.no_code_pages(toc_files(root), root):
        page = site / f"{docname}.html"
        heading = _text(BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find("h1")).replace("#", "").strip()
        title = f"{heading}: without code"
        pdf = sheets.no_code_pdf(page.stem)
        source = out / pdf.replace(".pdf", ".html")
        source.write_text(sheet(f"{title_of_book} · no-code exercises", title, sheets.no_code_sheet(page), site),
                          encoding="utf-8")
        jobs.append((source, out / pdf, title))
    return jobs


def _header(title_of_book: str, chapter: str) -> str:
    style = "font-family: system-ui, sans-serif; font-size: 8px; color: #555; width: 100%; padding: 0 16mm;"
    return f'<div style="{style}">{html.escape(title_of_book)} · {html.escape(chapter)}</div>'


def _footer() -> str:
    style = "font-family: system-ui, sans-serif; font-size: 8px; color: #555; width: 100%; text-align: right; padding: 0 16mm;"
    return f'<div style="{style}">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>'


def make_handouts(site: Path, browser=None, root: Path = PROJECT) -> list[Path]:
    """Write handouts/<chapter>.html and .pdf for every chapter, PDFs of the
    instructor guide and the role-play, and the seminar sheets. `browser`: a running Playwright Chromium
    to print with (the tests pass theirs); by default Debian's Chromium is started."""
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            chromium = launch(playwright)
            try:
                return make_handouts(site, chromium, root)
            finally:
                chromium.close()
    title_of_book = book_title(root)
    out = site / "handouts"
    out.mkdir(exist_ok=True)
    jobs = []
    for page_path in chapter_pages(site, root):
        target = out / f"{page_path.stem}.html"
        target.write_text(chapter_handout(page_path, site, title_of_book), encoding="utf-8")
        title = _text(BeautifulSoup(page_path.read_text(encoding="utf-8"), "html.parser").find("h1")).replace("#", "")
        jobs.append((target, out / f"{page_path.stem}.pdf", title.strip(), False))
    for page_name, (pdf_name, title) in WHOLE_PAGES.items():
        if (site / page_name).exists():
            jobs.append((site / page_name, out / pdf_name, title, True))
    jobs += [(source, pdf, title, False) for source, pdf, title in seminar_sheets(site, title_of_book, root)]
    return [print_pdf(browser, source, pdf, _header(title_of_book, chapter), whole_page)
            for source, pdf, chapter, whole_page in jobs]


def print_pdf(browser, source: Path, pdf: Path, header: str, print_media: bool) -> Path:
    """Print one local HTML file to PDF, with nothing fetched from the network."""
    context = browser.new_context()
    context.route(re.compile(r"^https?://"), lambda route: route.abort())
    page = context.new_page()
    page.goto(source.resolve().as_uri(), wait_until="load")
    if print_media:
        page.emulate_media(media="print")
    page.pdf(
        path=str(pdf), format="A4", print_background=True, display_header_footer=True,
        header_template=header, footer_template=_footer(),
        margin={"top": "18mm", "bottom": "18mm", "left": "14mm", "right": "14mm"},
    )
    context.close()
    return pdf


def main(argv: list[str]) -> None:
    site = Path(argv[1] if len(argv) > 1 else "_build/html").resolve()
    if not (site / "book").exists():
        raise SystemExit(f"no built book at {site}: run `make book` first")
    for pdf in make_handouts(site):
        print(f"{pdf.relative_to(site.parent.parent) if site.parent.parent in pdf.parents else pdf}  {pdf.stat().st_size:,d} bytes")


if __name__ == "__main__":
    main(sys.argv)
