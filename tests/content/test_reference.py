"""The joins between the reference tables and the chapters hold.

Each failure names the table, the row (CSV line) and what it points at.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from bookbuild.chapters import chapters
from booktools.bibliography import split_keys
from tests.conftest import ROOT

DATA = ROOT / "data"
BOOK = ROOT / "book"
TERM_ROLE = re.compile(r"\{term\}`(?:[^`<]*<)?([^`<>]+)>?`")


def rows(name: str) -> list[tuple[int, dict]]:
    with open(DATA / f"{name}.csv", encoding="utf-8", newline="") as handle:
        return list(enumerate(csv.DictReader(handle), start=2))


def chapter_texts() -> dict[str, str]:
    return {chapter.stem: chapter.path.read_text(encoding="utf-8") for chapter in chapters(ROOT)}


def paragraph_pages() -> dict[str, str]:
    """Paragraph anchor -> chapter: {"p-01": "01-reactor", ...}, from the `(p-NN)=` labels."""
    return {label: stem for stem, text in chapter_texts().items()
            for label in re.findall(r"^\((p-\d\d)\)=$", text, flags=re.M)}


def term_uses(texts) -> set[str]:
    return {" ".join(match.split()).lower() for text in texts for match in TERM_ROLE.findall(text)}


def kit_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((BOOK / "seminar").glob("*.md"))] if (BOOK / "seminar").exists() else []


def test_every_claim_points_at_a_paragraph_in_the_book():
    pages = paragraph_pages()
    missing = [f"claims.csv, line {line}, field paragraph: {row['paragraph']!r} ({row['claim_id']}) is in no chapter"
               for line, row in rows("claims") if row["paragraph"] not in pages]
    assert not missing, "\n".join(missing)


def test_claim_ids_match_their_paragraph():
    wrong = [f"claims.csv, line {line}, field claim_id: {row['claim_id']!r} does not belong to {row['paragraph']!r}"
             for line, row in rows("claims") if row["claim_id"].split("-")[0] != "p" + row["paragraph"][2:]]
    assert not wrong, "\n".join(wrong)


def test_checkable_claims_have_evidence_and_later_developments_are_complete():
    problems = []
    for line, row in rows("claims"):
        if row["assessment"] != "not checkable" and not split_keys(row["source"]):
            problems.append(f"claims.csv, line {line}, field source: {row['claim_id']} is assessed "
                            f"{row['assessment']!r} but names no evidence")
        later = [bool(row["later"]), bool(row["later_date"]), bool(split_keys(row["later_source"]))]
        if any(later) and not all(later):
            problems.append(f"claims.csv, line {line}, field later: {row['claim_id']} needs all of later, "
                            "later_date and later_source, or none")
    assert not problems, "\n".join(problems)


def test_every_paragraph_has_ledger_rows():
    covered = {row["paragraph"] for _, row in rows("claims")}
    missing = [label for label in paragraph_pages() if label not in covered]
    assert not missing, f"paragraphs with no row in claims.csv: {missing}"


def test_every_check_the_claim_box_links_its_ledger_rows():
    for stem, text in chapter_texts().items():
        for label in re.findall(r"^\((p-\d\d)\)=$", text, flags=re.M):
            assert f"<ledger-{label}>" in text, f"{stem}.md has passage {label} but no link to ledger-{label}"


def test_glossary_related_terms_exist():
    terms = {row["term"].lower() for _, row in rows("glossary")}
    missing = [f"glossary.csv, line {line}, field related: {term!r} is not a glossary term"
               for line, row in rows("glossary") for term in split_keys(row["related"]) if term.lower() not in terms]
    assert not missing, "\n".join(missing)


def test_every_glossary_term_is_used():
    used = term_uses([*chapter_texts().values(), *kit_texts()])
    unused = [f"glossary.csv, line {line}, field term: {row['term']!r} is used by no chapter or seminar page"
              for line, row in rows("glossary") if row["term"].lower() not in used]
    assert not unused, "\n".join(unused)


def test_every_term_link_names_a_glossary_row():
    terms = {row["term"].lower() for _, row in rows("glossary")}
    for stem, text in chapter_texts().items():
        unknown = sorted(term_uses([text]) - terms)
        assert not unknown, f"{stem}.md links terms missing from glossary.csv: {unknown}"


def test_events_name_existing_chapters():
    known = {chapter.id for chapter in chapters(ROOT)}
    wrong = [f"events.csv, line {line}, field chapters: {c!r} ({row['event_id']}) has no chapter file"
             for line, row in rows("events") for c in split_keys(row["chapters"]) if c not in known]
    assert not wrong, "\n".join(wrong)


def test_every_chapter_cites_and_charts():
    for stem, text in chapter_texts().items():
        assert re.search(r"\{cite:[pt]\}`", text), f"{stem}.md cites no source"
        assert "alt.Chart(" in text, f"{stem}.md builds no Altair chart"
