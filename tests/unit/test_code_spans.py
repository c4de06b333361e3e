"""Highlighted code keeps its text and its colours without the spans that change nothing."""

from __future__ import annotations

import re

from pygments import highlight
from pygments.formatters.html import HtmlFormatter
from pygments.lexers import PythonLexer
from pygments.styles import get_style_by_name
from pygments.token import Token

from bookbuild.code_spans import formatter_for, plain_tokens

CODE = 'import altair as alt\nspans = agreements.assign(name=agreements["agreement_id"].map(short_names))  # one row each\n'
STYLES = [get_style_by_name("a11y-high-contrast-light"), get_style_by_name("a11y-high-contrast-dark")]


def text_of(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def test_names_and_punctuation_lose_their_spans_and_keywords_keep_theirs():
    plain = plain_tokens(*STYLES)
    assert {Token.Name, Token.Punctuation, Token.Text} <= plain
    assert Token.Keyword not in plain and Token.Literal.String.Double not in plain and Token.Comment.Single not in plain
    full = highlight(CODE, PythonLexer(), HtmlFormatter())
    lean = highlight(CODE, PythonLexer(), formatter_for(plain)())
    assert text_of(lean) == text_of(full)
    assert '<span class="n">' in full and '<span class="n">' not in lean and '<span class="p">' not in lean
    for kept in ('<span class="kn">import</span>', '<span class="s2">"agreement_id"</span>', '<span class="c1">'):
        assert kept in lean
    assert len(lean) < 0.7 * len(full)


def test_a_style_that_colours_a_token_keeps_its_spans():
    friendly = get_style_by_name("friendly")  # draws builtins (e.g. print) in green, plain text in black
    plain = plain_tokens(STYLES[0], friendly)
    assert Token.Name.Builtin not in plain and Token.Name in plain
    code = "print(len(spans))\n"
    lean = highlight(code, PythonLexer(), formatter_for(plain)())
    assert '<span class="nb">print</span>' in lean
    assert text_of(lean) == text_of(highlight(code, PythonLexer(), HtmlFormatter()))
