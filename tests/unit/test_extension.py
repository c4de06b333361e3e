"""The Sphinx extension (bookbuild) on a two-chapter fixture book, with
sphinx.testing: author-year citations, chart outputs to figures, chapter links
and lists from _toc.yml, and the speed layer's switch. Seconds, no kernel."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import nbformat
import pytest
from sphinx.testing.util import SphinxTestApp

from booktools.charts import chart_output
from booktools.pages import Fragment

FIXTURE = Path(__file__).parent / "fixture_site"
BIG_ROWS = [{"year": 1990 + i, "value": i, "note": "x" * 60} for i in range(80)]  # over 4 KB of JSON
SPEC = {
    "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
    "title": "A small chart", "description": "Bars by year, for the test.",
    "data": {"name": "rows"}, "datasets": {"rows": BIG_ROWS},
    "mark": "bar", "encoding": {"x": {"field": "year", "type": "ordinal"}, "y": {"field": "value", "type": "quantitative"}},
    "width": 300, "height": 120,
}


def first_chapter() -> nbformat.NotebookNode:
    """The first chapter as an executed notebook: a cited passage, a chart, a fragment built from data."""
    notebook = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    notebook.cells = [
        nbformat.v4.new_markdown_cell("# 1. The first chapter\n\n(p-01)=\nA passage {cite:p}`reuters-2021-first,reuters-2021-second`, "
                                      "and a document {cite:p}`iaea-2021-report`."),
        nbformat.v4.new_code_cell("chart", outputs=[nbformat.v4.new_output("display_data", data=chart_output(SPEC))]),
        nbformat.v4.new_code_cell("fragment", outputs=[nbformat.v4.new_output(
            "display_data", data=Fragment("Read on in {chapter}`ch02` and at {ref}`the passage <p-02>`.", "<p>html</p>")._repr_mimebundle_())]),
    ]
    return notebook


def build(source: Path, out: Path, **overrides) -> tuple[Path, str]:
    app = SphinxTestApp("html", srcdir=source, builddir=out, confoverrides=overrides, status=io.StringIO(), warning=io.StringIO())
    try:
        app.build()
        return Path(app.outdir), app._warning.getvalue()
    finally:
        app.cleanup()


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    source = tmp_path_factory.mktemp("fixture") / "src"
    shutil.copytree(FIXTURE, source)
    nbformat.write(first_chapter(), source / "book" / "01-first.ipynb")
    return source


@pytest.fixture(scope="module")
def built(book, tmp_path_factory):
    html, warnings = build(book, tmp_path_factory.mktemp("out"))
    assert not re.search(r"WARNING|ERROR", warnings), warnings
    return html


def page(html: Path, name: str) -> str:
    return (html / name).read_text(encoding="utf-8")


def test_citations_are_author_year_with_letters_and_link_the_entry_by_its_key(built):
    chapter = page(built, "book/01-first.html")
    text = re.sub(r"<[^>]+>", "", chapter)
    assert "(Reuters 2021a; Reuters 2021b)" in text
    assert "(IAEA 2021)" in text
    assert 'href="../sources.html#cite-reuters-2021-first"' in chapter
    sources = page(built, "sources.html")
    assert 'id="cite-iaea-2021-report"' in sources
    entry = re.sub(r"<[^>]+>", "", sources.split('id="cite-reuters-2021-second"')[1].split("</div>")[0])
    assert "Read via https://copy.example.org/second" in entry
    assert "2 September 2021" in entry and "Reuters" in entry and "key reuters-2021-second" in entry
    reporter = re.sub(r"<[^>]+>", "", sources.split('id="cite-reuters-2021-first"')[1].split("</div>")[0])
    assert "By Shin, Hyonhee" in reporter


def test_a_chart_output_becomes_a_figure_whose_pictures_and_big_data_are_files(built):
    chapter = page(built, "book/01-first.html")
    figure = re.search(r'<figure class="bk-chart".*?</figure>', chapter, re.S).group(0)
    pictures = re.findall(r'<picture class="bk-(light|dark)"><source media="\(max-width: 599px\)" srcset="\.\./_static/'
                          r'(chart-pictures/\w+\.svg)"[^>]*><img class="bk-static-svg" src="\.\./_static/(chart-pictures/\w+\.svg)"', figure)
    assert [scheme for scheme, _, _ in pictures] == ["light", "dark"]
    names = [name for _, narrow, wide in pictures for name in (narrow, wide)]
    for name in names:
        assert (built / "_static" / name).read_text(encoding="utf-8").startswith("<svg")
    assert len(set(names)) == 4, "each layout and scheme has a picture of its own"
    assert "bk-chart-spec-narrow" in figure
    moved = re.search(r'data-datasets="([^"]+)"', figure).group(1)
    digest = re.search(r"&quot;rows&quot;: &quot;(\w+)&quot;", moved).group(1)
    assert (built / "_static" / "chart-data" / f"{digest}.js").is_file()
    assert "x" * 60 not in figure.split("bk-chart-spec")[1].split("</script>")[0], "the big dataset is still in the page"
    assert "Data behind this chart (80 rows)" in figure
    assert "book-charts.js" in chapter and "window.bookChartDark" in chapter
    assert "book-charts.js" not in page(built, "book/02-second.html")


def test_chapter_links_and_the_handout_list_follow_the_toc(built):
    chapter = page(built, "book/01-first.html")
    assert re.search(r'<a class="reference internal" href="02-second.html"><span class="doc">2. The second chapter</span></a>', chapter)
    assert 'href="02-second.html#p-02"' in chapter
    handouts = page(built, "handouts.html")
    assert re.findall(r'href="(handouts/[\w-]+\.pdf)"', handouts)[:2] == ["handouts/01-first.pdf", "handouts/02-second.pdf"]


def test_the_speed_layer_switch(built, book, tmp_path):
    chapter = page(built, "book/01-first.html")
    assert re.findall(r'<link rel="stylesheet"[^>]*href="([^"]+)"', chapter) == ["../_static/book-styles.css"]
    assert (built / "_static" / "book-styles.css").is_file()
    assert re.search(r'<script defer="defer" src="../_static/doctools.js', chapter)
    search = page(built, "search.html")
    assert re.search(r'<script src="_static/doctools.js', search), "the search page's scripts must run in order"
    plain, warnings = build(book, tmp_path / "plain", book_fast_assets=False)
    plain_chapter = page(plain, "book/01-first.html")
    assert "book-styles.css" not in plain_chapter and not (plain / "_static" / "book-styles.css").exists()
    assert "pydata-sphinx-theme.css" in plain_chapter
    assert not re.search(r'<script defer="defer" src="../_static/doctools.js', plain_chapter)


def test_a_new_chapter_in_the_toc_reaches_the_lists_without_a_clean_build(book, tmp_path):
    out = tmp_path / "out"
    build(book, out)
    (book / "book" / "03-third.md").write_text("# 3. The third chapter\n\nText.\n", encoding="utf-8")
    toc = (book / "_toc.yml").read_text(encoding="utf-8")
    (book / "_toc.yml").write_text(toc.replace("      - file: book/02-second\n", "      - file: book/02-second\n      - file: book/03-third\n"), encoding="utf-8")
    index = (book / "index.md").read_text(encoding="utf-8")
    (book / "index.md").write_text(index.replace("book/02-second\n", "book/02-second\nbook/03-third\n"), encoding="utf-8")
    try:
        html, warnings = build(book, out)
        assert "handouts/03-third.pdf" in page(html, "handouts.html")
    finally:
        (book / "book" / "03-third.md").unlink()
        (book / "_toc.yml").write_text(toc, encoding="utf-8")
        (book / "index.md").write_text(index, encoding="utf-8")


def test_a_bad_dataset_stops_the_build_naming_file_line_and_field(book, tmp_path, monkeypatch):
    """The loader's message reaches the build log: file, line, field, what was expected."""
    root = tmp_path / "project"
    shutil.copytree(Path(__file__).parents[2] / "data", root / "data")
    (root / "book").mkdir()
    shutil.copy(Path(__file__).parents[2] / "book" / "references.bib", root / "book")
    (root / "_config.yml").write_text("title: copy\n", encoding="utf-8")
    table = root / "data" / "nuclear_tests.csv"
    lines = table.read_text(encoding="utf-8").splitlines()
    fields = lines[3].split(",")
    fields[4] = "strong"  # usgs_mb of the third test
    lines[3] = ",".join(fields)
    table.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setenv("BOOK_ROOT", str(root))
    with pytest.raises(Exception) as failure:
        build(book, tmp_path / "out", nb_execution_mode="force", nb_execution_excludepatterns=["book/*"],
              nb_execution_raise_on_error=True, nb_execution_show_tb=True)
    message = str(failure.value) + repr(failure.value.__cause__) + str(getattr(failure.value.__cause__, "traceback", ""))
    assert re.search(r"nuclear_tests\.csv, line 4, field usgs_mb", message), message[-2000:]


def test_chapters_carry_citation_metadata_and_a_cite_this_box(built):
    chapter = page(built, "book/01-first.html")
    assert '<meta name="citation_title" content="1. The first chapter" />' in chapter
    assert '<meta name="citation_author" content="The fixture team" />' in chapter
    assert '<meta name="citation_publication_date" content="2026/12/01" />' in chapter
    assert "citation_public_url" not in chapter, "no site URL is set, so no address is given"
    box = re.search(r'<aside class="bk-cite-this".*?</aside>', chapter, re.S).group(0)
    assert "The fixture team (2026). “1. The first chapter.” In <em>Fixture book</em>, version 1.2.3." in box
    assert "@incollection{yongbyon-restarts-ch01," in box
    assert "citation_title" not in page(built, "sources.html"), "only chapters carry chapter metadata"


def test_a_public_address_gives_canonical_links_a_sitemap_and_citation_urls(book, tmp_path):
    html, warnings = build(book, tmp_path / "published", html_baseurl="https://example.org/book/")
    assert not re.search(r"WARNING|ERROR", warnings), warnings
    chapter = page(html, "book/01-first.html")
    assert '<link rel="canonical" href="https://example.org/book/book/01-first.html" />' in chapter
    assert '<meta name="citation_public_url" content="https://example.org/book/book/01-first.html" />' in chapter
    assert "https://example.org/book/book/01-first.html" in (html / "sitemap.xml").read_text(encoding="utf-8")


def test_without_a_public_address_nothing_points_nowhere(built):
    chapter = page(built, "book/01-first.html")
    assert 'rel="canonical"' not in chapter and "citation_public_url" not in chapter
    assert not (built / "sitemap.xml").exists()
