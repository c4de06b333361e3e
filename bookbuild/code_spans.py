"""Highlighted code without the spans that change nothing (part of the speed layer).

Pygments wraps every token of a code cell in a `<span class="...">`: names,
punctuation and whitespace too, which both of the theme's highlighting styles
draw exactly as the code block's own text. In a chapter those spans are about
half the bytes of its highlighted code (chapter 4: 17 KB of 38 KB), and a
phone fetches them all before it paints.

`PlainTokenFormatter` leaves a token unwrapped when every style the pages use
draws it as plain text: same colour, no bold, italic, underline or background.
Which tokens those are is worked out from the styles themselves, so a change
of style brings the spans back where they would show. The text of the code is
unchanged (tests/unit/test_code_spans.py).
"""

from __future__ import annotations

from pygments.formatters.html import HtmlFormatter
from pygments.style import StyleMeta
from pygments.styles import get_style_by_name
from pygments.token import Token, _TokenType
from pygments.util import ClassNotFound


def plain_tokens(*styles: StyleMeta) -> frozenset[_TokenType]:
    """The token types every one of these styles draws as it draws plain text."""
    plain = None
    for style in styles:
        text = style.style_for_token(Token.Text)
        same = {token for token, drawn in style if drawn == text}
        plain = same if plain is None else plain & same
    return frozenset(plain or ())


def formatter_for(plain: frozenset[_TokenType]) -> type[HtmlFormatter]:
    class PlainTokenFormatter(HtmlFormatter):
        def _get_css_classes(self, ttype):
            return "" if ttype in plain else super()._get_css_classes(ttype)

    return PlainTokenFormatter


def page_styles(app) -> list[str]:
    """The light and dark highlighting styles, as pydata-sphinx-theme chooses them."""
    options = {**app.builder.theme.get_options(), **(app.config.html_theme_options or {})}
    return [options.get("pygments_light_style"), options.get("pygments_dark_style")]


def use_plain_tokens(app) -> None:
    names = page_styles(app)
    if not all(names):
        return
    try:
        styles = [get_style_by_name(name) for name in names]
    except ClassNotFound:  # an unknown style: the theme falls back to its own, so leave the spans
        return
    app.builder.highlighter.formatter = formatter_for(plain_tokens(*styles))
