"""Lean stylesheets and icon fonts for the built site (issue #7: speed on phones).

The theme links its whole toolkit from every page: all of Bootstrap 5, the
rules for about 1,900 Font Awesome icons, every sphinx-design and myst-nb
component. That is about 540 KB of render-blocking CSS, and a 156 KB icon font
of which the book shows 16 glyphs. On Lighthouse's throttled phone the CSS
alone delayed the first paint by over a second.

At the end of a build, `write_lean_assets` writes beside each stylesheet the
pages link a `<name>.lean.css` copy without the rules no page can match, and
beside each icon font a `<name>.lean.woff2` subset holding only the glyphs the
lean stylesheets name. The originals stay in `_static`, untouched.

`write_stylesheet_bundle` then joins the lean copies and the book's own
`book.css`, in the order the theme links them, into one file,
`_static/book-styles.css`, which is the one stylesheet a page links
(booktools/sphinx.py, `book/_templates/layout.html`): on a phone's network
each further render-blocking file costs a round trip before the first paint.

What is dropped: a selector is dropped when it names a class that occurs
nowhere in the site, that is, not as a word in any built page, not in any
script a page loads, and not under a prefix a script builds class names from
(a string literal ending in "-", such as "fa-" or `bs-${...}`). A rule goes
when all its selectors go. Classes inside :not(), :is(), :where() and :has()
do not count against a selector, and selectors with escapes are kept. Nothing
else is touched: @font-face, @keyframes, custom properties, element, id and
attribute selectors all stay. `tests/test_lean.py` renders pages with the
lean files and with the originals and checks the pictures are identical.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import tinycss2

LEAN = ".lean"
# The built pages and the scripts they load; not the source copies, not the
# handouts (their own stylesheet), not the vega bundle (vega-embed styles its
# own elements with its own injected CSS, and its 900 KB of words would keep
# Bootstrap classes no page uses).
SKIP_DIRS = {"_sources", "handouts", "_images", "_downloads", "data"}
WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
JS_PREFIX = re.compile(r"""["'`]([A-Za-z][A-Za-z0-9_-]*-)(?:["'`]|\$\{)""")
# `data-src`: scripts the layout starts just after the first paint (Bootstrap,
# the theme's own script) are loaded all the same, and add classes too.
SCRIPT_SRC = re.compile(r"""<script[^>]*\s(?:data-)?src="([^"]+)\"""")
LEAN_HREF = re.compile(r'href="([^"?#]+)\.lean\.css"')
FUNCTIONAL = re.compile(r":(?:not|is|where|has|matches|-webkit-any|-moz-any)\(")
CLASS = re.compile(r"\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)")
NESTING = {"media", "supports", "layer", "container", "document"}


def lean_name(filename: str, suffix: str = ".css") -> str:
    """`_static/styles/x.css` -> `_static/styles/x.lean.css`."""
    return filename[: -len(suffix)] + LEAN + suffix if filename.endswith(suffix) else filename


class Vocabulary:
    """Every word of the built pages and of the scripts they load."""

    def __init__(self, words: set[str], prefixes: set[str], stylesheets: set[str] = frozenset()):
        self.words = words
        self.prefixes = tuple(sorted(prefixes))
        # The stylesheets pages link as `<name>.lean.css` (outdir-relative originals).
        self.stylesheets = sorted(stylesheets)

    @classmethod
    def of_site(cls, outdir: Path) -> "Vocabulary":
        words: set[str] = set()
        prefixes: set[str] = set()
        scripts: set[Path] = set()
        stylesheets: set[str] = set()
        for page in sorted(outdir.rglob("*.html")):
            if SKIP_DIRS & set(page.relative_to(outdir).parts[:-1]):
                continue
            text = page.read_text(encoding="utf-8", errors="replace")
            words.update(WORD.findall(text))
            for href in LEAN_HREF.findall(text):
                source = (page.parent / (href + ".css")).resolve()
                if source.is_file():
                    stylesheets.add(source.relative_to(outdir.resolve()).as_posix())
            for src in SCRIPT_SRC.findall(text):
                if "://" in src:
                    continue
                path = (page.parent / src.split("?")[0]).resolve()
                if path.is_file() and path.suffix == ".js":
                    scripts.add(path)
        for script in sorted(scripts):
            text = script.read_text(encoding="utf-8", errors="replace")
            words.update(WORD.findall(text))
            prefixes.update(JS_PREFIX.findall(text))
        return cls(words, prefixes, stylesheets)

    def has(self, name: str) -> bool:
        return name in self.words or name.startswith(self.prefixes)


def _outside_functions(selector: str) -> str:
    """The selector without the arguments of :not(), :is(), :where(), :has()."""
    out, i = [], 0
    while (match := FUNCTIONAL.search(selector, i)) is not None:
        out.append(selector[i:match.start()])
        depth, j = 1, match.end()
        while j < len(selector) and depth:
            depth += {"(": 1, ")": -1}.get(selector[j], 0)
            j += 1
        i = j
    out.append(selector[i:])
    return "".join(out)


def _split_selectors(prelude: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for char in prelude:
        depth += {"(": 1, "[": 1, ")": -1, "]": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    return [part.strip() for part in parts if part.strip()]


def selector_can_match(selector: str, vocabulary: Vocabulary) -> bool:
    if "\\" in selector:
        return True
    return all(vocabulary.has(name) for name in CLASS.findall(_outside_functions(selector)))


def _ascii(css: str) -> str:
    """Escape non-ASCII characters (icon code points in `content` strings), so
    the file reads the same whatever encoding a server announces."""
    return "".join(c if ord(c) < 128 else f"\\{ord(c):x} " for c in css)


def _purge(rules, vocabulary: Vocabulary) -> tuple[list[str], int]:
    kept, dropped = [], 0
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = _split_selectors(tinycss2.serialize(rule.prelude))
            matching = [s for s in selectors if selector_can_match(s, vocabulary)]
            dropped += len(selectors) - len(matching)
            if matching:
                kept.append(",".join(matching) + "{" + tinycss2.serialize(rule.content) + "}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in NESTING and rule.content is not None:
            inner, inner_dropped = _purge(tinycss2.parse_rule_list(rule.content), vocabulary)
            dropped += inner_dropped
            if inner:
                kept.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{''.join(inner)}}}")
        elif rule.type in ("whitespace", "comment"):
            continue
        elif rule.type == "error":
            raise ValueError(f"CSS parse error: {rule.message}")
        else:
            kept.append(tinycss2.serialize([rule]))
    return kept, dropped


def lean_css(css: str, vocabulary: Vocabulary) -> tuple[str, int]:
    """The stylesheet without rules no page can match, and how many selectors went."""
    rules = tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True)
    rules = [r for r in rules if not (r.type == "at-rule" and r.lower_at_keyword == "charset")]
    kept, dropped = _purge(rules, vocabulary)
    return _ascii("\n".join(kept)) + "\n", dropped


def strings_in(css: str) -> set[str]:
    """Every character of every string in a stylesheet (icon glyphs among them)."""
    chars: set[str] = set()

    def walk(tokens):
        for token in tokens or ():
            if token.type == "string":
                chars.update(token.value)
            for attr in ("prelude", "content", "arguments"):
                walk(getattr(token, attr, None))

    walk(tinycss2.parse_stylesheet(css))
    return chars


FONT_URL = re.compile(r"url\((['\"]?)([^)'\"]+\.woff2)\1\)")


def subset_font(source: Path, target: Path, chars: set[str]) -> None:
    from fontTools import subset

    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = []
    options.notdef_outline = True
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes={ord(c) for c in chars})
    subsetter.subset(font)
    subset.save_font(font, str(target), options)


def write_lean_assets(outdir: Path, stylesheets=()) -> dict[str, tuple[int, int]]:
    """Write `<name>.lean.css` for each stylesheet a page links as such or
    `stylesheets` names (outdir-relative originals, such as the parts of the
    stylesheet bundle), and `<font>.lean.woff2` for each woff2 font they use.
    Returns sizes."""
    vocabulary = Vocabulary.of_site(outdir)
    sizes: dict[str, tuple[int, int]] = {}
    lean_sheets: dict[Path, str] = {}
    for name in sorted(set(vocabulary.stylesheets) | set(stylesheets)):
        source = outdir / name
        try:
            text, _ = lean_css(source.read_text(encoding="utf-8"), vocabulary)
        except ValueError as error:
            raise ValueError(f"{source}: {error}") from None
        lean_sheets[outdir / lean_name(name)] = text
        sizes[name] = (source.stat().st_size, len(text.encode()))
    chars = set().union(*(strings_in(text) for text in lean_sheets.values())) if lean_sheets else set()
    for path, text in lean_sheets.items():
        for _, url in sorted(set(FONT_URL.findall(text))):
            font = (path.parent / url).resolve()
            if not font.is_file() or font.name.endswith(LEAN + ".woff2"):
                continue
            target = font.with_name(lean_name(font.name, ".woff2"))
            subset_font(font, target, chars)
            sizes[str(font.relative_to(outdir.resolve()))] = (font.stat().st_size, target.stat().st_size)
            text = text.replace(url, lean_name(url, ".woff2"))
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    return sizes


# ---------------------------------------------------------------- one stylesheet

BUNDLE = "_static/book-styles.css"
BUNDLE_HEAD = '@charset "UTF-8";\n/* booktools/lean.py joined these files, in this order: {parts} */\n'
BUNDLE_PARTS = re.compile(r"/\* booktools/lean.py joined these files, in this order: (.*?) \*/")
CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)""", re.S)
AT_IMPORT = re.compile(r"@import\b", re.I)
AT_CHARSET = re.compile(r"""^\ufeff?@charset\s+["'][^"']*["'];\s*""", re.I)


def _rebase_urls(text: str, source_dir: str, target_dir: str) -> str:
    """Rewrite relative url()s written for a file in `source_dir` so that they
    point at the same files from `target_dir` (both outdir-relative, posix)."""

    def rebase(match: re.Match) -> str:
        quote, url = match.group(1), match.group(2).strip()
        if not url or url.startswith(("data:", "#", "/")) or "://" in url:
            return match.group(0)
        path, mark, rest = url.partition("?") if "?" in url else url.partition("#")
        moved = posixpath.relpath(posixpath.normpath(posixpath.join(source_dir, path)), target_dir)
        return f"url({quote}{moved}{mark}{rest}{quote})"

    return CSS_URL.sub(rebase, text)


def write_stylesheet_bundle(outdir: Path, parts: list[str], name: str = BUNDLE) -> Path:
    """Join the stylesheets `parts` (outdir-relative, in cascade order) into
    one file `name`, with each url() rewritten to work from its new place."""
    if not parts:
        raise ValueError(f"{outdir / name}: no stylesheets to join")
    target_dir = posixpath.dirname(name)
    chunks = [BUNDLE_HEAD.format(parts=" ".join(parts))]
    for part in parts:
        path = outdir / part
        if not path.is_file():
            raise FileNotFoundError(f"{path}: a stylesheet for {name} is missing")
        text = AT_CHARSET.sub("", path.read_text(encoding="utf-8"))
        if AT_IMPORT.search(text):
            # An @import is only valid at the top of a stylesheet, so it cannot be joined.
            raise ValueError(f"{path}: has an @import, which cannot be joined into {name}")
        chunks.append(f"/* {part} */\n{_rebase_urls(text, posixpath.dirname(part), target_dir).strip()}\n")
    text = "".join(chunks)
    target = outdir / name
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
    return target


def bundle_parts(path: Path) -> list[str]:
    """The stylesheets a bundle written by `write_stylesheet_bundle` joined."""
    found = BUNDLE_PARTS.search(path.read_text(encoding="utf-8")[:2000]) if path.is_file() else None
    return found.group(1).split() if found else []
