"""The speed layer in the built site (bookbuild/fast_assets.py, bookbuild/lean.py):
every page links one stylesheet joining the lean ones, and the lean icon fonts
keep every glyph the stylesheets name, drawn exactly as before."""

from __future__ import annotations

import re

from bookbuild.fast_assets import OWN_STYLESHEETS
from bookbuild.lean import BUNDLE, bundle_parts, strings_in



def test_pages_link_one_stylesheet_that_joins_the_lean_ones(site):
    bundle = site.html / BUNDLE
    parts = bundle_parts(bundle)
    assert parts and parts[-1] == "_static/book.css", parts
    text = bundle.read_text(encoding="utf-8")
    for part in parts:
        path = site.html / part
        if part not in OWN_STYLESHEETS:
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


