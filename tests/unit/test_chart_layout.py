"""booktools.chart_layout: every chart fits its column without shrinking its text."""

from __future__ import annotations

import json
import re

import altair as alt
import pandas as pd

from booktools.chart_layout import NARROW_MAX, WIDE_MAX, fit, narrow, readable, svg_width, wide
from booktools.charts import static_svg

ROWS = pd.DataFrame({"category": ["a long category name that needs room", "short"], "value": [3, 5]})
BARS = alt.Chart(ROWS).mark_bar().encode(y="category:N", x="value:Q", color=alt.Color("category:N", legend=alt.Legend(orient="right")))
LABELS = alt.Chart(ROWS).mark_text(fontSize=9, dx=4).encode(y="category:N", x="value:Q", text="value:Q")
TITLE = "A title long enough that on a phone it must wrap onto several lines, or the chart would be wider than the column"


def render(spec):
    return static_svg(spec, "t", "test")


def test_a_wide_design_is_narrowed_to_the_column_and_its_small_text_lifted():
    spec = (BARS + LABELS).properties(width=900, title=TITLE).to_dict()
    column, svg = fit(readable(wide(spec)), WIDE_MAX, render)
    assert svg_width(svg) <= WIDE_MAX
    assert column["layer"][1]["mark"]["fontSize"] == 11
    assert min(float(s) for s in re.findall(r'font-size="([\d.]+)px"', svg)) >= 11


def test_the_phone_layout_stacks_wraps_and_fits():
    spec = alt.hconcat(BARS.properties(width=300), BARS.properties(width=300)).properties(title=TITLE).to_dict()
    phone = narrow(spec)
    assert "vconcat" in phone and "hconcat" not in phone
    assert isinstance(phone["title"], list) and all(len(line) <= 34 for line in phone["title"])
    assert phone["config"]["legend"]["orient"] == "bottom"
    assert "orient" not in phone["vconcat"][0]["encoding"]["color"]["legend"]
    fitted, svg = fit(readable(phone), NARROW_MAX, render)
    assert svg_width(svg) <= NARROW_MAX


def test_layers_named_wide_only_leave_the_phone_layout_and_names_stay_unique():
    import vl_convert

    base = alt.Chart(alt.Data(values=[{"x": 1, "y": 2, "label": "a"}])).encode(x="x:Q", y="y:Q")
    chart = alt.layer(
        base.mark_point(),
        base.mark_text().encode(text="label:N").properties(name="wide-only-above"),
        base.mark_text().encode(text="label:N").properties(name="wide-only-below"),
        base.mark_rule().properties(name="wider-than-wide-only"),
    )
    spec = chart.to_dict()
    vl_convert.vegalite_to_svg(spec)  # two wide-only layers in one chart compile
    phone = narrow(json.loads(json.dumps(spec)))
    assert [layer.get("name") for layer in phone["layer"]] == [None, "wider-than-wide-only"]
