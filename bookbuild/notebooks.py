"""Executed notebooks to download (issue #17).

Every page that is a notebook offers, in its download menu beside the `.md`
source, the notebook as the build executed it (`.ipynb`, outputs included),
so that a student without the repository can open a chapter in JupyterLab,
VS Code or Colab. The build's executed copies (myst-nb's `jupyter_execute/`)
are written into `_sources/` with two cells in front, which say what the
notebook needs to run again (the book's helper package and data) and stop
with that message, not a bare ImportError, where they are missing. Charts
keep their static picture (`image/svg+xml`); the book's own chart output,
which only the book can draw, is left out.
"""

from __future__ import annotations

import json
from pathlib import Path

BOOK_ONLY_OUTPUTS = ("application/vnd.booktools.chart+json",)

INTRO = """**{title}**: {page}, as the book's build executed it.

Its outputs (tables, charts) are saved in this file. To run it again you need what it imports:
the book's helper package `booktools` and its `data/` folder. Get the book, from its repository or as
the offline copy a seminar leader hands out (`make dist`), and run `make lab` in its folder: JupyterLab
opens with every chapter as a notebook, and charts draw live, with no network."""

GUARD = """# This notebook is part of an annotated reading and needs the book's helper package.
try:
    import booktools  # noqa: F401
except ImportError:
    raise ModuleNotFoundError(
        "This notebook needs the book's helper package (booktools) and its data/ folder. "
        "Get the book (its repository, or the offline copy made with `make dist`), then run "
        "`make lab` in its folder and open this notebook from book/ there."
    ) from None"""


def downloadable(executed: dict, title: str, page: str) -> dict:
    """The executed notebook as readers download it."""
    notebook = json.loads(json.dumps(executed))
    for cell in notebook.get("cells", []):
        for output in cell.get("outputs", []):
            for mime in BOOK_ONLY_OUTPUTS:
                output.get("data", {}).pop(mime, None)
    notebook.get("metadata", {}).get("kernelspec", {}).pop("book_inputs", None)

    def cell(kind: str, source: str) -> dict:
        new = {"cell_type": kind, "id": f"booktools-{kind}", "metadata": {}, "source": source}
        return new | ({"execution_count": None, "outputs": []} if kind == "code" else {})

    notebook["cells"] = [cell("markdown", INTRO.format(title=title, page=page)), cell("code", GUARD), *notebook["cells"]]
    return notebook


def with_outputs(notebook: dict, cache_path: str) -> dict:
    """The notebook with the outputs the execution cache holds for it.

    When myst-nb (1.x) takes a notebook's outputs from the execution cache, it
    writes `jupyter_execute/` from the notebook as read, before the cached
    outputs were merged in: a build that executed nothing (an edition, a fresh
    folder given the cache) would offer notebooks without outputs."""
    import nbformat
    from jupyter_cache import get_cache

    if any(cell.get("outputs") for cell in notebook.get("cells", []) if cell.get("cell_type") == "code"):
        return notebook
    try:
        _, merged = get_cache(cache_path).merge_match_into_notebook(nbformat.from_dict(notebook))
    except KeyError:  # not in the cache: the notebook as written
        return notebook
    return json.loads(nbformat.writes(merged))


def stable_cell_ids(notebook: dict) -> dict:
    """Cell ids by position: the notebook read from MyST gets random ones at every build."""
    for number, cell in enumerate(notebook.get("cells", []), 1):
        if not str(cell.get("id", "")).startswith("booktools-"):
            cell["id"] = f"cell-{number:03d}"
    return notebook


def executed_notebook(app, docname: str) -> Path:
    return Path(app.outdir).parent / "jupyter_execute" / f"{docname}.ipynb"


def _page_context(app, pagename, templatename, context, doctree) -> None:
    if executed_notebook(app, pagename).is_file():
        context["ipynb_source"] = f"{pagename}.ipynb"


def _write(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    title = app.config.html_title or app.config.project
    for docname in sorted(app.env.found_docs):
        source = executed_notebook(app, docname)
        if not source.is_file():
            continue
        page = app.env.titles[docname].astext() if docname in app.env.titles else docname
        executed = with_outputs(json.loads(source.read_text(encoding="utf-8")), app.config.nb_execution_cache_path)
        text = json.dumps(stable_cell_ids(downloadable(executed, title, page)),
                          ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        target = Path(app.outdir) / "_sources" / f"{docname}.ipynb"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")


def setup(app) -> None:
    app.connect("html-page-context", _page_context, priority=450)
    app.connect("build-finished", _write, priority=500)
