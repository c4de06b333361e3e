"""Lean stylesheets (bookbuild.lean): the rules they drop can match nothing,
and the one stylesheet that joins them keeps every url() resolving. (The built
site's lean files: tests/site/test_fast_assets.py; pictures drawn with them:
tests/browser/test_lean_pictures.py.)"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bookbuild.lean import BUNDLE, Vocabulary, bundle_parts, lean_css, strings_in, write_stylesheet_bundle

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


