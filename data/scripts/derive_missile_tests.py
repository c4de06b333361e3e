"""Derive data/missile_tests.csv from the raw CNS missile-test records.

Input: a copy of the data files of the public `nk-missile-tests` visualization
(repository nagix/nk-missile-tests, commit a0cc65874d36, 2026-04-21), which
transcribes the CNS North Korea Missile Test Database (James Martin Center for
Nonproliferation Studies, for the Nuclear Threat Initiative). In this project's
workspace the copy sits in ../shared/data/cns-missile-tests/ (see its README).

Output: one row per missile launched, facts only. Left out on purpose:
- `description`: CNS's own prose (not ours to copy);
- `landing` and `bearing`: the visualization's compiler computed these from
  other sources, they are not CNS data.

Rows from 2025 on were added by the compiler as preliminary figures from news
reports, before CNS reviewed them: they get preliminary=true.

The book does not need this script to build: its output is committed.
Usage: python data/scripts/derive_missile_tests.py [RAW_DIR] [OUT_CSV]
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_RAW = ROOT.parent / "shared" / "data" / "cns-missile-tests"
DEFAULT_OUT = ROOT / "data" / "missile_tests.csv"
FIRST_PRELIMINARY_YEAR = 2025
SOURCE = "cns-nti-missile-test-database;nagix-nk-missile-tests"

COLUMNS = [
    "launch_id", "date", "date_precision", "time_utc", "missile", "missile_class",
    "facility", "facility_lat", "facility_lon", "apogee_km", "distance_km",
    "outcome", "preliminary", "source",
]


def number(value) -> str:
    """'unknown', 'na' and '' are all missing; numbers sometimes come as strings."""
    if value is None or str(value).strip().lower() in ("", "unknown", "na", "n/a"):
        return ""
    text = str(value).strip()
    if not re.fullmatch(r"\d+(\.\d+)?", text):
        raise ValueError(f"not a number: {value!r}")
    return text


def utc_time(value: str) -> str:
    found = re.fullmatch(r"(\d{2}:\d{2}) \(UTC\)", str(value).strip())
    return found.group(1) if found else ""


def derive(raw_dir: Path) -> list[dict]:
    tests = json.loads((raw_dir / "test.en.json").read_text(encoding="utf-8"))
    missiles = json.loads((raw_dir / "missile.en.json").read_text(encoding="utf-8"))
    facilities = json.loads((raw_dir / "facility.en.json").read_text(encoding="utf-8"))["facilities"]

    rows, per_date = [], Counter()
    for time_bin in tests["timeBins"]:
        for record in time_bin["data"]:
            where = f"test.en.json, year {time_bin['year']}, record dated {record.get('date')!r}"
            date = record["date"]
            precision = {10: "day", 7: "month", 4: "year"}.get(len(date))
            if precision is None:
                raise ValueError(f"{where}: field date: expected YYYY-MM-DD, YYYY-MM or YYYY")
            if record["missile"] not in missiles:
                raise ValueError(f"{where}: field missile: unknown key {record['missile']!r}")
            if record["facility"] not in facilities:
                raise ValueError(f"{where}: field facility: unknown key {record['facility']!r}")
            missile = missiles[record["missile"]]
            facility = facilities[record["facility"]]
            known_site = record["facility"] != "unknown"
            per_date[date] += 1
            rows.append({
                "launch_id": f"{date}-{per_date[date]}",
                "date": date,
                "date_precision": precision,
                "time_utc": utc_time(record.get("time", "")),
                "missile": missile["name"],
                "missile_class": missile["type"],
                "facility": facility["name"] if known_site else "",
                "facility_lat": f"{facility['lat']:.4f}" if known_site else "",
                "facility_lon": f"{facility['lon']:.4f}" if known_site else "",
                "apogee_km": number(record.get("apogee")),
                "distance_km": number(record.get("distance")),
                "outcome": record["outcome"],
                "preliminary": "true" if int(date[:4]) >= FIRST_PRELIMINARY_YEAR else "false",
                "source": SOURCE,
            })
    return rows


def main(argv: list[str]) -> None:
    raw_dir = Path(argv[1]) if len(argv) > 1 else DEFAULT_RAW
    out = Path(argv[2]) if len(argv) > 2 else DEFAULT_OUT
    rows = derive(raw_dir)
    with out.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} rows to {out}")


if __name__ == "__main__":
    main(sys.argv)
