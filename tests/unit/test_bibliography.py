"""booktools.bibliography: one reading of the bib file, and the labels readers see."""

from __future__ import annotations

from bookbuild.bibliography import derived_bibliography
from booktools.bibliography import entries, labels, split_keys, year_suffixes

BIB = """
@misc{a-2021-later, author = {{Reuters}}, title = {Later}, organization = {Reuters}, date = {2021-09-02}, keywords = {news}}
@misc{a-2021-earlier, author = {Shin, Hyonhee}, title = {Earlier}, organization = {Reuters}, date = {2021-08-30}, keywords = {news}}
@misc{b-2021, author = {{International Atomic Energy Agency}}, title = {Report}, organization = {International Atomic Energy Agency}, date = {2021-08-27}, keywords = {primary}}
@book{c-2012, author = {Cha, Victor}, title = {The Impossible State}, publisher = {Ecco}, year = {2012}, keywords = {scholarship}}
@article{d-2019, author = {Haggard, Stephan and Noland, Marcus and Lee, Sun}, title = {An Article}, journal = {A Journal}, year = {2019}, keywords = {scholarship},
  doi = {10.1177/2233865920901896}, url = {https://doi.org/10.1177/2233865920901896}}
@misc{e-nd, author = {{GlobalSecurity.org}}, title = {Undated page}, organization = {GlobalSecurity.org}, keywords = {analysis}}
"""


def test_labels_are_author_year_lettered_by_date(tmp_path):
    path = tmp_path / "references.bib"
    path.write_text(BIB, encoding="utf-8")
    found = labels(path)
    # A news report is cited by its outlet, whoever wrote it; letters follow the dates.
    assert found["a-2021-earlier"] == "Reuters 2021a" and found["a-2021-later"] == "Reuters 2021b"
    assert found["b-2021"] == "IAEA 2021"
    assert found["c-2012"] == "Cha 2012"
    assert found["d-2019"] == "Haggard et al. 2019"
    assert found["e-nd"] == "GlobalSecurity.org n.d."


def test_entries_know_their_outlet_kind_host_and_date(tmp_path):
    path = tmp_path / "references.bib"
    path.write_text(BIB + "@misc{f, author = {{X}}, title = {T}, organization = {X \\& Y}, url = {https://www.example.org/a}, date = {2020-01-02}, keywords = {data}}\n", encoding="utf-8")
    entry = entries(path)["f"]
    assert (entry.outlet, entry.kind, entry.host, entry.date, entry.year) == ("X & Y", "data", "www.example.org", "2020-01-02", "2020")
    assert entries(path)["c-2012"].outlet == "Ecco"


def test_year_suffixes_only_where_labels_would_collide(tmp_path):
    path = tmp_path / "references.bib"
    path.write_text(BIB, encoding="utf-8")
    assert year_suffixes(entries(path)) == {"a-2021-earlier": "2021a", "a-2021-later": "2021b"}


def test_split_keys():
    assert split_keys("a; b;;c ") == ["a", "b", "c"]
    assert split_keys(None) == [] and split_keys(float("nan")) == []


def test_the_derived_bibliography_gives_a_doi_address_once(tmp_path):
    source = tmp_path / "references.bib"
    source.write_text(BIB, encoding="utf-8")
    derived = derived_bibliography(source, tmp_path / "derived.bib").read_text(encoding="utf-8")
    article = derived[derived.index("@article{d-2019"):].split("\n}", 1)[0]
    assert "doi = {10.1177/2233865920901896}" in article and "url = " not in article
    assert "year = {2019}" in article
