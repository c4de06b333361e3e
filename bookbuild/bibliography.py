"""Author-year citations, and the style of the Sources page's entries.

Readers see `(Reuters 2021b)` where the text cites, linking to the entry on
the Sources page, whose anchor is the citation key (`#cite-<key>`), so a data
row's `source` key leads there too. sphinxcontrib-bibtex does the work: its
author-year referencing style with round brackets and no comma, and a pybtex
formatting style for the entries. The labels come from a copy of
`book/references.bib` the build writes into `_build/` (never into `book/`):
the same entries, with the two things an author-year label needs that a
bibliography file does not spell out, both derived by booktools.bibliography:

* short names for long issuing bodies (`IAEA` for the International Atomic
  Energy Agency), as author, and a news report's outlet as its author (its
  reporters move to a byline);
* a letter after the year where two entries would share a label (`2021a`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from booktools.bibliography import NO_DATE, OUTLET_FIELDS, SHORT_NAMES, URL_FIELDS, entries, unescape_url, year_suffixes

REFERENCE_STYLE = "book_author_year"
ENTRY_STYLE = "bookstyle"
KIND_NAMES = {"primary": "primary document", "news": "news report", "analysis": "analysis",
              "scholarship": "scholarship", "data": "data"}


def derived_bibliography(source: Path, target: Path) -> Path:
    """Write the bibliography sphinxcontrib-bibtex reads: labels spelled out."""
    from pybtex.database import Person, parse_file

    data = parse_file(str(source), bib_format="bibtex")
    found = entries(source)
    suffixes = year_suffixes(found)
    for key, entry in data.entries.items():
        for name in URL_FIELDS:
            if name in entry.fields:
                entry.fields[name] = unescape_url(entry.fields[name])
        if "doi" in entry.fields and entry.fields.get("url", "").lower() == f"https://doi.org/{entry.fields['doi']}".lower():
            del entry.fields["url"]  # the entry shows its DOI's address once
        if "year" not in entry.fields:
            entry.fields["year"] = entry.fields.get("date", "")[:4] or NO_DATE
        if key in suffixes:
            entry.fields["year"] = suffixes[key]
        people = entry.persons.get("author", [])
        if found[key].cited_by_outlet:
            if people:
                entry.fields["byline"] = " and ".join(str(person) for person in people)
            entry.persons["author"] = [Person("{" + found[key].label_name + "}")]
        elif len(people) == 1 and str(people[0]).strip("{}") in SHORT_NAMES:
            entry.persons["author"] = [Person("{" + SHORT_NAMES[str(people[0]).strip("{}")] + "}")]
    text = "\n".join(_bibtex(key, entry) for key, entry in data.entries.items())
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
    return target


def _bibtex(key, entry) -> str:
    """One entry as BibTeX, its values as they were (pybtex's own writer
    escapes the underscores of URLs, which then reach the page as `\\_`)."""
    lines = [f"@{entry.type}{{{key},"]
    for role, people in entry.persons.items():
        lines.append(f"  {role} = {{{' and '.join(str(person) for person in people)}}},")
    lines += [f"  {name} = {{{value}}}," for name, value in entry.fields.items()]
    return "\n".join(lines) + "\n}\n"


def _derive(app, config) -> None:
    source = Path(app.confdir) / "book" / "references.bib"
    target = Path(app.outdir).parent / "bibliography" / "references.bib"
    config.bibtex_bibfiles = [str(derived_bibliography(source, target))]


def human_date(iso: str) -> str:
    """2021-08-27 -> 27 August 2021 (2021-08 -> August 2021)."""
    import calendar

    parts = iso.split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        return f"{int(parts[2])} {calendar.month_name[int(parts[1])]} {parts[0]}"
    if len(parts) == 2 and all(p.isdigit() for p in parts):
        return f"{calendar.month_name[int(parts[1])]} {parts[0]}"
    return iso


def _register_styles() -> None:
    from pybtex.plugin import register_plugin
    from pybtex.richtext import Text
    from pybtex.style import FormattedEntry
    from pybtex.style.formatting import BaseStyle, toplevel
    from pybtex.style.labels import BaseLabelStyle
    from pybtex.style.template import field as bib_field
    from pybtex.style.template import href, join, names, node, optional, sentence, tag
    from sphinxcontrib.bibtex.plugin import register_plugin as register_bibtex_plugin
    from sphinxcontrib.bibtex.style.referencing import BracketStyle
    from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle

    def round_brackets() -> BracketStyle:
        return BracketStyle(left="(", right=")", sep="; ", sep2="; ", last_sep="; ")

    @dataclass
    class BookReferenceStyle(AuthorYearReferenceStyle):
        """(Reuters 2021b) in the text; Lee (2021) for a textual citation."""

        bracket_parenthetical: BracketStyle = field(default_factory=round_brackets)
        bracket_textual: BracketStyle = field(default_factory=round_brackets)
        bracket_author: BracketStyle = field(default_factory=round_brackets)
        bracket_label: BracketStyle = field(default_factory=round_brackets)
        bracket_year: BracketStyle = field(default_factory=round_brackets)
        author_year_sep: str = " "

    class AuthorYearLabels(BaseLabelStyle):
        """The entry's label on the Sources page: the same "Reuters 2021b"."""

        def format_labels(self, sorted_entries):
            for entry in sorted_entries:
                people = entry.persons.get("author", [])
                if len(people) == 1 and not people[0].first_names:
                    name = str(people[0])
                elif len(people) == 2:
                    name = f"{' '.join(people[0].last_names)} and {' '.join(people[1].last_names)}"
                elif people:
                    name = " ".join(people[0].last_names) + (" et al." if len(people) > 2 else "")
                else:
                    name = entry.key
                yield f"{name} {entry.fields.get('year', '')}".replace("{", "").replace("}", "").strip()

    @node
    def date(children, data):
        value = data["entry"].fields.get("date", "")
        return Text(human_date(value)) if value else Text()

    @node
    def kind(children, data):
        entry = data["entry"]
        return Text(f"{KIND_NAMES.get(entry.fields.get('keywords', ''), 'source')}; key {entry.key}")

    class BookStyle(BaseStyle):
        """Author. Year. "Title." *Outlet*, date. URL. Read via URL. Note.
        Accessed date. (kind; key). Titles keep their capitals."""

        default_label_style = "book-author-year"
        default_sorting_style = "author_year_title"

        def entry_template(self, entry):
            quoted = entry.type not in ("book", "techreport")
            title = join["\u201c", bib_field("title"), ".\u201d"] if quoted else sentence[tag("em")[bib_field("title")]]
            outlet = next((name for name in OUTLET_FIELDS if name in entry.fields), None)
            where = [tag("em")[bib_field(outlet)]] if outlet else []
            if entry.type == "book" and "address" in entry.fields and outlet:
                where = [join[bib_field("address"), ": ", tag("em")[bib_field(outlet)]]]
            details = [optional[join["vol. ", bib_field("volume")]], optional[join["no. ", bib_field("number")]],
                       optional[join["pp. ", bib_field("pages")]], date]
            return toplevel[
                sentence[names("author", sep=", ", sep2=" and ", last_sep=", and ")],
                sentence[bib_field("year")],
                title,
                sentence(sep=", ")[where + details],
                optional[sentence[join["By ", bib_field("byline")]]],
                optional[sentence[href[join["https://doi.org/", bib_field("doi", raw=True)],
                                       join["https://doi.org/", bib_field("doi", raw=True)]]]],
                optional[sentence[href[bib_field("url", raw=True), bib_field("url", raw=True)]]],
                optional[sentence[join["Read via ", href[bib_field("readvia", raw=True), bib_field("readvia", raw=True)]]]],
                optional[sentence[bib_field("note")]],
                optional[sentence[join["Accessed ", bib_field("urldate")]]],
                join["(", kind, ")"],
            ]

        def format_entry(self, label, entry, bib_data=None):
            text = self.entry_template(entry).format_data({"entry": entry, "style": self, "bib_data": bib_data})
            return FormattedEntry(entry.key, text, label)

    register_plugin("pybtex.style.labels", "book-author-year", AuthorYearLabels, force=True)
    register_plugin("pybtex.style.formatting", ENTRY_STYLE, BookStyle, force=True)
    register_bibtex_plugin("sphinxcontrib.bibtex.style.referencing", REFERENCE_STYLE, BookReferenceStyle, force=True)


def setup(app) -> None:
    _register_styles()
    app.connect("config-inited", _derive)
