"""The data package: it validates, every row says where it comes from, and bad
input fails loudly, naming the file, the line and the field."""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import pytest

from booktools import DataError, load, package, validate
from booktools.data import bibliography_keys, date_columns, default_bibliography, default_data_dir, source_fields

DATA_DIR = default_data_dir()

RESOURCES = [res["name"] for res in package()["resources"]]


def test_package_validates_with_frictionless():
    from frictionless import Package

    report = Package(str(DATA_DIR / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:20]


@pytest.mark.parametrize("name", RESOURCES)
def test_resource_describes_itself(name):
    res = next(r for r in package()["resources"] if r["name"] == name)
    for key in ("title", "description", "sources", "licenses", "x-caveats"):
        assert res.get(key), f"datapackage.json: resource {name!r} has no {key!r}"
    for field in res["schema"]["fields"]:
        assert field.get("description"), f"datapackage.json: {name}.{field['name']} has no description"
    assert source_fields(res["schema"]), f"{name}: no source field"


@pytest.mark.parametrize("name", RESOURCES)
def test_resource_loads_and_every_row_is_sourced(name):
    assert validate(name) == []
    frame = load(name)
    assert len(frame) > 0
    res = next(r for r in package()["resources"] if r["name"] == name)
    keys = bibliography_keys()
    for field in source_fields(res["schema"]):
        required = any(f["name"] == field and f.get("constraints", {}).get("required") for f in res["schema"]["fields"])
        if not required:
            continue
        for line, value in enumerate(frame[field], start=2):
            cited = [k.strip() for k in str(value).split(";") if k.strip()]
            assert cited, f"{res['path']}, line {line}: empty {field}"
            assert set(cited) <= keys, f"{res['path']}, line {line}: unknown key in {cited}"


DATED = [r["name"] for r in package()["resources"] if date_columns(f["name"] for f in r["schema"]["fields"])]


def test_every_table_with_dates_declares_its_span():
    for res in package()["resources"]:
        if res["name"] in DATED:
            assert len(res.get("x-date-span", [])) == 2, f"{res['name']}: has date fields but no x-date-span"


@pytest.mark.parametrize("name", DATED)
def test_dates_fall_within_the_declared_span(name):
    res = next(r for r in package()["resources"] if r["name"] == name)
    low, high = res["x-date-span"]
    frame = load(name)
    date_fields = date_columns(f["name"] for f in res["schema"]["fields"])
    for field in date_fields:
        for line, value in enumerate(frame[field], start=2):
            if value is None or str(value) in ("", "<NA>", "NaT"):
                continue
            text = str(value)[:10]
            assert low <= text <= high, f"{res['path']}, line {line}, field {field}: {text} outside {low}..{high}"


def test_missile_counts_match_the_raw_record_count():
    frame = load("missile_tests")
    # One row per missile; salvo members share a date and differ by suffix.
    assert frame["launch_id"].is_unique
    assert frame.loc[frame["preliminary"], "date"].str[:4].astype(int).min() >= 2025
    assert not frame.loc[~frame["preliminary"], "date"].str[:4].astype(int).ge(2025).any()


# --- Broken copies fail with file, line and field -------------------------------

def _broken_copy(tmp_path: Path, name: str, mutate) -> tuple[Path, Path]:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data, ignore=shutil.ignore_patterns("scripts"))
    (tmp_path / "book").mkdir()
    shutil.copy(default_bibliography(), tmp_path / "book" / "references.bib")
    res = next(r for r in package()["resources"] if r["name"] == name)
    path = data / res["path"]
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    header = list(rows[0])
    header, rows = mutate(header, rows)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return data, path


def _first_typed_field(name):
    res = next(r for r in package()["resources"] if r["name"] == name)
    typed = [f["name"] for f in res["schema"]["fields"] if f["type"] in ("number", "integer", "boolean", "date")]
    if not typed:
        pytest.skip(f"{name} has only text fields: no type to break")
    return typed[0]


def _first_required_field(name):
    res = next(r for r in package()["resources"] if r["name"] == name)
    return next(f["name"] for f in res["schema"]["fields"] if f.get("constraints", {}).get("required") and f["name"] != "source")


def _set(row_index, field, value):
    def mutate(header, rows):
        rows[row_index][field] = value
        return header, rows
    return mutate


MUTATIONS = {
    "wrong type": lambda n: (_set(4, _first_typed_field(n), "about ten"), 6, _first_typed_field(n), "type"),
    "missing required value": lambda n: (_set(2, _first_required_field(n), ""), 4, _first_required_field(n), "constraint"),
    "missing source": lambda n: (_set(3, "source", ""), 5, "source", ""),
    "unknown source key": lambda n: (_set(1, "source", "no-such-source-2099"), 3, "source", "unknown source key"),
}


@pytest.mark.parametrize("name", RESOURCES)
@pytest.mark.parametrize("kind", sorted(MUTATIONS))
def test_broken_copy_names_file_line_and_field(tmp_path, name, kind):
    mutate, line, field, words = MUTATIONS[kind](name)
    data, path = _broken_copy(tmp_path, name, mutate)
    with pytest.raises(DataError) as raised:
        load(name, data_dir=data)
    message = str(raised.value)
    assert str(path) in message
    assert re.search(rf"line {line}, field {re.escape(field)}\b", message), message
    assert words in message


@pytest.mark.parametrize("name", RESOURCES)
def test_duplicate_key_is_caught(tmp_path, name):
    res = next(r for r in package()["resources"] if r["name"] == name)
    key = res["schema"]["primaryKey"][0]

    def duplicate(header, rows):
        rows[5][key] = rows[2][key]
        return header, rows

    data, path = _broken_copy(tmp_path, name, duplicate)
    with pytest.raises(DataError, match=rf"{re.escape(str(path))}, line 7, field {key}\b"):
        load(name, data_dir=data)


@pytest.mark.parametrize("name", RESOURCES)
def test_unknown_column_is_caught(tmp_path, name):
    def extra(header, rows):
        for row in rows:
            row["surprise"] = "x"
        return header + ["surprise"], rows

    data, path = _broken_copy(tmp_path, name, extra)
    with pytest.raises(DataError, match=rf"{re.escape(str(path))}, line 1, field surprise\b"):
        load(name, data_dir=data)


def test_date_precision_mismatch_is_caught(tmp_path):
    data, path = _broken_copy(tmp_path, "missile_tests", _set(0, "date_precision", "month"))
    with pytest.raises(DataError, match=rf"{re.escape(str(path))}, line 2, field date\b"):
        load("missile_tests", data_dir=data)


def test_unknown_dataset_name_lists_the_known_ones():
    with pytest.raises(KeyError, match="missile_tests"):
        load("no_such_table")
