"""Pieces of pages generated from the data: timeline rows, ledger rows, link lists.

Chapters and reference pages call these in `remove-input` cells, so what the
reader sees is built from `data/` at every build and cannot drift from it:

    from booktools import timeline_entries
    timeline_entries("ch02")          # the timeline events chapter 2 discusses
"""

from __future__ import annotations

import functools
import html
import re
from pathlib import Path

import pandas as pd
from IPython.display import HTML

from booktools.data import default_bibliography, load, project_root

TIMELINE_PAGE = "reference/timeline.html"
LEDGER_PAGE = "reference/claims.html"


def event_anchor(event_id: str) -> str:
    return f"ev-{event_id}"


def claim_anchor(claim_id: str) -> str:
    return f"claim-{claim_id}"


def chapter_files(root: Path | None = None) -> dict[str, str]:
    """Chapter id -> page name, from the chapter files: {"ch01": "01-reactor", ...}."""
    book = Path(root or project_root()) / "book"
    found = {}
    for path in sorted(book.glob("[0-9][0-9]-*.md")):
        found[f"ch{path.name[:2]}"] = path.stem
    return found


def chapter_titles(root: Path | None = None) -> dict[str, str]:
    """Chapter id -> its H1 title, read from the chapter file."""
    book = Path(root or project_root()) / "book"
    titles = {}
    for chapter, stem in chapter_files(root).items():
        text = (book / f"{stem}.md").read_text(encoding="utf-8")
        found = re.search(r"^# (.+)$", text, flags=re.M)
        titles[chapter] = found.group(1).strip() if found else stem
    return titles


def paragraph_pages(root: Path | None = None) -> dict[str, str]:
    """Paragraph anchor -> chapter page name: {"p-01": "01-reactor", ...}, from the
    `(p-NN)=` labels in the chapter files."""
    book = Path(root or project_root()) / "book"
    found = {}
    for stem in chapter_files(root).values():
        for label in re.findall(r"^\((p-\d\d)\)=$", (book / f"{stem}.md").read_text(encoding="utf-8"), flags=re.M):
            found[label] = stem
    return found


def split_keys(value) -> list[str]:
    """'a;b' -> ['a', 'b'] (the package's convention for several keys in one cell)."""
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return []
    return [part.strip() for part in str(value).split(";") if part.strip()]


@functools.lru_cache(maxsize=2)
def _bibliography(path: str, mtime: float) -> dict[str, dict]:
    from pybtex.database import parse_file

    entries = {}
    for key, entry in parse_file(path, bib_format="bibtex").entries.items():
        fields = entry.fields
        title = re.sub(r"[{}]", "", str(fields.get("title", key)))
        entries[key] = {"title": title, "url": str(fields.get("url", "")), "year": str(fields.get("year", ""))}
    return entries


def bibliography(path: Path | str | None = None) -> dict[str, dict]:
    """Citation key -> {title, url, year}, from book/references.bib."""
    path = Path(path or default_bibliography())
    return _bibliography(str(path), path.stat().st_mtime)


def source_links(keys, sources_page: str = "sources.html") -> str:
    """HTML links for ';'-separated citation keys: the source's own address, titled."""
    bib = bibliography()
    links = []
    for key in split_keys(keys):
        entry = bib.get(key, {"title": key, "url": ""})
        label = html.escape(_short_label(key, entry))
        title = html.escape(entry["title"])
        href = entry["url"] or f"{sources_page}"
        links.append(f'<a href="{html.escape(href)}" title="{title}">{label}</a>')
    return ", ".join(links)


def _short_label(key: str, entry: dict) -> str:
    """'reuters-2021-restarted-reactor' -> 'Reuters 2021'."""
    org = key.split("-")[0]
    names = {
        "iaea": "IAEA", "un": "UN", "unsc": "UNSC", "kcna": "KCNA", "ap": "AP", "afp": "AFP", "bbc": "BBC",
        "cns": "CNS", "nti": "NTI", "crs": "CRS", "csis": "CSIS", "38north": "38 North", "nk": "NK News",
        "usgs": "USGS", "voa": "VOA", "rfa": "RFA", "nyt": "NYT", "wapo": "Washington Post", "npr": "NPR",
        "cnn": "CNN", "nhk": "NHK", "kbs": "KBS", "dw": "DW", "aca": "Arms Control Association",
        "congress": "Congress.gov", "whitehouse": "White House", "state": "State Department",
    }
    name = names.get(org, org.capitalize())
    return f"{name} {entry.get('year', '')}".strip()


def _event_dates(events: pd.DataFrame) -> pd.Series:
    return pd.to_datetime(events["date"], format="ISO8601")


def events_for(chapter: str) -> pd.DataFrame:
    """The rows of the events table that list `chapter` (e.g. "ch02"), by date."""
    events = load("events")
    mask = events["chapters"].fillna("").map(lambda v: chapter in split_keys(v))
    chosen = events[mask].copy()
    chosen["when"] = _event_dates(chosen)
    return chosen.sort_values(["when", "event_id"])


def timeline_entries(chapter: str) -> HTML:
    """A list of the timeline events a chapter discusses, each linking to its row
    on the timeline page."""
    rows = events_for(chapter)
    if rows.empty:
        return HTML("<p>No timeline entries are tagged with this chapter yet.</p>")
    items = "".join(
        f'<li><a href="{TIMELINE_PAGE}#{event_anchor(row.event_id)}">'
        f"{html.escape(row.date)}: {html.escape(row.title)}</a></li>"
        for row in rows.itertuples()
    )
    return HTML(f'<ul class="timeline-entries">{items}</ul>')


def timeline_table(events: pd.DataFrame | None = None) -> HTML:
    """Every event as a table grouped by year: date, what happened, its source
    links and links to the chapters that discuss it. Each row is an anchor."""
    events = load("events") if events is None else events
    events = events.assign(when=_event_dates(events)).sort_values(["when", "event_id"])
    files, titles = chapter_files(), chapter_titles()
    parts = []
    for year, group in events.groupby(events["when"].dt.year, sort=True):
        rows = []
        for row in group.itertuples():
            chapters = ", ".join(
                f'<a href="../{files[c]}.html" title="{html.escape(titles[c])}">{c[2:].lstrip("0")}</a>'
                for c in split_keys(row.chapters) if c in files
            )
            note = f'<br><small>{html.escape(row.note)}</small>' if isinstance(row.note, str) and row.note else ""
            rows.append(
                f'<tr id="{event_anchor(row.event_id)}"><td class="tl-date">{html.escape(row.date)}</td>'
                f'<td class="tl-cat">{html.escape(row.category)}</td>'
                f"<td><strong>{html.escape(row.title)}</strong><br>{html.escape(row.summary)}{note}</td>"
                f'<td class="tl-src">{source_links(row.source, "sources.html")}</td><td>{chapters}</td></tr>'
            )
        head = '<tr><th scope="col">Date</th><th scope="col">Category</th><th scope="col">Event</th><th scope="col">Source</th><th scope="col">Chapter</th></tr>'
        parts.append(
            f'<section class="tl-year" id="year-{year}"><h3>{year}</h3>'
            f'<div class="bk-table-wrap wide" tabindex="0" role="region" aria-label="Events of {year}">'
            f'<table class="tl-table"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table></div></section>'
        )
    return HTML("".join(parts))


ASSESSMENTS = ["supported", "partly supported", "contested", "not supported", "outdated", "not checkable"]
CLAIM_TYPES = ["fact", "estimate", "characterisation", "forecast", "recommendation"]


def ledger_table(paragraph: str, claims: pd.DataFrame | None = None) -> HTML:
    """The claims ledger rows of one paragraph ("p-02"), each row an anchor."""
    claims = load("claims") if claims is None else claims
    rows = claims[claims["paragraph"] == paragraph]
    number = paragraph[2:].lstrip("0")
    pages, titles = paragraph_pages(), chapter_titles()
    passage = ""
    if paragraph in pages:
        chapter = f"ch{pages[paragraph][:2]}"
        passage = (
            f'<p class="ledger-passage">The passage: <a href="../{pages[paragraph]}.html#{paragraph}">'
            f"¶{number}, in chapter {html.escape(titles[chapter])}</a></p>"
        )
    if rows.empty:
        return HTML(passage + "<p>No checkable claims are recorded for this paragraph.</p>")
    body = []
    for row in rows.itertuples():
        later = ""
        if isinstance(row.later, str) and row.later:
            later = (
                f"<strong>{html.escape(str(row.later_date or ''))}</strong> {html.escape(row.later)} "
                f"{source_links(row.later_source, 'sources.html')}"
            )
        slug = row.assessment.replace(" ", "-")
        body.append(
            f'<tr id="{claim_anchor(row.claim_id)}"><td><code>{row.claim_id}</code></td>'
            f"<td>{html.escape(row.claim)}</td><td>{html.escape(row.claim_type)}</td>"
            f'<td><span class="assessment assessment-{slug}">{html.escape(row.assessment)}</span></td>'
            f"<td>{html.escape(row.note or '')}<br>{source_links(row.source, 'sources.html')}</td>"
            f"<td>{later}</td></tr>"
        )
    head = (
        '<tr><th scope="col">Id</th><th scope="col">The article claims</th><th scope="col">Type</th>'
        '<th scope="col">Assessment</th><th scope="col">Evidence</th><th scope="col">What happened next</th></tr>'
    )
    return HTML(
        passage
        + f'<div class="bk-table-wrap wide" tabindex="0" role="region" aria-label="Claims of paragraph {number}">'
        f'<table class="ledger-table"><thead>{head}</thead><tbody>{"".join(body)}</tbody></table></div>'
    )


def discussion_questions(chapter: str):
    """A chapter's discussion questions, read from its own file (so the seminar
    kit shows exactly what the chapter asks), as Markdown."""
    from IPython.display import Markdown

    stem = chapter_files()[chapter]
    text = (Path(project_root()) / "book" / f"{stem}.md").read_text(encoding="utf-8")
    found = re.search(r"^:::\{admonition\} Discussion questions\n(?::class:[^\n]*\n)?(.*?)^:::$", text, flags=re.M | re.S)
    if not found:
        raise ValueError(f"book/{stem}.md has no 'Discussion questions' admonition")
    body = re.sub(r"\{(?:cite:[pt]|term|ref)\}`(?:([^`<]*?)\s*<[^`]*>|([^`]*))`", lambda m: (m.group(1) or m.group(2) or ""), found.group(1))
    return Markdown(body.strip())
