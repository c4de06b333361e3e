"""Parts of pages built from the data: timeline entries, the claims ledger.

Chapters and reference pages call these in `remove-input` cells, so what the
reader sees is built from `data/` at every build and cannot drift from it:

    from booktools import timeline_entries
    timeline_entries("ch02")          # the timeline events chapter 2 discusses

Each result carries two forms. The book shows the MyST one (`text/markdown`,
parsed by the build): its citations, chapter links and cross-references are
roles that Sphinx resolves at every build, so a cached output never holds a
chapter's title, a page's file name or a source's label, and those can change
without re-running a notebook. JupyterLab shows the HTML one, with each
source's author-year label and address as plain text and links.
"""

from __future__ import annotations

import html

import pandas as pd

from booktools.bibliography import entries, labels, split_keys
from booktools.data import load

# The tables each helper reads (the build keys a notebook's cached outputs by them: bookbuild/cache.py).
READS = {"timeline_entries": ["events"], "timeline_list": ["events"], "events_for": ["events"], "ledger": ["claims"]}

ASSESSMENTS = ["supported", "partly supported", "contested", "not supported", "outdated", "not checkable"]
CLAIM_TYPES = ["fact", "estimate", "characterisation", "forecast", "recommendation"]
# The article's cross-post date: what a reader could know then, and what came later.
ARTICLE_DATE = "2021-09-12"
# The assessment's mark, beside its word (never colour alone).
ASSESSMENT_MARKS = {"supported": "✓", "partly supported": "◐", "contested": "⇄", "not supported": "✗",
                    "outdated": "⌛", "not checkable": "?"}
# Its colour role in charts (booktools.category_scale(ASSESSMENTS, ASSESSMENT_ROLES)).
ASSESSMENT_ROLES = ["positive", "light", "secondary", "alert", "event", "muted"]


class Fragment:
    """A piece of a page: MyST for the book, HTML for JupyterLab."""

    def __init__(self, myst: str, html_text: str):
        self.myst, self.html = myst, html_text

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/markdown": self.myst, "text/html": self.html}


def event_anchor(event_id: str) -> str:
    return f"ev-{event_id}"


def claim_anchor(claim_id: str) -> str:
    return f"claim-{claim_id}"


def cite(keys) -> str:
    """`{cite:p}` for ';'-separated source keys (empty if there are none)."""
    found = split_keys(keys)
    return f"{{cite:p}}`{','.join(found)}`" if found else ""


def cite_html(keys) -> str:
    """The same sources for JupyterLab: "(Reuters 2021b; IAEA 2021)", each a link."""
    found = split_keys(keys)
    if not found:
        return ""
    names, known = labels(), entries()
    links = [
        f'<a href="{html.escape(known[key].url)}">{html.escape(names[key])}</a>' if key in known and known[key].url
        else html.escape(names.get(key, key))
        for key in found
    ]
    return "(" + "; ".join(links) + ")"


def _text(value) -> str:
    return "" if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)) else str(value)


def _myst_text(value) -> str:
    """Prose from a table cell, safe inside MyST: no stray role or markup syntax."""
    text = _text(value)
    for char in ("\\", "`", "*", "_", "[", "]", "<", ">", "|", "{", "}", "#", "$"):
        text = text.replace(char, "\\" + char)
    return text


def _event_dates(events: pd.DataFrame) -> pd.Series:
    return pd.to_datetime(events["date"], format="ISO8601")


def events_for(chapter: str) -> pd.DataFrame:
    """The rows of the events table that list `chapter` (e.g. "ch02"), by date."""
    events = load("events")
    chosen = events[events["chapters"].fillna("").map(lambda value: chapter in split_keys(value))].copy()
    chosen["when"] = _event_dates(chosen)
    return chosen.sort_values(["when", "event_id"])


def timeline_entries(chapter: str) -> Fragment:
    """The timeline events a chapter discusses, each linking to its entry on the timeline page."""
    rows = events_for(chapter)
    if rows.empty:
        return Fragment("No timeline entries are tagged with this chapter yet.",
                        "<p>No timeline entries are tagged with this chapter yet.</p>")
    myst = "\n".join(
        f"- {{ref}}`{_myst_text(row.date)}: {_myst_text(row.title)} <{event_anchor(row.event_id)}>`"
        for row in rows.itertuples()
    )
    items = "".join(f"<li>{html.escape(row.date)}: {html.escape(row.title)}</li>" for row in rows.itertuples())
    return Fragment(myst, f'<ul class="timeline-entries">{items}</ul>')


def timeline_list(events: pd.DataFrame | None = None) -> Fragment:
    """Every event, year by year: date, category, what happened, its sources and
    the chapters that discuss it. Each event is a target (`ev-<id>`)."""
    events = load("events") if events is None else events
    events = events.assign(when=_event_dates(events)).sort_values(["when", "event_id"])
    myst, parts = [], []
    for year, group in events.groupby(events["when"].dt.year, sort=True):
        myst += [f"\n(year-{year})=", f":::{{rubric}} {year}", ":::", ""]
        items = []
        for row in group.itertuples():
            chapters = ", ".join(f"{{chapter}}`{c}`" for c in split_keys(row.chapters))
            note = f" *{_myst_text(row.note)}*" if _text(row.note) else ""
            after = " later" if row.date[:10] > ARTICLE_DATE else ""
            myst += [
                f"({event_anchor(row.event_id)})=",
                f":::{{div}} tl-event{after}",
                f"**{_myst_text(row.date)}** · {_myst_text(row.category)} · **{_myst_text(row.title)}**. "
                f"{_myst_text(row.summary)}{note} {cite(row.source)}",
                *([f"\nDiscussed in: {chapters}."] if chapters else []),
                ":::",
                "",
            ]
            items.append(
                f'<li id="{event_anchor(row.event_id)}"><strong>{html.escape(row.date)}</strong> · '
                f"{html.escape(row.category)} · <strong>{html.escape(row.title)}</strong>. "
                f"{html.escape(row.summary)} {cite_html(row.source)}</li>"
            )
        parts.append(f"<h3>{year}</h3><ul>{''.join(items)}</ul>")
    return Fragment("\n".join(myst), "".join(parts))


def ledger(paragraph: str, claims: pd.DataFrame | None = None) -> Fragment:
    """The claims ledger entries of one paragraph ("p-02"), each claim a block
    and a target (`claim-<id>`): the claim, its type, the assessment with its
    mark and word, the evidence with its sources, and what happened next."""
    claims = load("claims") if claims is None else claims
    rows = claims[claims["paragraph"] == paragraph]
    number = paragraph[2:].lstrip("0")
    myst = [f"The passage: {{ref}}`¶{number} <{paragraph}>`.", ""]
    parts = [f"<p>The passage: ¶{number}.</p>"]
    if rows.empty:
        return Fragment("\n".join(myst + ["No checkable claims are recorded for this paragraph."]),
                        "".join(parts) + "<p>No checkable claims are recorded for this paragraph.</p>")
    for row in rows.itertuples():
        slug = row.assessment.replace(" ", "-")
        mark = ASSESSMENT_MARKS.get(row.assessment, "")
        later = []
        if _text(row.later):
            later = ["", ":::{div} later",
                     f"**What happened next** ({_myst_text(row.later_date)}, after the article): "
                     f"{_myst_text(row.later)} {cite(row.later_source)}", ":::"]
        myst += [
            f"({claim_anchor(row.claim_id)})=",
            f"::::{{div}} ledger-claim assessment-{slug}",
            f"**{row.claim_id}** · {_myst_text(row.claim_type)} · "
            f"[{mark} {_myst_text(row.assessment)}]{{.assessment .assessment-{slug}}}",
            "",
            f"**The article claims:** {_myst_text(row.claim)}",
            "",
            f"**Evidence:** {_myst_text(row.note)} {cite(row.source)}".rstrip(),
            *later,
            "::::",
            "",
        ]
        later_html = f"<p class=\"later\"><strong>What happened next</strong> ({html.escape(_text(row.later_date))}): {html.escape(_text(row.later))}</p>" if _text(row.later) else ""
        parts.append(
            f'<div class="ledger-claim" id="{claim_anchor(row.claim_id)}"><p><strong>{row.claim_id}</strong> · '
            f"{html.escape(row.claim_type)} · {mark} {html.escape(row.assessment)}</p>"
            f"<p><strong>The article claims:</strong> {html.escape(row.claim)}</p>"
            f"<p><strong>Evidence:</strong> {html.escape(_text(row.note))} {cite_html(row.source)}</p>{later_html}</div>"
        )
    return Fragment("\n".join(myst), "".join(parts))
