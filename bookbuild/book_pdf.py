"""`make book-pdf`: the whole book as one PDF, `_build/pdf/book.pdf`.

Made from the built HTML book with WeasyPrint (a PDF engine from PyPI, which
lays out paged media: page numbers in the table of contents, running
headers, internal links, bookmarks), offline: it may read files of the built
site and nothing else. The PDF holds a title page with the article's credit,
a table of contents with page numbers, every reading chapter (the passage,
the annotations, the charts as vector drawings with selectable text, the
check-the-claim boxes, the discussion questions open), the schools of
thought, and the reference pages: claims ledger, timeline, glossary,
annotated bibliography and sources. Code is left out; the notebooks hold it.

    python -m bookbuild.book_pdf [_build/html] [_build/pdf/book.pdf]
"""

from __future__ import annotations

import copy
import html
import re
import sys
from pathlib import Path

from bs4 import BeautifulSoup

from bookbuild.chapters import PROJECT, chapters

AFTER_CHAPTERS = ["book/debate/schools", "book/reference/claims", "book/reference/timeline",
                  "book/reference/glossary", "book/reference/bibliography", "book/reference/sources"]
DROP = (".cell_input, details.above-input, details.below-input, script, style, .bk-chart-live, .bk-chart-data, "
        "a.headerlink, button, .bk-cite-this, .bk-later-note, .vega-bindings, .toggle-details__summary, "
        "nav, .prev-next-area, .bk-chart-spec, .bk-chart-spec-narrow")

CSS = """
@page { size: A4; margin: 22mm 18mm 20mm 18mm;
  @top-left { content: "TITLE"; font: 8pt sans-serif; color: #555; }
  @top-right { content: string(chapter); font: 8pt sans-serif; color: #555; }
  @bottom-center { content: counter(page); font: 8pt sans-serif; color: #555; } }
@page :first { @top-left { content: none; } @top-right { content: none; } @bottom-center { content: none; } }
html { font: 10pt/1.45 "DejaVu Serif", Georgia, serif; color: #111; }
h1 { string-set: chapter content(); font: 600 19pt sans-serif; margin: 0 0 10pt; break-before: page; }
h2 { font: 600 13pt sans-serif; margin: 14pt 0 4pt; break-after: avoid; }
h3, .rubric { font: 600 11pt sans-serif; margin: 10pt 0 3pt; break-after: avoid; }
a { color: #0b4f8a; text-decoration: none; }
.title-page { break-after: page; padding-top: 60mm; }
.title-page h1 { break-before: auto; font-size: 26pt; string-set: chapter ""; }
.toc h1 { break-before: auto; }
.toc ol { list-style: none; padding: 0; }
.toc a::after { content: leader(".") target-counter(attr(href), page); }
.toc li { margin: 2pt 0; }
.article-passage { border-left: 3pt solid #0072b2; background: #f3f3f3; padding: 4pt 8pt; margin: 6pt 0; }
.admonition, aside.margin, aside.sidebar { border: 0.6pt solid #999; padding: 4pt 8pt; margin: 6pt 0; break-inside: avoid; }
.admonition-title, .sidebar-title { font-weight: 600; margin: 0 0 2pt; }
figure { margin: 8pt 0; break-inside: avoid; } figure svg { width: 100%; height: auto; }
table { border-collapse: collapse; font-size: 8.5pt; } td, th { border-bottom: 0.4pt solid #bbb; padding: 1pt 4pt; }
.citation { font-size: 8.5pt; margin: 0 0 3pt; } .citation .label { display: none; }
.ledger-claim, .tl-event { border-left: 2pt solid #bbb; padding-left: 6pt; margin: 0 0 6pt; break-inside: avoid; }
pre { white-space: pre-wrap; font-size: 8pt; }
dl.glossary dt { font-weight: 600; margin-top: 4pt; }
"""


def slug(docname: str) -> str:
    return docname.replace("/", "-")


def _link(href: str, page: Path, site: Path, docnames: set[str]) -> str | None:
    """An internal link as an anchor inside the PDF, or None to leave it as it is."""
    if re.match(r"^[a-z]+:", href) or href.startswith("//"):
        return None
    path, _, fragment = href.partition("#")
    target = (page.parent / path).resolve() if path else page.resolve()
    try:
        docname = target.relative_to(site.resolve()).as_posix().removesuffix(".html")
    except ValueError:
        return None
    if docname not in docnames:
        return None
    return f"#{slug(docname)}--{fragment}" if fragment else f"#{slug(docname)}"


def page_section(site: Path, docname: str, docnames: set[str]) -> str:
    page = site / f"{docname}.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    article = copy.copy(soup.select_one("article.bd-article"))
    for drop in article.select(DROP):
        drop.decompose()
    for figure in article.select("figure.bk-chart"):
        img = figure.select_one(".bk-chart-static picture.bk-light img")
        svg = (page.parent / img["src"]).read_text(encoding="utf-8") if img else ""
        figure.clear()
        figure.append(BeautifulSoup(svg, "html.parser"))
    for details in article.select("details"):
        details.name = "div"
        for summary in details.select("summary"):
            summary.name = "p"
            summary["class"] = ["admonition-title"]
    for node in article.select("[id]"):
        node["id"] = f"{slug(docname)}--{node['id']}"
    for link in article.select("a[href]"):
        moved = _link(link["href"], page, site, docnames)
        if moved:
            link["href"] = moved
    for hidden in article.select(".toggle-hidden, .dropdown .admonition-title ~ *"):
        hidden.attrs.pop("hidden", None)
    return f'<section class="book-page" id="{slug(docname)}">{article.decode_contents()}</section>'


def page_title(site: Path, docname: str) -> str:
    soup = BeautifulSoup((site / f"{docname}.html").read_text(encoding="utf-8"), "html.parser")
    heading = soup.select_one("article.bd-article h1")
    return " ".join(heading.get_text(" ").replace("#", "").split()) if heading else docname


def assemble(site: Path, root: Path = PROJECT) -> str:
    import yaml

    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    cff = yaml.safe_load((root / "CITATION.cff").read_text(encoding="utf-8"))
    docnames = [c.docname for c in chapters(root)] + [d for d in AFTER_CHAPTERS if (site / f"{d}.html").exists()]
    known = set(docnames)
    toc = "".join(f'<li><a href="#{slug(d)}">{html.escape(page_title(site, d))}</a></li>' for d in docnames)
    credit = ("An annotated reading of Jessica J. Lee, “Beginning of the End for Diplomacy? A Case for U.S-North Korea "
              "Engagement Post-IAEA Report”, first published on Korea On Point and cross-posted by the Quincy "
              "Institute for Responsible Statecraft on 12 September 2021. The article’s words are reproduced, with "
              "attribution, as the object of the annotated reading; everything around them is ours.")
    title_page = (f'<section class="title-page"><h1>{html.escape(config["title"])}</h1><p>{credit}</p>'
                  f'<p>{html.escape(", ".join(a.get("name", "") for a in cff["authors"]))}. Version '
                  f'{html.escape(str(cff["version"]))}, {html.escape(str(cff["date-released"]))}.</p></section>')
    body = "".join(page_section(site, d, known) for d in docnames)
    style = CSS.replace("TITLE", config["title"].replace('"', "'"))
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(config["title"])}</title>'
            f"<style>{style}</style></head><body>{title_page}"
            f'<section class="toc"><h1>Contents</h1><ol>{toc}</ol></section>{body}</body></html>')


def make_book_pdf(site: Path, target: Path, root: Path = PROJECT) -> tuple[Path, list[str]]:
    """Write the PDF; return it and every address WeasyPrint was asked to fetch
    that was not a file of the site (there should be none: they are refused)."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    refused: list[str] = []

    class LocalOnly(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith(("file:", "data:")):
                return super().fetch(url, headers)
            refused.append(url)
            raise ValueError(f"book-pdf fetches nothing from the network: {url}")

    target.parent.mkdir(parents=True, exist_ok=True)
    HTML(string=assemble(site, root), base_url=str(site), url_fetcher=LocalOnly()).write_pdf(str(target))
    return target, refused


def main(argv: list[str]) -> None:
    site = Path(argv[1] if len(argv) > 1 else "_build/html").resolve()
    target = Path(argv[2] if len(argv) > 2 else site.parent / "pdf" / "book.pdf")
    if not (site / "index.html").is_file():
        raise SystemExit(f"no built book at {site}: run `make book` first")
    pdf, refused = make_book_pdf(site, target)
    if refused:
        raise SystemExit(f"refused to fetch: {refused[:5]}")
    print(f"{pdf}  {pdf.stat().st_size:,d} bytes")


if __name__ == "__main__":
    main(sys.argv)
