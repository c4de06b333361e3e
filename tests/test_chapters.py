"""Every page with code runs top to bottom as a reader's notebook would: opened
from book/ with jupytext, executed by a kernel in the page's own folder."""

from __future__ import annotations

from pathlib import Path

import jupytext
import nbclient
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent


def toc_files() -> list[Path]:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    files = [toc["root"]]
    for part in toc.get("parts", []):
        for chapter in part.get("chapters", []):
            files.append(chapter["file"])
            files.extend(section["file"] for section in chapter.get("sections", []))
    paths = []
    for name in files:
        path = ROOT / name
        paths.append(path if path.suffix else path.with_suffix(".md"))
    return paths


NOTEBOOKS = [p for p in toc_files() if "format_name: myst" in p.read_text(encoding="utf-8")]


def test_every_toc_entry_exists():
    for path in toc_files():
        assert path.exists(), f"_toc.yml lists {path.relative_to(ROOT)}, which does not exist"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_chapter_executes_as_a_notebook(path):
    notebook = jupytext.read(path)
    client = nbclient.NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    )
    client.execute()
    html_outputs = [
        output.get("data", {}).get("text/html", "")
        for cell in notebook.cells if cell.cell_type == "code"
        for output in cell.get("outputs", [])
    ]
    if path.parent.name == "book" and path.stem[:2].isdigit():  # a chapter, not a reference page
        assert any('class="bk-chart"' in html for html in html_outputs), f"{path.name}: no chart drawn"
