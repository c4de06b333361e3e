"""`make bench`: figures, not pass/fail. Builds the book from scratch into a
temporary folder, rebuilds it with nothing changed, and prints build times,
executed-notebook counts, page and script sizes, and (with Chromium) the
requests each page makes to other hosts and its console errors."""

from __future__ import annotations

import gzip
import re
import sys
import tempfile
import time
from pathlib import Path

from bookbuild.chromium import ARGS as CHROMIUM_ARGS
from bookbuild.chromium import CHROMIUM
from bookbuild.runner import build_book, executed


def timed_build(out: Path) -> tuple[float, str]:
    start = time.perf_counter()
    result = build_book(out)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"build failed:\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}")
    return elapsed, result.stdout + result.stderr


def render_blocking(page: Path) -> tuple[int, int, int]:
    """Files and bytes (raw, gzip) a browser must fetch before it can paint the page."""
    text = page.read_text(encoding="utf-8")
    head = text.split("</head>", 1)[0]
    files = [page]
    files += [page.parent / href for href in re.findall(r'<link rel="stylesheet"[^>]*href="([^"?]+)', head)]
    for tag in re.findall(r"<script[^>]*\ssrc=\"[^\"]+\"[^>]*>", head):
        if " defer" not in tag and " async" not in tag and 'type="' not in tag:
            files.append(page.parent / re.search(r'src="([^"?]+)', tag).group(1))
    blobs = [path.read_bytes() for path in files]
    return len(files), sum(map(len, blobs)), sum(len(gzip.compress(blob, 6)) for blob in blobs)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        clean_s, clean_log = timed_build(out)
        again_s, again_log = timed_build(out)
        html = out / "_build" / "html"
        print(f"clean build:            {clean_s:6.1f} s, notebooks executed: {executed(clean_log)}")
        print(f"no-change rebuild:      {again_s:6.1f} s ({100 * again_s / clean_s:.0f}% of clean), notebooks executed: {executed(again_log)}")
        print("page HTML bytes (own HTML, without shared _static):")
        pages = sorted(p for p in html.rglob("*.html") if "_static" not in p.parts)
        for page in pages:
            print(f"  {page.relative_to(html).as_posix():40s} {page.stat().st_size:9,d}")
        chapters = [p for p in pages if re.fullmatch(r"\d\d-.*\.html", p.name)]
        largest = max(chapters, key=lambda p: p.stat().st_size)
        print(f"largest chapter page:   {largest.relative_to(html).as_posix()} {largest.stat().st_size:,d} bytes")
        print("before first paint (HTML + stylesheets + scripts without defer/async): files, bytes raw / gzip:")
        for name in ("book/index.html", "book/01-reactor.html", "book/05-keyhole.html", largest.relative_to(html).as_posix()):
            count, raw_bytes, packed_bytes = render_blocking(html / name)
            print(f"  {name:40s} {count:2d} files {raw_bytes:9,d} / {packed_bytes:7,d}")
        lean = sorted((html / "_static").rglob("*.lean.*"))
        full = sum(p.with_name(p.name.replace(".lean.", ".")).stat().st_size for p in lean)
        print(f"lean theme assets:      {sum(p.stat().st_size for p in lean):,d} bytes for {len(lean)} files whose originals are {full:,d}")
        scripts = [p for p in (html / "_static").rglob("*.js") if not p.name.endswith(".map")]
        raw = sum(p.stat().st_size for p in scripts)
        packed = sum(len(gzip.compress(p.read_bytes(), 9)) for p in scripts)
        print(f"_static JS, all files:  {raw:,d} bytes raw, {packed:,d} gzip ({len(scripts)} files)")
        bundle = next((html / "_static").glob("vega-bundle-*.js"))
        print(f"  of which vega bundle: {bundle.stat().st_size:,d} raw, {len(gzip.compress(bundle.read_bytes(), 9)):,d} gzip (loaded only when a chart nears the viewport)")
        if not CHROMIUM.exists():
            print("request counts: skipped (no /usr/bin/chromium)")
            return
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            print("per page: non-local requests, console errors (file:// load, scrolled through):")
            for page_path in pages:
                if page_path.stat().st_size < 500:  # the root redirect to book/index.html
                    continue
                page = browser.new_page()
                outside, errors = [], []
                page.on("request", lambda r: outside.append(r.url) if r.url.startswith(("http:", "https:")) else None)
                page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
                page.route("**/*", lambda route: route.abort() if route.request.url.startswith(("http:", "https:")) else route.continue_())
                page.goto(page_path.as_uri())
                height = page.evaluate("document.documentElement.scrollHeight")
                for y in range(0, height + 600, 600):
                    page.evaluate(f"window.scrollTo(0, {y})")
                    page.wait_for_timeout(50)
                page.wait_for_timeout(800)
                print(f"  {page_path.relative_to(html).as_posix():40s} {len(outside):3d} {len(errors):3d}")
                page.close()
            browser.close()


if __name__ == "__main__":
    main()
