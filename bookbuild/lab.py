"""`make lab`: JupyterLab as the book's notebooks need it.

* Chapters open as notebooks by default: `lab/overrides.json` (installed into
  the venv's JupyterLab settings) makes "Jupytext Notebook" the default viewer
  for Markdown, so double-clicking `01-reactor.md` opens a notebook.
* jupyterlab-myst renders the chapters' MyST; `lab/config/custom/custom.css`
  (JupyterLab's custom CSS, from this project's own Jupyter config folder)
  sets margin notes between paragraphs, as a notebook has no margin.
* Charts are live widgets drawn from the vega bundle vl-convert ships, so
  nothing is fetched from the network; JupyterLab's news check is off.

    python -m bookbuild.lab [--port N] [other jupyter lab options]
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from bookbuild.chapters import PROJECT

LAB = PROJECT / "lab"


def install_settings(prefix: Path = Path(sys.prefix)) -> Path:
    """Copy the repo's settings overrides into the venv's JupyterLab."""
    target = prefix / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    source = LAB / "overrides.json"
    if not target.exists() or target.read_bytes() != source.read_bytes():
        shutil.copyfile(source, target)
    return target


def command(extra: list[str]) -> list[str]:
    root = ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []  # CI and containers run as root
    return [str(Path(sys.executable).parent / "jupyter"), "lab", f"--notebook-dir={PROJECT / 'book'}",
            "--LabApp.custom_css=True", "--LabApp.news_url=None", *root, *extra]


def environment() -> dict:
    return {**os.environ, "JUPYTER_CONFIG_DIR": str(LAB / "config")}


def main(argv: list[str]) -> int:
    install_settings()
    return subprocess.call(command(argv), env=environment())


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
