"""Files every build must leave in the site, whatever it re-read.

* Sphinx copies `html_static_path` only when some page is out of date, so an
  edit to book.css alone would never reach the site: copy what changed.
* The CSVs and their descriptor are published beside the pages, so that every
  chart's data and the Data page's downloads are one click away, offline too.
* `_static/book-palette.css`: the chart colours (booktools.charts.COLOURS) as
  CSS custom properties, so the stylesheets use the same values as the charts.
"""

from __future__ import annotations

import shutil
from pathlib import Path


def _copy_if_changed(source: Path, copy: Path) -> None:
    if not copy.exists() or copy.read_bytes() != source.read_bytes():
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, copy)


def refresh_static(app) -> None:
    static = Path(app.outdir) / "_static"
    for folder in app.config.html_static_path:
        source = Path(app.confdir) / folder
        for path in source.rglob("*"):
            if path.is_file():
                _copy_if_changed(path, static / path.relative_to(source))


def publish_data(source: Path, target: Path) -> None:
    if not (source / "datapackage.json").is_file():
        return
    target.mkdir(parents=True, exist_ok=True)
    for path in sorted(source.glob("*.csv")) + [source / "datapackage.json"]:
        _copy_if_changed(path, target / path.name)


def palette_css() -> str:
    from booktools.charts import COLOURS

    lines = "".join(f"  --bk-{role}: {value};\n" for role, value in COLOURS.items())
    return f"/* The chart colours (booktools/charts.py COLOURS), for the stylesheets. */\n:root {{\n{lines}}}\n"


def write_palette(static: Path) -> None:
    target = static / "book-palette.css"
    text = palette_css()
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        static.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def _finish(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    refresh_static(app)
    publish_data(Path(app.confdir) / "data", Path(app.outdir) / "data")


def _palette(app) -> None:
    if app.builder.format == "html":
        write_palette(Path(app.outdir) / "_static")


def setup(app) -> None:
    app.connect("builder-inited", _palette)
    app.connect("build-finished", _finish, priority=400)
