"""The book's chart theme, its colours, and how a chart leaves the notebook.

Altair's default HTML output fetches vega, vega-lite and vega-embed from a CDN
when the page is viewed, so in a seminar room with no network the charts are
blank. This module replaces it:

* In the book build (the build sets BOOKTOOLS_OUTPUT=book for the kernels it
  starts), a chart leaves the notebook as one output of its own MIME type,
  `application/vnd.booktools.chart+json`: its Vega-Lite spec and static SVG
  pictures drawn here by vl-convert (light and dark). The build's renderer
  (bookbuild/chart_output.py) turns it into the figure readers see: the
  picture first, the interactive chart once it nears the viewport, the rows
  behind it one click away. The same output carries `image/svg+xml`, so a
  downloaded notebook shows the chart in any viewer.
* Anywhere else (JupyterLab, VS Code), charts are live widgets drawn from the
  vega bundle vl-convert ships (Altair's JupyterChart, offline), when the
  widget packages are installed (`make lab`), and static pictures otherwise.

Colours have names (`COLOURS`, `colour()`, `category_scale()`), so chapters
never spell a hex code and the book's stylesheets take the same values.
"""

from __future__ import annotations

import functools
import hashlib
import html
import json
import os
import re

import altair as alt

THEME_NAME = "annotated_reading"
RENDERER_NAME = "offline_book"
MIME_TYPE = "application/vnd.booktools.chart+json"
OUTPUT_ENV = "BOOKTOOLS_OUTPUT"

# Okabe-Ito colours (distinguishable with the common colour-vision
# deficiencies), without black so that marks stay visible in dark mode. Each
# has a role; chapters ask for the role, never the code.
COLOURS = {
    "primary": "#0072B2",     # blue: the series a chart is about
    "secondary": "#E69F00",   # orange: the series it is compared with
    "positive": "#009E73",    # bluish green
    "event": "#CC79A7",       # reddish purple: dated events, rules, the article's date
    "light": "#56B4E9",       # sky blue: a lighter companion of primary
    "alert": "#D55E00",       # vermilion: crises, contractions, breaches
    "highlight": "#F0E442",   # yellow: use sparingly, never for text
    "muted": "#999999",       # grey: context, "other"
}
PALETTE = list(COLOURS.values())
# Neutrals for areas that must recede: a map's land and the borders between countries.
NEUTRALS = {"land": "#d9d9d9", "border": "#ffffff"}
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"

# The dark theme's text and grid; marks keep their palette. The live view in
# the book (book-charts.js) and the dark static picture use this one object.
DARK_CONFIG = {
    "background": "transparent",
    "title": {"color": "#f0f0f0", "subtitleColor": "#c8c8c8"},
    "axis": {"domainColor": "#bbbbbb", "gridColor": "#555555", "tickColor": "#bbbbbb",
             "labelColor": "#e6e6e6", "titleColor": "#f0f0f0"},
    "legend": {"labelColor": "#e6e6e6", "titleColor": "#f0f0f0"},
    "header": {"labelColor": "#e6e6e6", "titleColor": "#f0f0f0"},
    "text": {"color": "#f0f0f0"},
    "view": {"stroke": None},
}


def colour(role: str) -> str:
    """The colour of a role: colour("alert")."""
    try:
        return COLOURS[role] if role in COLOURS else NEUTRALS[role]
    except KeyError:
        raise KeyError(f"no colour role {role!r}; the roles are {', '.join([*COLOURS, *NEUTRALS])}") from None


def category_scale(domain, roles=None) -> alt.Scale:
    """A colour scale for categories: `roles` names each one's colour role
    (category_scale(["growth", "contraction"], ["muted", "alert"])); without
    them, the palette in order."""
    domain = list(domain)
    if roles is None:
        colours = [PALETTE[i % len(PALETTE)] for i in range(len(domain))]
    else:
        if len(roles) != len(domain):
            raise ValueError(f"{len(domain)} categories but {len(roles)} colour roles")
        colours = [colour(role) for role in roles]
    return alt.Scale(domain=domain, range=colours)


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


def chart_id(spec: dict) -> str:
    digest = hashlib.sha1(json.dumps(spec, sort_keys=True).encode("utf-8")).hexdigest()
    return f"chart-{digest[:10]}"


def title_text(spec: dict) -> str:
    title = spec.get("title", "")
    if isinstance(title, dict):
        title = title.get("text", "")
    if isinstance(title, list):
        title = " ".join(title)
    return str(title)


@functools.lru_cache(maxsize=1)
def vl_version() -> str:
    # vl-convert takes "6.4" for Altair's "v6.4.1"
    return ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])


def static_svg(spec: dict, prefix: str, label: str, dark: bool = False) -> str:
    """The chart as a standalone SVG picture, named for assistive technology."""
    import vl_convert

    svg = vl_convert.vegalite_to_svg(spec, vl_version=vl_version(), config=DARK_CONFIG if dark else None)
    svg = re.sub(r"^<\?xml[^>]*>\s*", "", svg)
    # Several pictures share one page: give their internal ids (clip paths,
    # gradients) a prefix of their own so that they cannot collide.
    svg = re.sub(r'\bid="([^"]+)"', rf'id="{prefix}-\1"', svg)
    svg = re.sub(r"url\(#([^)]+)\)", rf"url(#{prefix}-\1)", svg)
    svg = re.sub(r'href="#([^"]+)"', rf'href="#{prefix}-\1"', svg)
    # To assistive technology the picture is one image named by the chart's
    # description; vega's own ARIA tree belongs to the live view.
    svg = svg.replace(
        'class="marks"', f'class="bk-static-svg" role="img" aria-label="{html.escape(label)}" focusable="false"', 1
    )
    svg = re.sub(r'\s(?:role|aria-roledescription|aria-label)="[^"]*"', _keep_root_aria, svg)
    # vega writes path coordinates to a thousandth of a pixel; a tenth draws the
    # same picture and makes a map's outlines a third lighter to download.
    return re.sub(r'\sd="[^"]*"', _round_path, svg)


def _round_path(match: re.Match) -> str:
    return re.sub(r"(\d\.\d)\d+", r"\1", match.group(0))


def _keep_root_aria(match: re.Match) -> str:
    # Drop the per-mark ARIA attributes inside the picture, keep the root's.
    start = match.string.rfind("<", 0, match.start())
    return match.group(0) if match.string.startswith("<svg", start) else ""


def chart_output(spec: dict) -> dict:
    """The MIME bundle of one chart in the book: our own type for the build,
    the static picture for every other notebook viewer. The chart is laid out
    twice (booktools.chart_layout), for the text column and for a phone, and
    each layout is drawn for light and dark pages."""
    from booktools.chart_layout import NARROW_MAX, WIDE_MAX, fit, narrow, readable, wide

    identifier = chart_id(spec)
    title = title_text(spec)
    description = spec.get("description") or title or "Chart"
    column, light = fit(readable(wide(spec)), WIDE_MAX, lambda s: static_svg(s, identifier, description))
    small, small_light = fit(readable(narrow(spec)), NARROW_MAX, lambda s: static_svg(s, f"{identifier}-n", description))
    payload = {
        "version": 2,
        "id": identifier,
        "title": title,
        "description": description,
        "spec": column,
        "narrow_spec": small,
        "pictures": {
            "light": light,
            "dark": static_svg(column, f"{identifier}-d", description, dark=True),
            "narrow-light": small_light,
            "narrow-dark": static_svg(small, f"{identifier}-nd", description, dark=True),
        },
    }
    return {MIME_TYPE: payload, "image/svg+xml": light, "text/plain": f"<chart: {title or description}>"}


def _widget_output(spec: dict) -> dict | None:
    """A live chart in JupyterLab, drawn offline (vl-convert's vega bundle)."""
    if not _has_widgets():
        return None
    alt.JupyterChart.enable_offline(offline=True)
    chart = alt.JupyterChart(alt.Chart.from_dict(spec), embed_options={"actions": {"editor": False}})
    return chart._repr_mimebundle_()


@functools.lru_cache(maxsize=1)
def _has_widgets() -> bool:
    try:
        import anywidget  # noqa: F401
        import ipywidgets  # noqa: F401
    except ImportError:
        return False
    return True


def render(spec: dict, **metadata) -> dict:
    """Altair renderer: in the book build, our chart output; elsewhere a live
    offline widget when the widget packages are there, else the picture."""
    if os.environ.get(OUTPUT_ENV) == "book":
        return chart_output(spec)
    widget = _widget_output(spec)
    if widget is not None:
        return widget
    label = spec.get("description") or title_text(spec) or "Chart"
    return {"image/svg+xml": static_svg(spec, chart_id(spec), label), "text/plain": f"<chart: {title_text(spec)}>"}


def enable() -> None:
    """Switch Altair to the book's theme and its offline renderer."""
    alt.theme.register(THEME_NAME, enable=True)(theme)
    alt.renderers.register(RENDERER_NAME, render)
    alt.renderers.enable(RENDERER_NAME)
