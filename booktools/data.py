"""Load the book's datasets by name, validated against `data/datapackage.json`.

Every table in `data/` is described once, in the Frictionless data package
descriptor: its fields, their types and constraints, its sources and caveats.
`load("nuclear_tests")` checks the CSV against that description and returns a
typed pandas DataFrame; a file that breaks it stops with a message naming the
file, the line and the field, and what was expected.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd

from booktools.bibliography import keys as bibliography_keys
from booktools.bibliography import split_keys

PACKAGE_ROOT = Path(__file__).resolve().parent.parent


def project_root(start: Path | str | None = None) -> Path:
    """The book project to read data from.

    $BOOK_ROOT if set; else the nearest folder at or above `start` (default:
    the working directory, which is the chapter's folder when a notebook runs)
    that holds `_config.yml` and `data/datapackage.json`; else the project this
    package was installed from.
    """
    if os.environ.get("BOOK_ROOT"):
        return Path(os.environ["BOOK_ROOT"]).resolve()
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "_config.yml").exists() and (folder / "data" / "datapackage.json").exists():
            return folder
    return PACKAGE_ROOT


def default_data_dir() -> Path:
    return project_root() / "data"


def default_bibliography(data_dir: Path | str | None = None) -> Path:
    """book/references.bib of the project that `data_dir` belongs to."""
    root = Path(data_dir).resolve().parent if data_dir else project_root()
    return root / "book" / "references.bib"


class DataError(ValueError):
    """A dataset does not match its description in datapackage.json."""


def package(data_dir: Path | str | None = None) -> dict:
    """The data package descriptor, as a dict."""
    path = Path(data_dir or default_data_dir()) / "datapackage.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise DataError(f"{path}, line {err.lineno}: not valid JSON ({err.msg})") from None


def resource_names(data_dir: Path | str | None = None) -> list[str]:
    return [res["name"] for res in package(data_dir)["resources"]]


def resource(name: str, data_dir: Path | str | None = None) -> dict:
    """The descriptor of one table."""
    for res in package(data_dir)["resources"]:
        if res["name"] == name:
            return res
    known = ", ".join(resource_names(data_dir))
    raise KeyError(f"no dataset called {name!r} in {Path(data_dir or default_data_dir()) / 'datapackage.json'}; known: {known}")


def source_fields(schema: dict) -> list[str]:
    """Fields whose values are citation keys: `source`, or a name ending in `_source`."""
    return [f["name"] for f in schema["fields"] if f["name"] == "source" or f["name"].endswith("_source")]


def validate(name: str, data_dir: Path | str | None = None, bibliography: Path | str | None = None) -> list[str]:
    """Every problem with one table, each as 'file, line N, field F: what was expected'."""
    from frictionless import Resource, Schema  # imported here: it is slow to import

    data_dir = Path(data_dir or default_data_dir())
    bibliography = Path(bibliography or default_bibliography(data_dir))
    res = resource(name, data_dir)
    path = data_dir / res["path"]
    if not path.exists():
        return [f"{path}: file missing (datapackage.json lists it for {name!r})"]
    table = Resource(
        path=res["path"],
        basepath=str(data_dir),
        schema=Schema.from_descriptor(res["schema"]),
        format="csv",
    )
    report = table.validate()
    problems = []
    for task in report.tasks:
        for error in task.errors:
            line = getattr(error, "row_number", None) or 1  # header errors sit on line 1
            field = getattr(error, "field_name", None) or getattr(error, "label", None) or "-"
            problems.append(f"{path}, line {line}, field {field}: {error.type}: {error.note or error.message}")
    if problems:
        return problems

    # Checks Table Schema cannot express: citation keys resolve, and a date's
    # precision matches how much of the date is given.
    keys = bibliography_keys(bibliography)
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    for field in source_fields(res["schema"]):
        for index, value in frame[field].items():
            for key in split_keys(value):
                if key not in keys:
                    problems.append(
                        f"{path}, line {index + 2}, field {field}: unknown source key {key!r} "
                        f"(expected a key of {Path(bibliography).name})"
                    )
    # A table may allow an empty source only on rows that meet a condition
    # (claims: only a 'not checkable' claim may have no evidence).
    optional = res.get("x-source-optional-when")
    if optional and "source" in frame.columns:
        for index, row in frame.iterrows():
            if not row["source"].strip() and row[optional["field"]] != optional["equals"]:
                problems.append(
                    f"{path}, line {index + 2}, field source: empty, but {optional['field']} is "
                    f"{row[optional['field']]!r} (only {optional['equals']!r} rows may have no source)"
                )
    digits = {"day": 10, "month": 7, "year": 4}
    for field in frame.columns:
        precision = f"{field}_precision"
        if precision not in frame.columns:
            continue
        for index, (value, level) in frame[[field, precision]].iterrows():
            if value and level and len(value) != digits.get(level, -1):
                problems.append(
                    f"{path}, line {index + 2}, field {field}: {value!r} does not match "
                    f"{precision} {level!r} (expected {digits.get(level, '?')} characters)"
                )
    return problems


def date_columns(columns) -> list[str]:
    """The columns that hold dates or years (the Data page's span, the span tests)."""
    return [c for c in columns if c in ("date", "start", "end", "adopted", "year") or c.endswith("_date")]


def _typed(frame: pd.DataFrame, schema: dict) -> pd.DataFrame:
    for field in schema["fields"]:
        name, kind = field["name"], field.get("type", "string")
        column = frame[name].replace("", pd.NA)
        if kind in ("integer", "year"):
            frame[name] = pd.to_numeric(column).astype("Int64")
        elif kind == "number":
            frame[name] = pd.to_numeric(column).astype("Float64")
        elif kind == "boolean":
            frame[name] = column.map({"true": True, "false": False}).astype("boolean")
        elif kind == "date":
            frame[name] = pd.to_datetime(column, format="%Y-%m-%d")
        else:
            frame[name] = column.astype("string")
    return frame


def load(name: str, data_dir: Path | str | None = None) -> pd.DataFrame:
    """Load a dataset of the book by name, validated and typed.

    >>> tests = load("nuclear_tests")   # doctest: +SKIP

    Raises DataError naming the file, line and field if the CSV does not match
    its schema in datapackage.json or cites a source missing from references.bib.
    """
    problems = validate(name, data_dir)
    if problems:
        shown = "\n  ".join(problems[:20])
        more = f"\n  ... and {len(problems) - 20} more" if len(problems) > 20 else ""
        raise DataError(f"dataset {name!r} does not match datapackage.json:\n  {shown}{more}")
    data_dir = Path(data_dir or default_data_dir())
    res = resource(name, data_dir)
    frame = pd.read_csv(data_dir / res["path"], dtype=str, keep_default_na=False)
    return _typed(frame, res["schema"])
