"""Charts a reader can read at the width they are shown (issue #20).

A chart's text is legible only if the chart is drawn at the width it is
shown at: a 800-pixel-wide design scaled into a 343-pixel phone column turns
12-pixel labels into 5-pixel ones. So every chart is drawn twice, and each
drawing fits its column without scaling:

* `wide`: for the book's text column (at most WIDE_MAX pixels, the column
  at 1280 px), the chapter's own design with its views narrowed if the whole
  chart would be wider;
* `narrow`: for a phone (at most NARROW_MAX pixels): side-by-side views
  stacked, titles wrapped into lines, legends below, long axis labels cut
  with an ellipsis, x-axis labels thinned so they do not collide, and views
  narrowed until the whole chart fits.

In both, no text is smaller than MIN_FONT pixels. The chapter code stays the
chapter's design; this module only adapts it.
"""

from __future__ import annotations

import copy
import re
import textwrap

WIDE_MAX = 680
NARROW_MAX = 340
MIN_FONT = 11
# Characters per line of a wrapped title (15 px title, 12 px subtitle), in each layout.
WIDE_TITLE, WIDE_SUBTITLE = 76, 96
TITLE_CHARS, SUBTITLE_CHARS = 34, 44
# Longest axis label on a phone, in pixels: longer ones end in an ellipsis (the tooltip and table have them whole).
AXIS_LABEL_LIMIT = 120


def _walk(node, visit):
    """Call visit(dict) on every dict in a spec, depth first."""
    if isinstance(node, dict):
        visit(node)
        for key, value in node.items():
            if key not in ("datasets", "data", "values"):
                _walk(value, visit)
    elif isinstance(node, list):
        for item in node:
            _walk(item, visit)


def readable(spec: dict) -> dict:
    """The spec with no text mark or label under MIN_FONT pixels."""
    spec = copy.deepcopy(spec)

    def lift(node):
        mark = node.get("mark")
        if isinstance(mark, dict) and mark.get("type") == "text" and mark.get("fontSize", MIN_FONT) < MIN_FONT:
            mark["fontSize"] = MIN_FONT
        for key in ("labelFontSize", "titleFontSize", "fontSize", "subtitleFontSize"):
            if isinstance(node.get(key), (int, float)) and node[key] < MIN_FONT and "type" not in node:
                node[key] = MIN_FONT

    _walk(spec, lift)
    return spec


def svg_width(svg: str) -> float:
    found = re.search(r'<svg[^>]*\swidth="([\d.]+)"', svg)
    return float(found.group(1)) if found else 0.0


def _view_widths(spec: dict) -> list[dict]:
    """The dicts that set a numeric view width (the spec itself, or its concatenated views)."""
    found = []

    def collect(node):
        if isinstance(node.get("width"), (int, float)) and ("mark" in node or "layer" in node or node is spec
                                                             or "encoding" in node):
            found.append(node)

    _walk(spec, collect)
    return found


def fit(spec: dict, max_width: int, render) -> tuple[dict, str]:
    """Narrow the spec's views until render(spec) is at most max_width wide.
    Returns the spec and its rendering."""
    svg = render(spec)
    for _ in range(4):
        excess = svg_width(svg) - max_width
        views = _view_widths(spec)
        if excess <= 0.5 or not views:
            break
        spec = copy.deepcopy(spec)
        for view in _view_widths(spec):
            # A concatenated chart loses the excess once per view side by side;
            # a stacked one once in total: either way each view gives the excess.
            view["width"] = max(80, int(view["width"] - excess - 1))
        svg = render(spec)
    return spec, svg


def _wrap(text, chars: int):
    if isinstance(text, list):
        text = " ".join(text)
    if not isinstance(text, str) or len(text) <= chars:
        return text
    return textwrap.wrap(text, chars)


def wrap_titles(spec: dict, chars: int, subtitle_chars: int) -> dict:
    """The spec with chart titles (not axis or legend titles) wrapped into lines."""
    spec = copy.deepcopy(spec)

    def wrap(node):
        if not ("mark" in node or "layer" in node or "vconcat" in node or "hconcat" in node or node is spec):
            return
        title = node.get("title")
        if isinstance(title, (str, list)):
            node["title"] = _wrap(title, chars)
        elif isinstance(title, dict):
            title["text"] = _wrap(title.get("text", ""), chars)
            if title.get("subtitle"):
                title["subtitle"] = _wrap(title["subtitle"], subtitle_chars)

    _walk(spec, wrap)
    return spec


def wide(spec: dict) -> dict:
    """The chapter's design, its titles wrapped to the text column."""
    return wrap_titles(spec, WIDE_TITLE, WIDE_SUBTITLE)


# A layer a chapter names so (`.properties(name="wide-only")`, or with a suffix,
# "wide-only-labels", since Vega-Lite wants each name once in a chart) is left out
# of the phone layout: direct labels that would collide there (tooltips and the
# data table still give them).
WIDE_ONLY = "wide-only"


def is_wide_only(part) -> bool:
    name = part.get("name", "") if isinstance(part, dict) else ""
    return name == WIDE_ONLY or name.startswith(WIDE_ONLY + "-")


def _drop_wide_only(node):
    if isinstance(node, dict):
        for key in ("layer", "vconcat", "hconcat", "concat"):
            if isinstance(node.get(key), list):
                node[key] = [_drop_wide_only(part) for part in node[key] if not is_wide_only(part)]
    return node


def narrow(spec: dict) -> dict:
    """The spec laid out for a phone column (before fitting its width)."""
    spec = _drop_wide_only(wrap_titles(spec, TITLE_CHARS, SUBTITLE_CHARS))
    if "hconcat" in spec:
        spec["vconcat"] = spec.pop("hconcat")
    if "concat" in spec:
        spec["columns"] = 1

    def adapt(node):
        legend = node.get("legend")
        if isinstance(legend, dict):  # the phone layout's legend (config, below) applies
            for key in ("orient", "columns", "direction", "labelLimit", "legendX", "legendY", "titleOrient"):
                legend.pop(key, None)
        axis = node.get("axis")
        if isinstance(axis, dict) and axis.get("labelLimit", 0) > AXIS_LABEL_LIMIT:
            axis["labelLimit"] = AXIS_LABEL_LIMIT

    _walk(spec, adapt)
    config = spec.setdefault("config", {})
    # Legends below the chart, one under another, their labels cut to the column.
    config.setdefault("legend", {}).update({
        # A legend below starts under the view, after the y-axis labels: its labels get what is left.
        "orient": "bottom", "direction": "vertical", "columns": 1, "labelLimit": NARROW_MAX - AXIS_LABEL_LIMIT - 80,
        "layout": {"bottom": {"anchor": "start", "direction": "vertical"}},
    })
    config.setdefault("axisX", {}).update({"labelOverlap": "greedy", "labelFlush": True, "labelAngle": 0})
    config.setdefault("axisY", {}).update({"labelLimit": AXIS_LABEL_LIMIT})
    config.setdefault("axis", {}).update({"titleLimit": NARROW_MAX - 40})
    return spec
