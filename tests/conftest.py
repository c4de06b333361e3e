"""Shared fixtures, and one marker per folder of tests.

    tests/unit     one module on its own, no book build (marker `unit`)
    tests/content  the book's files and data as written, no build (`content`)
    tests/site     the built HTML book (`site`)
    tests/browser  the built book in Debian's Chromium (`browser`)

`make test-fast` runs unit and content tests; `make test` runs everything on
one clean build of the book (plus the few builds that test the build itself).
`--built-site _build/html` reuses a book you built, for a fast inner loop.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import shutil
from pathlib import Path

import pytest

from bookbuild.runner import build_book, executed  # noqa: F401 (the tests' way to build)

ROOT = Path(__file__).resolve().parent.parent

# A Sphinx build run inside the test process with a public address loads sphinx-sitemap,
# which starts a multiprocessing Manager. Forked, that process inherits the pipe to the
# Playwright driver and holds it open, so the browser fixture's teardown waits for ever
# (CI timed out that way). Child processes start fresh instead, holding no such pipe.
multiprocessing.set_start_method("spawn", force=True)
FOLDER_MARKERS = {"unit": "unit", "content": "content", "site": "site", "browser": "browser"}


def pytest_addoption(parser):
    parser.addoption(
        "--built-site", metavar="HTML_DIR", default=None,
        help="use this already built book (e.g. _build/html) instead of building one: for a fast inner loop",
    )


def pytest_collection_modifyitems(config, items):
    for item in items:
        folder = Path(str(item.fspath)).relative_to(ROOT / "tests").parts[0]
        if folder in FOLDER_MARKERS:
            item.add_marker(FOLDER_MARKERS[folder])


def tree_digest(*folders: Path) -> dict[str, str]:
    """Content hash of every file below the given folders (to prove the build wrote nothing there)."""
    digest = {}
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest[str(path.relative_to(ROOT))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return digest


class Site:
    def __init__(self, root: Path, first_log: str, second_log: str):
        self.html = root
        self.first_log = first_log
        self.second_log = second_log

    def pages(self) -> list[Path]:
        return sorted(p for p in self.html.rglob("*.html") if "_static" not in p.parts and "handouts" not in p.parts)

    @staticmethod
    def is_redirect(page: Path) -> bool:
        """The site's root index.html only sends the browser on to book/index.html."""
        return 'http-equiv="refresh"' in page.read_text(encoding="utf-8")[:300].lower()

    def content_pages(self) -> list[Path]:
        """Pages of the book itself (not genindex/search or the root redirect)."""
        return [p for p in self.pages() if p.relative_to(self.html).parts[0] == "book"]


@pytest.fixture(scope="session")
def site(tmp_path_factory, request) -> Site:
    """The book built from scratch into a temporary folder, then rebuilt with nothing changed."""
    built = request.config.getoption("--built-site")
    if built:
        return Site(Path(built).resolve(), "", "")
    out = tmp_path_factory.mktemp("site")
    before = tree_digest(ROOT / "book", ROOT / "data")
    first = build_book(out)
    assert first.returncode == 0, f"build failed:\n{first.stdout[-6000:]}\n{first.stderr[-6000:]}"
    second = build_book(out)
    assert second.returncode == 0, f"rebuild failed:\n{second.stdout[-6000:]}\n{second.stderr[-6000:]}"
    after = tree_digest(ROOT / "book", ROOT / "data")
    changed = sorted(set(before.items()) ^ set(after.items()))
    assert not changed, f"the build wrote into book/ or data/: {changed[:10]}"
    return Site(out / "_build" / "html", first.stdout + first.stderr, second.stdout + second.stderr)


@pytest.fixture(scope="session")
def server(site):
    """The built book on a local HTTP server as a host serves it (gzip, HTTP/1.1); yields its base URL."""
    from bookbuild import serve

    httpd = serve.start(str(site.html))
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    from bookbuild.chromium import ARGS, CHROMIUM, MISSING

    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(MISSING + " -- under CI=true the browser tests must run")
        pytest.skip(MISSING)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def plain_site(site, tmp_path_factory) -> Site:
    """The same book built with the speed layer switched off (BOOK_FAST_ASSETS=0):
    the theme's own stylesheets, scripts and layout. Notebooks come from the
    session build's execution cache."""
    out = tmp_path_factory.mktemp("plain")
    seed_execution_cache(site, out)
    result = build_book(out, env={"BOOK_FAST_ASSETS": "0"})
    assert result.returncode == 0, f"build without the speed layer failed:\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
    return Site(out / "_build" / "html", result.stdout + result.stderr, "")


@pytest.fixture(scope="session")
def plain_server(plain_site):
    from bookbuild import serve

    httpd = serve.start(str(plain_site.html))
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="session")
def walk_wide(site, server, browser):
    """Every page at 1280 px, charts live, with axe in light and dark (tests/browser/walk.py)."""
    from tests.browser.walk import visit_page

    return {page.relative_to(site.html).as_posix(): visit_page(browser, server, page.relative_to(site.html).as_posix(), 1280, True)
            for page in site.pages() if not site.is_redirect(page)}


@pytest.fixture(scope="session")
def walk_phone(site, server, browser):
    """Every page of the book at 375 px, charts live, with axe in light and dark."""
    from tests.browser.walk import visit_page

    return {page.relative_to(site.html).as_posix(): visit_page(browser, server, page.relative_to(site.html).as_posix(), 375, True)
            for page in site.content_pages()}


def copy_project(target: Path) -> Path:
    """A copy of the project's sources (no .venv, no _build) to change on purpose."""
    ignore = shutil.ignore_patterns(
        ".venv", "_build", "_annotated", ".audit", "node_modules", ".git", "__pycache__", "*.egg-info", ".pytest_cache"
    )
    shutil.copytree(ROOT, target, ignore=ignore)
    return target


def seed_execution_cache(site, output: Path) -> None:
    """Give a build into `output` the session build's execution cache, so that
    notebooks nobody changed are not executed again (jupyter-cache matches
    notebooks by content)."""
    cache = site.html.parent / ".jupyter_cache"
    if cache.exists():
        shutil.copytree(cache, output / "_build" / ".jupyter_cache", dirs_exist_ok=True)
