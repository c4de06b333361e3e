"""Run a build of the book from Python, as the tests and tools/bench.py do:
`jupyter-book build` from the venv, into a folder of the caller's choosing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bookbuild.chapters import PROJECT

JUPYTER_BOOK = Path(sys.executable).parent / "jupyter-book"


def build_book(output: Path, source: Path = PROJECT, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(JUPYTER_BOOK), "build", str(source), "--path-output", str(output),
         "--builder", "html", "--warningiserror", "--keep-going"],
        capture_output=True, text=True, cwd=source, timeout=1800, env={**os.environ, **(env or {})},
    )


def executed(log: str) -> int:
    """How many notebooks a build executed, from its log."""
    # myst-nb logs "<file>: Executing notebook using local CWD" once per notebook it runs;
    # nbclient's "Executing notebook with kernel" and a failure's "Executing notebook failed" are not counted.
    return log.count("Executing notebook using")
