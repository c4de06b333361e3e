"""The built HTML book: self-contained, charts complete, pages small, links intact."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


from bookbuild import handouts, sheets
from bookbuild.chapters import toc_files
from tests.conftest import ROOT


class PageParser(HTMLParser):
    """Collects what the tests need from one page."""

    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.assets: list[tuple[str, str]] = []  # (tag, url)
        self.meta_description = None
        self.charts: list[dict] = []
        self._in_spec = False
        self._spec_text = ""
        self._picture_class = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag == "script" and attrs.get("src"):
            self.assets.append(("script", attrs["src"]))
        if tag == "link" and attrs.get("href") and attrs.get("rel") in ("stylesheet", "preload", "icon", "modulepreload", "prefetch"):
            self.assets.append(("link", attrs["href"]))
        if tag in ("img", "iframe", "source", "video", "audio") and attrs.get("src"):
            self.assets.append((tag, attrs["src"]))
        if tag == "meta" and attrs.get("name") == "description":
            self.meta_description = attrs.get("content")
        if tag == "figure" and "bk-chart" in attrs.get("class", "").split():
            self.charts.append({"id": attrs.get("id"), "pictures": [], "spec": None, "table": False})
        if tag == "picture":
            self._picture_class = attrs.get("class", "")
        if tag == "img" and "bk-static-svg" in attrs.get("class", "") and self.charts:
            self.charts[-1]["pictures"].append(attrs | {"picture": self._picture_class})
        if tag == "script" and attrs.get("class") == "bk-chart-spec":
            self._in_spec, self._spec_text = True, ""
        if tag == "details" and "bk-chart-data" in attrs.get("class", "") and self.charts:
            self.charts[-1]["table"] = True

    def handle_data(self, data):
        if self._in_spec:
            self._spec_text += data

    def handle_endtag(self, tag):
        if tag == "picture":
            self._picture_class = ""
        if tag == "script" and self._in_spec:
            self._in_spec = False
            self.charts[-1]["spec"] = json.loads(self._spec_text)


def parse(path: Path) -> PageParser:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def is_external(url: str) -> bool:
    return bool(urlsplit(url).scheme in ("http", "https") or url.startswith("//"))


def test_no_page_loads_anything_from_another_host(site):
    for page in site.pages():
        for tag, url in parse(page).assets:
            assert not is_external(url), f"{page.relative_to(site.html)}: <{tag}> loads {url}"
    for css in (site.html / "_static").rglob("*.css"):
        text = css.read_text(encoding="utf-8", errors="replace")
        external = re.findall(r"""(?:url\(|@import\s+)['"]?((?:https?:)?//[^'")\s]+)""", text)
        assert not external, f"{css.relative_to(site.html)} loads {external[:3]}"


def test_every_chart_carries_its_spec_pictures_and_data(site):
    charts = 0
    for page in site.content_pages():
        for chart in parse(page).charts:
            charts += 1
            where = f"{page.name} #{chart['id']}"
            assert chart["spec"] and chart["spec"].get("$schema", "").startswith("https://vega.github.io/schema/vega-lite/"), where
            assert [p["picture"] for p in chart["pictures"]] == ["bk-light", "bk-dark"], where
            for img in chart["pictures"]:
                picture = static_picture(page, img)
                assert img.get("alt") == html.unescape(picture.get("aria-label", "")), f"{where}: <img> not named as its SVG"
                assert (img.get("width"), img.get("height")) == (picture["width"], picture["height"]), where
            assert chart["spec"].get("description"), f"{where}: chart has no description"
            assert chart["spec"].get("title"), f"{where}: chart has no title"
            assert chart["table"], f"{where}: no data table"
    assert charts >= 20


def static_picture(page: Path, img: dict) -> dict:
    """The root attributes of the SVG file an <img class="bk-static-svg"> shows."""
    path = (page.parent / img["src"]).resolve()
    assert path.is_file(), f"{page.name}: {img['src']} is missing"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("<svg") and text.rstrip().endswith("</svg>"), f"{path.name} is not an SVG"
    return dict(re.findall(r'\s([\w:-]+)="([^"]*)"', re.match(r"<svg\b[^>]*>", text).group(0)))


# A phone fetches the whole page before it can paint it (issue #13).
MAX_PAGE_BYTES = 150_000


def test_no_chapter_page_is_over_150_kb(site):
    sizes = {page.name: page.stat().st_size for page in site.content_pages()
             if "reference" not in page.parts and "seminar" not in page.parts}
    assert len(sizes) >= 10
    too_big = {name: size for name, size in sizes.items() if size > MAX_PAGE_BYTES}
    assert not too_big, f"pages over {MAX_PAGE_BYTES:,d} bytes: {too_big}"


def test_chart_pages_and_only_chart_pages_load_the_chart_script(site):
    bundles = list((site.html / "_static").glob("vega-bundle-*.js"))
    assert len(bundles) == 1, bundles
    for page in site.pages():
        parsed = parse(page)
        loads = [url for tag, url in parsed.assets if "book-charts.js" in url]
        if parsed.charts:
            assert loads, f"{page.name} has charts but no chart script"
        else:
            assert not loads, f"{page.name} loads the chart script without a chart"
    html = next(p for p in site.content_pages() if parse(p).charts).read_text(encoding="utf-8")
    tag = re.search(r"<script[^>]*book-charts\.js[^>]*>", html).group(0)
    assert f'data-bundle="{bundles[0].name}"' in tag and "defer" in tag


def test_bundle_is_a_function_scoped_classic_script(site):
    bundle = next((site.html / "_static").glob("vega-bundle-*.js")).read_text(encoding="utf-8")
    body = bundle.split("\n", 1)[1]
    assert body.startswith("(function () {") and body.rstrip().endswith("})();")
    assert "window.vegaEmbed=" in bundle.replace(" ", "")
    assert not re.search(r"^\s*(import|export)\s", body, flags=re.M)


def printable_pdfs(site) -> set[str]:
    """The PDF names `make pdf` prints from this build: chapters, seminar pages, team briefs, no-code sheets."""
    chapters = {f"{page.stem}.pdf" for page in (site.html / "book").glob("[0-9][0-9]-*.html")}
    briefs = {name for name, _team, _body in sheets.team_briefs(site.html)}
    exercises = {sheets.no_code_pdf(Path(name).name) for name in sheets.no_code_pages(toc_files(ROOT), ROOT)}
    whole_pages = {name for name, _title in handouts.WHOLE_PAGES.values()}
    return chapters | briefs | exercises | whole_pages


def test_every_internal_link_and_anchor_resolves(site):
    ids_by_page = {page.resolve(): parse(page).ids for page in site.pages()}
    printed = printable_pdfs(site)
    broken = []
    for page in site.pages():
        for href in parse(page).links:
            if is_external(href) or href.startswith(("mailto:", "javascript:", "data:")):
                continue
            parts = urlsplit(href)
            if "/handouts/" in f"/{parts.path}" and parts.path.endswith(".pdf"):
                # made by `make pdf`, not by the HTML build: check the built pages yield that PDF
                if Path(parts.path).name not in printed:
                    broken.append(f"{page.relative_to(site.html)} -> {href} (no page `make pdf` would print as this)")
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page.resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(site.html)} -> {href} (no such file)")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = ids_by_page.get(target) or parse(target).ids
                if unquote(parts.fragment) not in ids:
                    broken.append(f"{page.relative_to(site.html)} -> {href} (no such anchor)")
    assert not broken, "\n".join(broken[:30])


def test_every_page_has_a_meta_description(site):
    for page in site.content_pages():
        description = parse(page).meta_description
        assert description and len(description) > 20, f"{page.name}: meta description {description!r}"


def test_favicon_exists(site):
    for page in site.content_pages()[:1]:
        icons = [url for tag, url in parse(page).assets if tag == "link" and "favicon" in url]
        assert icons and (page.parent / icons[0].split("?")[0]).exists()


TRACKING = re.compile(r"(?:^|&)(?:utm_[a-z]+|fbclid|gclid|dclid|mc_cid|mc_eid|cmpid|ocid|igshid)=", re.I)


def bibliography_urls() -> set[str]:
    from booktools.bibliography import entries

    found = entries(ROOT / "book" / "references.bib").values()
    return {entry.get(name) for entry in found for name in ("url", "readvia") if entry.get(name)}


def test_external_links_are_well_formed_https_without_tracking(site):
    """http:// is allowed only for a source address recorded as we read it in
    references.bib (documented on the About page): old archives and news sites
    whose https form we could not check offline."""
    recorded = bibliography_urls()
    problems = set()
    for page in site.content_pages():
        for href in parse(page).links:
            if not is_external(href):
                continue
            parts = urlsplit(href)
            where = page.relative_to(site.html)
            if not parts.netloc or " " in href or "." not in parts.netloc:
                problems.add(f"{where}: malformed {href}")
            if TRACKING.search(parts.query):
                problems.add(f"{where}: tracking parameter in {href}")
            if parts.scheme == "http" and href not in recorded:
                problems.add(f"{where}: http:// link not from references.bib: {href}")
    assert not problems, "\n".join(sorted(problems)[:30])
