"""Pages drawn with the lean stylesheets look exactly as with the originals
(bookbuild/lean.py drops only rules no page can match)."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from bookbuild import serve
from bookbuild.lean import BUNDLE, bundle_parts, write_stylesheet_bundle

PAGES = [
    "book/index.html",
    "book/01-reactor.html",
    "book/05-keyhole.html",
    "book/reference/claims.html",
    "book/seminar/role-play.html",
    "book/seminar/exercises-01.html",
    "search.html?q=reactor",
    "genindex.html",
]


def _copy_with(site, target: Path, *, original_css: bool) -> Path:
    """A copy of the built site whose icon fonts are the originals, and whose
    stylesheets are the lean ones or (original_css) the originals."""
    shutil.copytree(site.html, target)
    kinds = ["*.lean.woff2"] + (["*.lean.css"] if original_css else [])
    for kind in kinds:
        for lean in target.rglob(kind):
            shutil.copyfile(lean.with_name(lean.name.replace(".lean.", ".")), lean)
    # The one stylesheet pages link, joined again from what now stands in the parts' places.
    write_stylesheet_bundle(target, bundle_parts(target / BUNDLE))
    return target


@pytest.fixture(scope="module")
def css_variants(site, tmp_path_factory):
    """(lean stylesheets, original stylesheets), both with the original fonts:
    the subset fonts are checked glyph by glyph below, since FreeType hints a
    subset a shade differently at the edges of a glyph."""
    root = tmp_path_factory.mktemp("css-variants")
    return _copy_with(site, root / "lean", original_css=False), _copy_with(site, root / "original", original_css=True)


# Headless Chromium without a GPU does not draw a page byte-for-byte the same
# twice: loading the same page six times gave three different pictures, each
# off by 1-2 levels of 255 around the sidebar's search button. A dropped rule
# moves boxes or changes colours by far more than this.
NOISE = 8


def _compare(a: bytes, b: bytes) -> str | None:
    """None if two PNG screenshots match within rendering noise, else what differs."""
    if a == b:
        return None
    from PIL import Image, ImageChops

    first, second = (Image.open(io.BytesIO(x)).convert("RGB") for x in (a, b))
    if first.size != second.size:
        return f"sizes {first.size} and {second.size}"
    difference = ImageChops.difference(first, second)
    box = difference.getbbox()
    largest = max(high for _, high in difference.getextrema())
    return None if largest <= NOISE else f"differs by up to {largest}/255 within {box}"


def _pictures(browser, base: str, page: str, width: int, dark: bool) -> list[bytes]:
    context = browser.new_context(
        viewport={"width": width, "height": 900}, color_scheme="dark" if dark else "light", reduced_motion="reduce"
    )
    tab = context.new_page()
    # Charts stay static pictures (the live view draws asynchronously); nothing leaves the machine.
    tab.route("**/*", lambda route: route.abort() if ("vega-bundle" in route.request.url or "127.0.0.1" not in route.request.url) else route.continue_())
    try:
        tab.goto(f"{base}/{page}", wait_until="load")
        tab.evaluate("document.fonts.ready.then(() => true)")
        tab.wait_for_timeout(400)
        shots = [tab.screenshot(full_page=True, animations="disabled")]
        # The states a reader opens: the sidebar on a phone, the search dialog on a desktop.
        if width < 600:
            tab.locator("button.primary-toggle:visible").first.click()
        else:
            tab.keyboard.press("Control+k")
        tab.wait_for_timeout(400)
        shots.append(tab.screenshot(animations="disabled"))
        return shots
    finally:
        context.close()


@pytest.mark.parametrize("width", [375, 1280])
def test_pages_look_the_same_with_lean_and_original_stylesheets(css_variants, browser, width, tmp_path):
    lean_site, original_site = css_variants
    lean_server, original_server = serve.start(str(lean_site)), serve.start(str(original_site))
    lean_base = f"http://127.0.0.1:{lean_server.server_address[1]}"
    original_base = f"http://127.0.0.1:{original_server.server_address[1]}"
    differences = []
    try:
        for page in PAGES:
            for dark in (False, True):
                lean = _pictures(browser, lean_base, page, width, dark)
                original = _pictures(browser, original_base, page, width, dark)
                for state, (a, b) in enumerate(zip(lean, original)):
                    if (problem := _compare(a, b)) is not None:
                        stem = f"{page.replace('/', '_').replace('?', '_')}-{width}-{'dark' if dark else 'light'}-{state}"
                        (tmp_path / f"{stem}-lean.png").write_bytes(a)
                        (tmp_path / f"{stem}-original.png").write_bytes(b)
                        differences.append(f"{stem}: {problem}")
    finally:
        lean_server.shutdown()
        original_server.shutdown()
    assert not differences, f"pages differ with lean stylesheets (pictures in {tmp_path}): {differences}"


