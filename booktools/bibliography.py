"""The book's bibliography, `book/references.bib`, read once and used everywhere.

The data loader checks that every `source` key resolves, the pages built from
data link and label their sources with it, the glossary and the tests read it,
and the build derives the author-year labels readers see from it. One parser
(pybtex), one reading of the file per change:

    from booktools.bibliography import entries
    entries()["iaea-2021-gov-2021-40"].label      # "IAEA 2021"
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

# A bibliography entry names its kind in `keywords`: the Sources page groups by it.
KINDS = ("primary", "news", "analysis", "scholarship", "data")
NO_DATE = "n.d."
OUTLET_FIELDS = ("journal", "organization", "publisher", "institution", "howpublished")

# Short names for issuing bodies and outlets as author-year labels print them:
# "(IAEA 2021)" rather than "(International Atomic Energy Agency 2021)".
SHORT_NAMES = {
    "International Atomic Energy Agency": "IAEA",
    "United Nations Security Council": "UN Security Council",
    "Korean Central News Agency": "KCNA",
    "Associated Press": "AP",
    "Agence France-Presse": "AFP",
    "Congressional Research Service": "CRS",
    "Yonhap News Agency": "Yonhap",
    "Korea On Point": "Korea On Point",
}


@dataclass(frozen=True)
class Entry:
    key: str
    type: str
    fields: dict = field(repr=False)
    authors: tuple[str, ...] = ()
    corporate: bool = False

    def get(self, name: str, default: str = "") -> str:
        value = self.fields.get(name, default)
        return unescape_url(value) if name in URL_FIELDS else _plain(value)

    @property
    def title(self) -> str:
        return self.get("title", self.key)

    @property
    def url(self) -> str:
        return self.get("url")

    @property
    def host(self) -> str:
        return urlsplit(self.url).hostname or ""

    @property
    def kind(self) -> str:
        return self.get("keywords")

    @property
    def outlet(self) -> str:
        return next((self.get(name) for name in OUTLET_FIELDS if self.get(name)), "")

    @property
    def date(self) -> str:
        return self.get("date")

    @property
    def year(self) -> str:
        """The year an author-year label shows: "n.d." for an undated page."""
        return self.get("year") or self.date[:4] or NO_DATE

    @property
    def cited_by_outlet(self) -> bool:
        """A news report is cited by its outlet, "(Reuters 2021)", its reporters
        named in the entry; so is an entry with no author."""
        return not self.authors or (self.kind == "news" and not self.corporate)

    @property
    def label_name(self) -> str:
        """The name an author-year label starts with: the surname(s), or the body."""
        if self.cited_by_outlet:
            return SHORT_NAMES.get(self.outlet, self.outlet) or self.title
        if self.corporate:
            return SHORT_NAMES.get(self.authors[0], self.authors[0])
        if len(self.authors) == 1:
            return self.authors[0]
        if len(self.authors) == 2:
            return f"{self.authors[0]} and {self.authors[1]}"
        return f"{self.authors[0]} et al."


URL_FIELDS = ("url", "readvia", "doi")


def unescape_url(value: str) -> str:
    """A URL as written in BibTeX (`\\_`, `\\&`, `\\%` escaped for LaTeX) as a browser needs it."""
    return re.sub(r"\\([_&%#~$])", r"\1", str(value)).strip()


def _plain(value) -> str:
    """A field's text without BibTeX braces and escapes."""
    text = str(value)
    text = text.replace("\\&", "&").replace("--", "–")
    return re.sub(r"[{}]", "", text).strip()


def default_path() -> Path:
    from booktools.data import project_root

    return project_root() / "book" / "references.bib"


@functools.lru_cache(maxsize=4)
def _read(path: str, mtime: float) -> dict[str, Entry]:
    from pybtex.database import parse_file

    found = {}
    for key, entry in parse_file(path, bib_format="bibtex").entries.items():
        people = entry.persons.get("author", [])
        corporate = len(people) == 1 and not people[0].first_names and str(people[0]).startswith("{")
        if corporate:
            authors = (_plain(people[0]),)
        else:
            authors = tuple(_plain(" ".join(person.last_names)) for person in people)
        found[key] = Entry(key, entry.type.lower(), dict(entry.fields), authors, corporate)
    return found


def entries(path: Path | str | None = None) -> dict[str, Entry]:
    """Citation key -> Entry, for every entry of the bibliography."""
    path = Path(path or default_path())
    return _read(str(path), path.stat().st_mtime)


def keys(path: Path | str | None = None) -> frozenset[str]:
    return frozenset(entries(path))


def split_keys(value) -> list[str]:
    """'a;b' -> ['a', 'b']: the data package's way of giving several sources in one cell."""
    if value is None or (isinstance(value, float) and value != value):
        return []
    try:
        import pandas as pd

        if value is pd.NA:
            return []
    except ImportError:  # pragma: no cover
        pass
    return [part.strip() for part in str(value).split(";") if part.strip()]


def year_suffixes(all_entries: dict[str, Entry]) -> dict[str, str]:
    """key -> "2021a", "2021b"… where two entries would share a label: entries of
    the same name and year are lettered in order of date, then title."""
    groups: dict[tuple[str, str], list[Entry]] = {}
    for entry in all_entries.values():
        groups.setdefault((entry.label_name, entry.year), []).append(entry)
    years = {}
    for (_, year), group in groups.items():
        if len(group) < 2:
            continue
        for index, entry in enumerate(sorted(group, key=lambda e: (e.date or e.year, e.title.lower(), e.key))):
            years[entry.key] = f"{year}-{_letters(index)}" if year == NO_DATE else f"{year}{_letters(index)}"
    return years


def _letters(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


def labels(path: Path | str | None = None) -> dict[str, str]:
    """key -> the author-year label readers see, e.g. "Reuters 2021b"."""
    found = entries(path)
    suffixed = year_suffixes(found)
    return {key: f"{entry.label_name} {suffixed.get(key, entry.year)}".strip() for key, entry in found.items()}


# The hosts a cited source may and may not link, with a reason each: book/source-hosts.csv.
RECOGNISED = {"issuer", "archive", "wire", "newspaper", "broadcaster", "specialist", "think-tank", "journal",
              "publisher", "data"}
NON_CITABLE = "non-citable"
# An author's own site (a personal blog): citable for that author's own argument, not a recognised publisher.
AUTHOR_SITE = "author"
STANDINGS = RECOGNISED | {NON_CITABLE, AUTHOR_SITE}


@functools.lru_cache(maxsize=2)
def _hosts(path: str, mtime: float) -> dict[str, dict]:
    import csv

    with open(path, encoding="utf-8", newline="") as handle:
        return {row["host"].lower(): row for row in csv.DictReader(handle)}


def source_hosts(path: Path | str | None = None) -> dict[str, dict]:
    """host -> {standing, name, reason}, from book/source-hosts.csv."""
    path = Path(path or default_path().with_name("source-hosts.csv"))
    return _hosts(str(path), path.stat().st_mtime)


def standing(host: str, hosts: dict[str, dict] | None = None) -> str:
    """A host's standing (issuer, wire, newspaper… or non-citable), by its
    longest listed suffix: "uk.reuters.com" is Reuters; "" if unlisted."""
    hosts = source_hosts() if hosts is None else hosts
    parts = host.lower().removeprefix("www.").split(".")
    for start in range(len(parts) - 1):
        found = hosts.get(".".join(parts[start:]))
        if found:
            return found["standing"]
    return ""
