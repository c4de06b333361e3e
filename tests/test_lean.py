"""Lean stylesheets and icon fonts (booktools.lean): the rules they drop can
match nothing, pages drawn with the lean stylesheets look exactly as with the
originals, and the subset fonts draw every glyph they keep exactly as before.
Pages link one stylesheet that joins them, with every url() still resolving."""

from __future__ import annotations

import gzip
import io
import re
import shutil
import urllib.request
from pathlib import Path

import pytest

from booktools import serve
from booktools.lean import BUNDLE, Vocabulary, bundle_parts, lean_css, strings_in, write_stylesheet_bundle

# ---------------------------------------------------------------- the purge itself


def vocab(*words, prefixes=()):
    return Vocabulary(set(words), set(prefixes))


def test_rules_naming_an_unused_class_go_and_the_rest_stay():
    css = ".used{color:red}.unused{color:blue}p{margin:0}"
    lean, dropped = lean_css(css, vocab("used"))
    assert ".used{color:red}" in lean
    assert "unused" not in lean
    assert "p{margin:0}" in lean
    assert dropped == 1


def test_a_selector_list_keeps_the_selectors_that_can_match():
    lean, _ = lean_css(".a .b,.a .gone,div>.a{x:1}", vocab("a", "b"))
    assert lean.strip() == ".a .b,div>.a{x:1}"


def test_negations_and_alternatives_do_not_count_against_a_selector():
    css = ".a:not(.gone){x:1}:is(.gone,.a) p{y:2}.b:has(> .gone){z:3}"
    lean, dropped = lean_css(css, vocab("a", "b"))
    assert ".a:not(.gone){x:1}" in lean
    assert ":is(.gone,.a) p{y:2}" in lean
    assert ".b:has(> .gone){z:3}" in lean
    assert dropped == 0


def test_nested_at_rules_are_purged_inside_and_emptied_blocks_go():
    css = "@media (min-width:10px){.a{x:1}.gone{y:2}}@media print{.gone{z:3}}@supports (display:grid){.a{w:4}}"
    lean, _ = lean_css(css, vocab("a"))
    assert "@media (min-width:10px){.a{x:1}}" in lean
    assert "print" not in lean
    assert "@supports (display:grid){.a{w:4}}" in lean


def test_fonts_keyframes_custom_properties_and_escapes_stay():
    css = (
        '@font-face{font-family:X;src:url(x.woff2)}@keyframes spin{to{transform:rotate(1turn)}}'
        ':root{--c:red}[data-theme=dark] .gone-too{x:1}.w-\\[10px\\]{y:2}'
    )
    lean, _ = lean_css(css, vocab())
    for kept in ("@font-face", "@keyframes spin", ":root{--c:red}", ".w-\\[10px\\]"):
        assert kept in lean
    assert "gone-too" not in lean


def test_classes_a_script_builds_from_a_prefix_are_kept():
    lean, _ = lean_css(".fa-bars:before{content:'x'}.bs-tooltip-top{y:1}.other{z:1}", vocab(prefixes=("fa-", "bs-tooltip-")))
    assert ".fa-bars:before" in lean and ".bs-tooltip-top" in lean and ".other" not in lean


def test_icon_code_points_are_written_as_ascii_escapes():
    lean, _ = lean_css('.fa-bars:before{content:"\\f0c9"}', vocab("fa-bars"))
    assert lean.isascii()
    assert "\uf0c9" in strings_in(lean)


def test_the_vocabulary_is_read_from_pages_and_the_scripts_they_load(tmp_path):
    (tmp_path / "_static").mkdir()
    (tmp_path / "index.html").write_text(
        '<div class="shown"></div><script src="_static/app.js"></script>'
        '<script type="text/x-after-first-paint" data-src="_static/later.js?digest=1"></script>'
    )
    (tmp_path / "_static" / "app.js").write_text('el.classList.add("opened"); el.className = `icon-${name}`;')
    (tmp_path / "_static" / "later.js").write_text('el.classList.add("collapsing");')
    (tmp_path / "_static" / "unused.js").write_text('el.classList.add("never-loaded");')
    vocabulary = Vocabulary.of_site(tmp_path)
    assert vocabulary.has("shown") and vocabulary.has("opened") and vocabulary.has("icon-anything")
    assert vocabulary.has("collapsing"), "a script started after the first paint is still loaded"
    assert not vocabulary.has("never-loaded")


# ---------------------------------------------------------------- one stylesheet


def test_the_bundle_joins_stylesheets_in_order_and_rebases_their_urls(tmp_path):
    (tmp_path / "_static" / "styles").mkdir(parents=True)
    (tmp_path / "_static" / "first.css").write_text('@charset "UTF-8";\n.a{background:url(file.png)}')
    (tmp_path / "_static" / "styles" / "second.css").write_text(
        ".b{src:url('../fonts/x.woff2?v=1#iefix')}"
        '.c{background:url("data:image/svg+xml,%3Csvg stroke=\'rgba(1, 2, 3, 0.5)\'%3E")}'
        ".d{background:url(https://example.org/x.png)}.e{mask:url(#m)}"
    )
    parts = ["_static/first.css", "_static/styles/second.css"]
    text = write_stylesheet_bundle(tmp_path, parts).read_text(encoding="utf-8")
    assert text.startswith('@charset "UTF-8";') and text.count("@charset") == 1
    assert text.index(".a{") < text.index(".b{")
    assert "url(file.png)" in text  # first.css sits beside the bundle already
    assert "url('fonts/x.woff2?v=1#iefix')" in text
    assert "rgba(1, 2, 3, 0.5)" in text and "url(https://example.org/x.png)" in text and "url(#m)" in text
    assert bundle_parts(tmp_path / BUNDLE) == parts


def test_the_bundle_refuses_what_it_cannot_join(tmp_path):
    (tmp_path / "_static").mkdir()
    (tmp_path / "_static" / "imports.css").write_text('@import url("basic.css");.a{x:1}')
    with pytest.raises(ValueError, match=r"imports\.css: has an @import"):
        write_stylesheet_bundle(tmp_path, ["_static/imports.css"])
    with pytest.raises(FileNotFoundError, match=r"gone\.css"):
        write_stylesheet_bundle(tmp_path, ["_static/gone.css"])


# ---------------------------------------------------------------- the built site


def test_pages_link_one_stylesheet_that_joins_the_lean_ones(site):
    bundle = site.html / BUNDLE
    parts = bundle_parts(bundle)
    assert parts and parts[-1] == "_static/book.css", parts
    text = bundle.read_text(encoding="utf-8")
    for part in parts:
        path = site.html / part
        if part != "_static/book.css":
            assert path.name.endswith(".lean.css"), f"the bundle joins a full stylesheet: {part}"
            original = path.with_name(path.name.replace(".lean.css", ".css"))
            assert path.stat().st_size < original.stat().st_size, f"{path.name} is not smaller than {original.name}"
        # Each part's rules are in the bundle (url()s aside, which move).
        first_rule = re.sub(r"url\([^)]*\)", "", path.read_text(encoding="utf-8")).split("}")[0]
        assert first_rule.strip() in re.sub(r"url\([^)]*\)", "", text), f"{part} is not in the bundle"
    for url in re.findall(r"""url\(\s*['"]?([^'")]+)""", text):
        if not url.startswith(("data:", "#")):
            assert (bundle.parent / url.split("?")[0].split("#")[0]).is_file(), f"the bundle names {url}, which is missing"
    for page in site.pages():
        if page.relative_to(site.html).parts[0] == "handouts":
            continue  # `make pdf` output carries its own print stylesheet
        html = page.read_text(encoding="utf-8")
        if 'http-equiv="Refresh"' in html and "<body" not in html:
            continue  # the root index.html only redirects to book/index.html
        hrefs = re.findall(r'<link rel="stylesheet"[^>]*href="([^"?]+)', html)
        assert [(page.parent / href).resolve() for href in hrefs] == [bundle.resolve()], f"{page.relative_to(site.html)} links {hrefs}"


def test_the_lean_icon_fonts_hold_every_glyph_the_lean_stylesheets_name(site):
    from fontTools.ttLib import TTFont

    static = site.html / "_static"
    sheets = sorted(static.rglob("*.lean.css"))
    assert sheets
    fonts = {}
    for sheet in sheets:
        text = sheet.read_text(encoding="utf-8")
        for url in re.findall(r"url\(['\"]?([^)'\"]+\.lean\.woff2)", text):
            font = (sheet.parent / url).resolve()
            assert font.is_file(), f"{sheet.name} names {url}, which is missing"
            fonts[font] = strings_in(text)
    assert fonts, "no lean icon font is referenced"
    for font, chars in fonts.items():
        original = font.with_name(font.name.replace(".lean.", "."))
        wanted = {ord(c) for c in chars} & set(TTFont(original).getBestCmap())
        missing = sorted(hex(c) for c in wanted - set(TTFont(font).getBestCmap()))
        assert not missing, f"{font.name} lacks glyphs that {original.name} has and the stylesheets use: {missing}"
        assert font.stat().st_size < original.stat().st_size / 4, f"{font.name} is hardly smaller than {original.name}"
    solid = next(f for f in fonts if f.name.startswith("fa-solid"))
    assert len({ord(c) for c in fonts[solid]} & set(TTFont(solid).getBestCmap())) >= 10, "the solid icons are gone"


# ---------------------------------------------------------------- pictures: lean == original

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


@pytest.mark.browser
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


def test_the_lean_icon_fonts_draw_each_glyph_exactly_as_the_originals(site):
    from fontTools.pens.recordingPen import RecordingPen
    from fontTools.ttLib import TTFont

    fonts = sorted(site.html.rglob("*.lean.woff2"))
    assert fonts
    for lean_path in fonts:
        lean, original = TTFont(lean_path), TTFont(lean_path.with_name(lean_path.name.replace(".lean.", ".")))
        lean_cmap, original_cmap = lean.getBestCmap(), original.getBestCmap()
        assert lean_cmap, f"{lean_path.name} is empty"
        lean_glyphs, original_glyphs = lean.getGlyphSet(), original.getGlyphSet()
        for code, name in sorted(lean_cmap.items()):
            assert original_cmap.get(code) is not None, f"{lean_path.name}: U+{code:04X} is not in the original"
            drawn = []
            for glyphs, glyph_name in ((lean_glyphs, name), (original_glyphs, original_cmap[code])):
                pen = RecordingPen()
                glyphs[glyph_name].draw(pen)
                drawn.append((pen.value, glyphs[glyph_name].width))
            assert drawn[0] == drawn[1], f"{lean_path.name}: U+{code:04X} ({name}) is drawn differently"
        for attribute in ("unitsPerEm",):
            assert getattr(lean["head"], attribute) == getattr(original["head"], attribute)
        for attribute in ("ascent", "descent", "lineGap"):
            assert getattr(lean["hhea"], attribute) == getattr(original["hhea"], attribute), f"{lean_path.name}: hhea.{attribute}"


# ---------------------------------------------------------------- the server


def test_the_server_gzips_text_for_clients_that_ask_and_keeps_bytes_intact(tmp_path):
    (tmp_path / "index.html").write_text("<p>" + "yongbyon " * 500 + "</p>", encoding="utf-8")
    (tmp_path / "picture.png").write_bytes(b"\x89PNG not text")
    server = serve.start(str(tmp_path))
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        request = urllib.request.Request(f"{base}/index.html", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            body = response.read()
        assert len(body) < 200
        assert gzip.decompress(body) == (tmp_path / "index.html").read_bytes()
        with urllib.request.urlopen(f"{base}/index.html") as response:
            assert response.headers.get("Content-Encoding") is None
            assert response.read() == (tmp_path / "index.html").read_bytes()
        request = urllib.request.Request(f"{base}/picture.png", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as response:
            assert response.headers.get("Content-Encoding") is None
            assert response.read() == b"\x89PNG not text"
        with urllib.request.urlopen(f"{base}/") as response:
            assert b"yongbyon" in response.read()
    finally:
        server.shutdown()
