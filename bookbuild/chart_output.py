"""Chart outputs to figures: a myst-nb MIME renderer plugin.

A chapter's chart leaves its notebook as one output of type
`application/vnd.booktools.chart+json` (booktools.charts): the Vega-Lite spec
and static pictures. myst-nb hands that output here (entry point
`myst_nb.mime_renderers` in pyproject.toml), and this module writes the figure:

* the static pictures, as files in `_static/chart-pictures/`: for light and
  dark pages, each in a wide layout and a narrow one for phones, in a
  <picture> that lets the browser fetch only the one the reader sees;
* the spec, for `book-charts.js` to make the chart interactive; datasets of
  4 KB or more (a map's outlines, a long table) go to `_static/chart-data/` and load, by
  script tag so that file:// works too, with the interactive view;
* the rows behind the chart, with the columns it uses, as a table one click away.

Files are named by a digest of their content, kept in the build environment
with the page that made them, and written at the end of the build, so a
rebuild that re-reads nothing still has them.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from pathlib import Path

from booktools.charts import MIME_TYPE

LARGE_DATASET = 4_000      # bytes of JSON: larger datasets load with the live view
MAX_TABLE_ROWS = 60
PICTURES = "chart-pictures"
# Below this viewport width the page shows a chart's narrow layout (booktools.chart_layout).
NARROW_BREAKPOINT = 600
DATASETS = "chart-data"


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}T00:00:00(\.000)?", value):
        return value[:10]
    return str(value)


def fields_used(node) -> set[str]:
    """Every field a spec's encodings, tooltips and transforms name."""
    found: set[str] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("field", "groupby", "fields") and isinstance(value, (str, list)):
                found.update([value] if isinstance(value, str) else [v for v in value if isinstance(v, str)])
            elif key == "tooltip" and isinstance(value, list):
                found.update(v for v in value if isinstance(v, str))
            if key != "datasets":
                found |= fields_used(value)
    elif isinstance(node, list):
        for item in node:
            found |= fields_used(item)
    return {name.split(":")[0] for name in found}


def tooltip_fields(node) -> list[str]:
    """The fields the spec's tooltips name, in the order the chart's author listed them."""
    found: list[str] = []
    if isinstance(node, dict):
        for key in sorted(node):
            value = node[key]
            if key == "tooltip":
                items = value if isinstance(value, list) else [value]
                found += [(item.get("field") if isinstance(item, dict) else item).split(":")[0]
                          for item in items if isinstance(item, str) or (isinstance(item, dict) and isinstance(item.get("field"), str))]
            elif key != "datasets":
                found += tooltip_fields(value)
    elif isinstance(node, list):
        for item in node:
            found += tooltip_fields(item)
    return list(dict.fromkeys(found))


def data_table(rows: list, used: set[str] = frozenset(), order: list[str] = ()) -> str:
    """The rows behind a chart, with the columns the chart uses (all, if it names none of them):
    first those its tooltips list, in their order, then the rest by name. (Not the rows' own
    key order, which differs between an output fresh from the kernel and one from the cache.)"""
    rows = [row for row in rows if isinstance(row, dict)] if isinstance(rows, list) else []
    if not rows:
        return "<p>No rows.</p>"
    present = {key for row in rows for key in row}
    shown = {c for c in present if c in used} or present
    columns = [c for c in order if c in shown] + sorted(c for c in shown if c not in order)
    head = "".join(f'<th scope="col">{html.escape(str(c))}</th>' for c in columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(_cell(row.get(c)))}</td>" for c in columns) + "</tr>"
        for row in rows[:MAX_TABLE_ROWS]
    )
    more = ""
    if len(rows) > MAX_TABLE_ROWS:
        more = f"<p>First {MAX_TABLE_ROWS} of {len(rows)} rows; the full table is the CSV named in the caption.</p>"
    return f'<div class="bk-table-wrap" tabindex="0"><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>{more}'


def _name_inline_data(node, spec: dict) -> None:
    """Turn large inline `data: {values: [...]}` (Altair writes a named
    alt.Data this way) into a named top-level dataset, which can then move."""
    if isinstance(node, list):
        for item in node:
            _name_inline_data(item, spec)
        return
    if not isinstance(node, dict):
        return
    data = node.get("data")
    if isinstance(data, dict) and isinstance(data.get("values"), list):
        text = json.dumps(data["values"], sort_keys=True, separators=(",", ":"))
        if len(text) >= LARGE_DATASET:
            name = data.get("name") or "data-" + digest(text)
            spec.setdefault("datasets", {})[name] = data["values"]
            node["data"] = {key: value for key, value in data.items() if key != "values"} | {"name": name}
    for key, value in node.items():
        if key not in ("data", "datasets"):
            _name_inline_data(value, spec)


def _svg_size(svg: str) -> tuple[str, str]:
    root = re.match(r"\s*<svg\b[^>]*>", svg)
    attributes = dict(re.findall(r'\s([\w:-]+)="([^"]*)"', root.group(0))) if root else {}
    return attributes.get("width", ""), attributes.get("height", "")


def figure(payload: dict, static_prefix: str) -> tuple[str, dict[str, str]]:
    """The figure's HTML, and the files it needs: {path under _static: text}."""
    files: dict[str, str] = {}
    spec = json.loads(json.dumps(payload["spec"]))
    used = fields_used({key: value for key, value in spec.items() if key != "datasets"})
    # Largest table first (the chart's own data, before its annotations), then by name: the
    # order must not depend on whether the output came from a kernel or from the cache.
    datasets = sorted((item for item in spec.get("datasets", {}).items() if isinstance(item[1], list)),
                      key=lambda item: (-len(item[1]), item[0]))
    order = tooltip_fields(spec)
    tables = "".join(data_table(rows, used, order) for _name, rows in datasets)
    n_rows = sum(len(rows) for _name, rows in datasets)
    _name_inline_data(spec, spec)
    moved = {}
    for name, rows in sorted(spec.get("datasets", {}).items()):
        text = json.dumps(rows, sort_keys=True, separators=(",", ":"))
        if len(text) >= LARGE_DATASET:
            key = digest(text)
            files[f"{DATASETS}/{key}.js"] = f"(window.bookChartData = window.bookChartData || {{}})[{json.dumps(key)}] = {text};\n"
            moved[name] = key
            del spec["datasets"][name]
    label = html.escape(payload.get("description") or payload.get("title") or "Chart")
    pictures = []
    for scheme in ("light", "dark"):
        wide, small = payload["pictures"][scheme], payload["pictures"].get(f"narrow-{scheme}")
        names = {}
        for variant, svg in (("wide", wide), ("narrow", small)):
            if svg:
                names[variant] = f"{PICTURES}/{digest(svg)}.svg"
                files[names[variant]] = svg
        width, height = _svg_size(wide)
        source = ""
        if small:
            small_width, small_height = _svg_size(small)
            source = (f'<source media="(max-width: {NARROW_BREAKPOINT - 1}px)" srcset="{static_prefix}{names["narrow"]}" '
                      f'width="{small_width}" height="{small_height}">')
        pictures.append(
            f'<picture class="bk-{scheme}">{source}<img class="bk-static-svg" src="{static_prefix}{names["wide"]}" '
            f'alt="{label}" width="{width}" height="{height}" loading="lazy" decoding="async"></picture>'
        )
    spec_json = _script_json(spec)
    narrow_json = ""
    if payload.get("narrow_spec"):
        small_spec = json.loads(json.dumps(payload["narrow_spec"]))
        _name_inline_data(small_spec, small_spec)
        for name in moved:
            small_spec.get("datasets", {}).pop(name, None)
        narrow_json = f'<script type="application/json" class="bk-chart-spec-narrow">{_script_json(small_spec)}</script>'
    moved_attr = f' data-datasets="{html.escape(json.dumps(moved, sort_keys=True))}"' if moved else ""
    data_block = (
        f'<details class="bk-chart-data"><summary>Data behind this chart ({n_rows} rows)</summary>{tables}</details>'
        if tables else ""
    )
    body = (
        f'<figure class="bk-chart" id="{payload["id"]}" data-chart-title="{html.escape(payload.get("title", ""))}">'
        f'<div class="bk-chart-frame"><div class="bk-chart-static">{"".join(pictures)}</div>'
        f'<div class="bk-chart-live" role="figure" aria-label="{label}" hidden></div></div>'
        f'<script type="application/json" class="bk-chart-spec"{moved_attr}>{spec_json}</script>{narrow_json}'
        f"{data_block}</figure>"
    )
    return body, files


def _script_json(spec: dict) -> str:
    return json.dumps(spec, sort_keys=True, separators=(",", ":")).replace("</", "<\\/")


class ChartRenderer:
    """myst-nb MIME renderer plugin for booktools' chart output."""

    mime_priority_overrides = [(builder, MIME_TYPE, 1) for builder in ("html", "dirhtml", "singlehtml", "readthedocs")]

    @staticmethod
    def handle_mime(renderer, data, inline):
        if inline or data.mime_type != MIME_TYPE:
            return None
        from docutils import nodes

        payload = data.content if isinstance(data.content, dict) else json.loads(data.content)
        env = renderer.renderer.sphinx_env
        depth = env.docname.count("/") if env is not None else 0
        body, files = figure(payload, "../" * depth + "_static/")
        if env is not None:
            env.booktools_chart_files = getattr(env, "booktools_chart_files", {})
            env.booktools_chart_files.setdefault(env.docname, {}).update(files)
        return [nodes.raw(text=body, format="html", classes=["output", "bk-chart-output"])]


def _purge(app, env, docname) -> None:
    getattr(env, "booktools_chart_files", {}).pop(docname, None)


def _merge(app, env, docnames, other) -> None:
    env.booktools_chart_files = getattr(env, "booktools_chart_files", {})
    for docname in docnames:
        if docname in getattr(other, "booktools_chart_files", {}):
            env.booktools_chart_files[docname] = other.booktools_chart_files[docname]


def _write_files(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    static = Path(app.outdir) / "_static"
    for files in getattr(app.env, "booktools_chart_files", {}).values():
        for name, text in files.items():
            target = static / name
            if not target.exists():  # named by its content: once written, it is right
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")


def setup(app) -> None:
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("build-finished", _write_files)
