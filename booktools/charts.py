"""The book's chart theme and its offline chart renderer.

Altair's default HTML output fetches vega, vega-lite and vega-embed from a CDN
when the page is viewed, so in a seminar room with no network the charts are
blank. This renderer instead gives every chart a self-contained HTML figure:

* a static SVG of the chart, drawn here by vl-convert, shown at once (and the
  one that prints, and the one JupyterLab shows);
* the chart's Vega-Lite spec, which the book's `book-charts.js` hands to the
  local vega-embed bundle when the chart nears the viewport, swapping in the
  interactive view (see booktools/sphinx.py);
* the rows behind the chart, as a table one click away.
"""

from __future__ import annotations

import functools
import hashlib
import html
import json
import re

import altair as alt
import vl_convert

THEME_NAME = "annotated_reading"
RENDERER_NAME = "offline_book"

# Okabe-Ito colours (distinguishable with the common colour-vision
# deficiencies), without black so that marks stay visible in dark mode.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999"]
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"

MAX_TABLE_ROWS = 60


def theme() -> alt.theme.ThemeConfig:
    """Readable defaults: system fonts, colour-blind-safe palette, transparent
    background (the page's colour shows through, light or dark)."""
    return {
        "config": {
            "background": "transparent",
            "font": FONT,
            # The static SVG's text is laid out with vl-convert's font metrics; a
            # browser's sans-serif can run wider, so long left-hand labels get room.
            "padding": {"left": 24, "top": 5, "right": 10, "bottom": 5},
            "view": {"continuousWidth": 560, "continuousHeight": 300, "stroke": None},
            "range": {"category": PALETTE},
            "title": {"fontSize": 15, "anchor": "start", "subtitleFontSize": 12},
            "axis": {"labelFontSize": 12, "titleFontSize": 12, "gridOpacity": 0.6},
            "legend": {"labelFontSize": 12, "titleFontSize": 12},
            "mark": {"color": PALETTE[0]},
        }
    }


def _chart_id(spec: dict) -> str:
    digest = hashlib.sha1(json.dumps(spec, sort_keys=True).encode("utf-8")).hexdigest()
    return f"chart-{digest[:10]}"


def _title_text(spec: dict) -> str:
    title = spec.get("title", "")
    if isinstance(title, dict):
        title = title.get("text", "")
    if isinstance(title, list):
        title = " ".join(title)
    return str(title)


def _table(rows: list[dict]) -> str:
    rows = [row for row in rows if isinstance(row, dict)] if isinstance(rows, list) else []
    if not rows:
        return "<p>No rows.</p>"
    columns = list(dict.fromkeys(key for row in rows for key in row))
    head = "".join(f'<th scope="col">{html.escape(str(c))}</th>' for c in columns)
    body = []
    for row in rows[:MAX_TABLE_ROWS]:
        cells = "".join(f"<td>{html.escape(_cell(row.get(c)))}</td>" for c in columns)
        body.append(f"<tr>{cells}</tr>")
    more = ""
    if len(rows) > MAX_TABLE_ROWS:
        more = f"<p>First {MAX_TABLE_ROWS} of {len(rows)} rows; the full table is the CSV named in the caption.</p>"
    return f'<div class="bk-table-wrap" tabindex="0"><table><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></div>{more}'


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}T00:00:00(\.000)?", value):
        return value[:10]
    return str(value)


def chart_html(spec: dict) -> str:
    """The HTML figure for one chart: static SVG, spec, and the data behind it."""
    chart_id = _chart_id(spec)
    title = _title_text(spec)
    description = spec.get("description") or title or "Chart"
    svg = _static_svg(spec, chart_id, description)
    height = _svg_height(svg)
    payload = json.dumps(spec, sort_keys=True, separators=(",", ":")).replace("</", "<\\/")
    datasets = spec.get("datasets", {})
    datasets = {name: rows for name, rows in datasets.items() if isinstance(rows, list)}
    tables = "".join(_table(rows) for rows in datasets.values())
    n_rows = sum(len(rows) for rows in datasets.values())
    data_block = (
        f'<details class="bk-chart-data"><summary>Data behind this chart ({n_rows} rows)</summary>{tables}</details>'
        if datasets
        else ""
    )
    return (
        f'<figure class="bk-chart" id="{chart_id}" data-chart-title="{html.escape(title)}">'
        f'<div class="bk-chart-frame" style="min-height:{height}px">'
        f'<div class="bk-chart-static">{svg}</div>'
        f'<div class="bk-chart-live" role="figure" aria-label="{html.escape(description)}" hidden></div>'
        f"</div>"
        f'<script type="application/json" class="bk-chart-spec">{payload}</script>'
        f"{data_block}</figure>"
    )


def _static_svg(spec: dict, chart_id: str, label: str) -> str:
    svg = vl_convert.vegalite_to_svg(spec, vl_version=_vl_version())
    svg = re.sub(r"^<\?xml[^>]*>\s*", "", svg)
    # Several SVGs share one page: give their internal ids (clip paths,
    # gradients) the chart's own prefix so that they cannot collide.
    svg = re.sub(r'\bid="([^"]+)"', rf'id="{chart_id}-\1"', svg)
    svg = re.sub(r"url\(#([^)]+)\)", rf"url(#{chart_id}-\1)", svg)
    svg = re.sub(r'href="#([^"]+)"', rf'href="#{chart_id}-\1"', svg)
    # To assistive technology the static picture is one image named by the
    # chart's description; vega's own ARIA tree belongs to the live view.
    svg = svg.replace(
        'class="marks"', f'class="bk-static-svg" role="img" aria-label="{html.escape(label)}" focusable="false"', 1
    )
    svg = re.sub(r'\s(?:role|aria-roledescription|aria-label)="[^"]*"', _keep_root_aria, svg)
    # vega writes path coordinates to a thousandth of a pixel; a tenth draws the
    # same picture and makes a map's outlines a third lighter to download.
    svg = re.sub(r'\sd="[^"]*"', _round_path, svg)
    return svg


def _round_path(match: re.Match) -> str:
    return re.sub(r"(\d\.\d)\d+", r"\1", match.group(0))


def _keep_root_aria(match: re.Match) -> str:
    # Drop the per-mark ARIA attributes inside the static image, keep the root's.
    start = match.string.rfind("<", 0, match.start())
    return match.group(0) if match.string.startswith("<svg", start) else ""


def _svg_height(svg: str) -> int:
    found = re.search(r'<svg[^>]*\sheight="([\d.]+)"', svg)
    return round(float(found.group(1))) if found else 300


@functools.lru_cache(maxsize=1)
def _vl_version() -> str:
    # vl-convert takes "6.4" for Altair's "v6.4.1"
    return ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])


def render(spec: dict, **metadata) -> dict:
    """Altair renderer: the chart as our offline HTML figure."""
    return {
        "text/html": chart_html(spec),
        "text/plain": f"<chart: {_title_text(spec) or spec.get('description', '')}>",
    }


def enable() -> None:
    """Switch Altair to the book's theme and its offline renderer."""
    alt.theme.register(THEME_NAME, enable=True)(theme)
    alt.renderers.register(RENDERER_NAME, render)
    alt.renderers.enable(RENDERER_NAME)
