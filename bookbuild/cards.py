"""Reference cards: what a citation, a term or a cross-reference points at,
shown where the reader is (issue #16).

At the end of the build this module writes `_static/book-cards.js`, one file
with the card of every target a page can link to:

* a source (`sources.html#cite-<key>`): its full entry, as the Sources page
  gives it, with the link to the original and the copy it was read via;
* a glossary term (`glossary.html#term-…`): its definition;
* a claims ledger entry (`claims.html#claim-…`): the claim and its assessment;
* a page of the book: its title and first lines (its meta description).

`book-cards.js` in `_static` (the loader) reads a page's links, and loads the
file by script tag (so file:// works) the first time a reader hovers, focuses
or taps one; nothing is added to the pages themselves, which stay small.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

CARDS_FILE = "book-cards-data.js"
LOADER = "book-cards.js"


def _plain_html(rendered: str) -> str:
    """pybtex's HTML without its protective spans; links open beside the book."""
    rendered = re.sub(r'<span class="bibtex-protected">(.*?)</span>', r"\1", rendered)
    return rendered.replace("<a href=", '<a rel="noopener" target="_blank" href=')


def reference_cards(bibfile: Path) -> dict[str, str]:
    """cite-<key> -> the entry as HTML, in the Sources page's style."""
    from pybtex.database import parse_file
    from pybtex.plugin import find_plugin

    from bookbuild.bibliography import ENTRY_STYLE

    data = parse_file(str(bibfile), bib_format="bibtex")
    style = find_plugin("pybtex.style.formatting", ENTRY_STYLE)()
    backend = find_plugin("pybtex.backends", "html")()
    cards = {}
    for entry in style.format_entries(data.entries.values()):
        cards[f"cite-{entry.key}"] = (f'<p class="bk-card-label">{html.escape(entry.label)}</p>'
                                      f"<p>{_plain_html(entry.text.render(backend))}</p>")
    return cards


def term_cards(env, glossary_csv: Path) -> dict[str, str]:
    """term-… (the id Sphinx gave the term) -> its definition."""
    import csv

    ids = {name: labelid for (kind, name), (docname, labelid) in env.get_domain("std").objects.items() if kind == "term"}
    cards = {}
    if not glossary_csv.is_file():
        return cards
    with open(glossary_csv, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            labelid = ids.get(row["term"].lower())
            if labelid:
                cards[labelid] = (f'<p class="bk-card-label">{html.escape(row["term"])}</p>'
                                  f'<p>{html.escape(row["definition"])}</p>')
    return cards


def claim_cards(claims_csv: Path) -> dict[str, str]:
    import csv

    from booktools.pages import ASSESSMENT_MARKS

    cards = {}
    if not claims_csv.is_file():
        return cards
    with open(claims_csv, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            mark = ASSESSMENT_MARKS.get(row["assessment"], "")
            cards[f"claim-{row['claim_id']}"] = (
                f'<p class="bk-card-label">Claim {html.escape(row["claim_id"])} · {html.escape(row["claim_type"])} · '
                f'{mark} {html.escape(row["assessment"])}</p><p>{html.escape(row["claim"])}</p>'
            )
    return cards


def page_cards(env) -> dict[str, str]:
    """docname -> its title and description."""
    cards = {}
    for docname in sorted(env.found_docs):
        title = env.titles.get(docname)
        if title is None:
            continue
        description = (env.metadata.get(docname) or {}).get("description", "")
        cards[docname] = (f'<p class="bk-card-label">{html.escape(title.astext())}</p>'
                          + (f"<p>{html.escape(description)}</p>" if description else ""))
    return cards


def write_cards(app) -> Path:
    confdir = Path(app.confdir)
    cards = {
        "refs": reference_cards(Path(app.config.bibtex_bibfiles[0])),
        "terms": term_cards(app.env, confdir / "data" / "glossary.csv"),
        "claims": claim_cards(confdir / "data" / "claims.csv"),
        "pages": page_cards(app.env),
    }
    payload = json.dumps(cards, ensure_ascii=False, sort_keys=True, separators=(",", ":")).replace("</", "<\\/")
    target = Path(app.outdir) / "_static" / CARDS_FILE
    text = f"window.bookCards = {payload};\n"
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
    return target


def _finish(app, exception) -> None:
    if exception is None and app.builder.format == "html":
        write_cards(app)


def setup(app) -> None:
    app.add_js_file(LOADER, loading_method="defer", **{"data-cards": CARDS_FILE})
    app.connect("build-finished", _finish, priority=500)
