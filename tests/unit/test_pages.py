"""booktools.pages: parts of pages built from data, MyST for the book and HTML for JupyterLab."""

from __future__ import annotations

import pandas as pd

from booktools.pages import cite, ledger, timeline_entries, timeline_list

CLAIMS = pd.DataFrame([{
    "claim_id": "p01-1", "paragraph": "p-01", "claim": "The reactor *restarted* in July.", "claim_type": "fact",
    "assessment": "supported", "note": "The IAEA says so; $1.3 billion and $130 million.", "source": "iaea-2021-gov-2021-40",
    "later": "It ran on.", "later_date": "2022", "later_source": "",
}])
EVENTS = pd.DataFrame([{
    "event_id": "2021-08-27-x", "date": "2021-08-27", "category": "nuclear", "title": "Report", "summary": "The IAEA reported.",
    "chapters": "ch01;ch02", "source": "iaea-2021-gov-2021-40", "note": None,
}])


def test_ledger_entries_are_blocks_with_anchors_marks_and_roles():
    fragment = ledger("p-01", CLAIMS)
    assert "(claim-p01-1)=" in fragment.myst and ":::{div} ledger-claim assessment-supported" in fragment.myst
    assert "✓ supported" in fragment.myst and "{ref}`¶1 <p-01>`" in fragment.myst
    assert "{cite:p}`iaea-2021-gov-2021-40`" in fragment.myst
    assert "\\*restarted\\*" in fragment.myst, "table text is escaped, not read as markup"
    assert "\\$1.3 billion and \\$130 million" in fragment.myst, "dollar signs are not read as mathematics"
    assert ":::{div} later\n**What happened next** (2022, after the article)" in fragment.myst
    assert 'id="claim-p01-1"' in fragment.html and ">IAEA 2021</a>)" in fragment.html
    bundle = fragment._repr_mimebundle_()
    assert set(bundle) == {"text/markdown", "text/html"}


def test_timeline_names_chapters_by_role_never_by_title():
    fragment = timeline_list(EVENTS)
    assert "(ev-2021-08-27-x)=" in fragment.myst
    assert "{chapter}`ch01`, {chapter}`ch02`" in fragment.myst
    assert "(year-2021)=" in fragment.myst


def test_chapter_timeline_entries_link_their_events():
    fragment = timeline_entries("ch01")
    assert fragment.myst.startswith("- {ref}`") and "<ev-" in fragment.myst


def test_cite_joins_keys():
    assert cite("a; b") == "{cite:p}`a,b`" and cite("") == ""


def test_frames_with_a_bare_row_counter_show_without_it():
    from booktools.tables import frame_html, positional_index

    frame = pd.DataFrame({"year": [2021, 2022], "value": [1.5, 2.5]})
    filtered = frame[frame["year"] > 2021]
    assert positional_index(frame) and positional_index(filtered)
    for shown in (frame, filtered):
        html = frame_html(shown)
        assert "<th>year</th>" in html and not any(f"<th>{i}</th>" in html for i in range(2))
    by_year = frame.set_index("year")
    assert not positional_index(by_year) and "2021</th>" in frame_html(by_year)
