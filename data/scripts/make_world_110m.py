"""Write data/geo/world_110m.geojson: country outlines for the book's maps.

The book builds with no network, so the map's geometry is committed under data/geo/.
Input: the Natural Earth 1:110m admin-0 countries layer as shipped inside the PyPI
wheel geopandas==0.14.4 (geopandas/datasets/naturalearth_lowres/, removed from
geopandas in 1.0). Natural Earth data is in the public domain.

    python -m venv /tmp/geo && /tmp/geo/bin/pip install pyshp
    /tmp/geo/bin/pip download --no-deps geopandas==0.14.4 -d /tmp/geo-wheel
    /tmp/geo/bin/python data/scripts/make_world_110m.py /tmp/geo-wheel/geopandas-0.14.4-py3-none-any.whl

What we change, and why: we keep only the country name and ISO alpha-3 code, drop
Antarctica (nothing to show there, and it takes a large share of the map), and round
coordinates to 2 decimals (about 1 km; the 1:110m source is coarser than that) to keep
the chart's inline spec small.
"""

from __future__ import annotations

import io
import json
import sys
import zipfile
from pathlib import Path

import shapefile  # pyshp

LAYER = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
OUT = Path(__file__).resolve().parent.parent / "geo" / "world_110m.geojson"


def rounded(coords):
    if isinstance(coords[0], (int, float)):
        return [round(coords[0], 2), round(coords[1], 2)]
    return [rounded(c) for c in coords]


def main(wheel: str) -> None:
    with zipfile.ZipFile(wheel) as archive:
        parts = {ext: io.BytesIO(archive.read(f"{LAYER}.{ext}")) for ext in ("shp", "shx", "dbf")}
        encoding = archive.read(f"{LAYER}.cpg").decode("ascii").strip()  # the layer's declared code page
    reader = shapefile.Reader(shp=parts["shp"], shx=parts["shx"], dbf=parts["dbf"], encoding=encoding)
    features = []
    for shape_record in reader.shapeRecords():
        record = shape_record.record.as_dict()
        if record["name"] == "Antarctica":
            continue
        geometry = shape_record.shape.__geo_interface__
        features.append({
            "type": "Feature",
            "properties": {"name": record["name"], "iso_a3": record["iso_a3"]},
            "geometry": {"type": geometry["type"], "coordinates": rounded(geometry["coordinates"])},
        })
    features.sort(key=lambda f: f["properties"]["name"])
    collection = {"type": "FeatureCollection", "features": features}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(collection, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(features)} countries")


if __name__ == "__main__":
    main(sys.argv[1])
