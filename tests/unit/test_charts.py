"""booktools.charts: colours by role, and a chart's output in the book and elsewhere."""

from __future__ import annotations

import altair as alt
import pytest

from booktools import charts
from booktools.charts import MIME_TYPE, category_scale, chart_output, colour

SPEC = alt.Chart(alt.Data(values=[{"x": 1, "y": 2}])).mark_point().encode(x="x:Q", y="y:Q").properties(
    title="Points", description="One point.").to_dict()


def test_colour_roles_and_their_errors():
    assert colour("primary") == charts.COLOURS["primary"]
    assert colour("land") == charts.NEUTRALS["land"]
    with pytest.raises(KeyError, match="no colour role 'blue'; the roles are primary"):
        colour("blue")


def test_category_scale_takes_roles_or_the_palette_in_order():
    scale = category_scale(["growth", "contraction"], ["muted", "alert"]).to_dict()
    assert scale == {"domain": ["growth", "contraction"], "range": [colour("muted"), colour("alert")]}
    assert category_scale(["a", "b"]).to_dict()["range"] == charts.PALETTE[:2]
    with pytest.raises(ValueError, match="2 categories but 1 colour roles"):
        category_scale(["a", "b"], ["muted"])


def test_the_book_output_carries_both_layouts_drawn_for_light_and_dark():
    bundle = chart_output(SPEC)
    payload = bundle[MIME_TYPE]
    assert payload["title"] == "Points" and payload["description"] == "One point."
    for layout in (payload["spec"], payload["narrow_spec"]):
        assert layout["mark"] == SPEC["mark"] and layout["encoding"] == SPEC["encoding"]
    pictures = payload["pictures"]
    assert set(pictures) == {"light", "dark", "narrow-light", "narrow-dark"}
    assert all(svg.startswith("<svg") and 'aria-label="One point."' in svg for svg in pictures.values())
    assert pictures["dark"] != pictures["light"] and charts.DARK_CONFIG["axis"]["labelColor"] in pictures["dark"]
    assert bundle["image/svg+xml"] == pictures["light"], "a downloaded notebook shows the picture in any viewer"


def test_the_renderer_decides_by_context(monkeypatch):
    monkeypatch.setenv(charts.OUTPUT_ENV, "book")
    assert MIME_TYPE in charts.render(SPEC)
    monkeypatch.delenv(charts.OUTPUT_ENV)
    monkeypatch.setattr(charts, "_has_widgets", lambda: False)
    outside = charts.render(SPEC)
    assert MIME_TYPE not in outside and outside["image/svg+xml"].startswith("<svg")


def test_a_figure_is_the_same_from_the_kernel_and_from_the_cache():
    """The execution cache stores outputs with their keys sorted; a figure made from that
    copy must match, byte for byte, the one made from the kernel's output."""
    import json

    import pandas as pd

    from bookbuild.chart_output import figure

    rows = [{"year": 2016, "range_class": "long", "missiles": 16}, {"year": 2017, "range_class": "short", "missiles": 20}]
    labels = [{"when": "2017-07-04", "label": "first ICBM"}]
    base = alt.Chart(pd.DataFrame(rows)).mark_bar().encode(
        x="year:O", y="missiles:Q", color="range_class:N", tooltip=["year:O", "range_class:N", "missiles:Q"])
    notes = alt.Chart(pd.DataFrame(labels)).mark_text().encode(x="when:T", text="label:N")
    payload = chart_output(alt.layer(base, notes).properties(title="Launches", description="Bars.").to_dict())[MIME_TYPE]
    payload["id"] = "chart-test"
    cached = json.loads(json.dumps(payload, sort_keys=True))
    fresh_html, fresh_files = figure(payload, "_static/")
    cached_html, cached_files = figure(cached, "_static/")
    assert fresh_html == cached_html and fresh_files == cached_files
    header = fresh_html[fresh_html.index("<thead>"):fresh_html.index("</thead>")]
    assert header.index(">year<") < header.index(">range_class<") < header.index(">missiles<"), "tooltip order"
