"""`make dist`: the whole book as one zip to hand out for a room with no network.

`_build/dist/yongbyon-restarts-<version>.zip` (the version from CITATION.cff)
holds, under one folder:

* `site/`: the built book; unzipped anywhere, `site/index.html` opens from
  file:// with every chart live and nothing fetched from another host
  (the handout PDFs too, if `make pdf` has run);
* `notebooks/`: every chapter as the build executed it (`.ipynb`, outputs included);
* `data/`: the tables, their descriptor `datapackage.json`, the map outlines;
* `README.txt`: what is in it and how to open it.

The zip is reproducible: entries sorted, every timestamp the date of the
commit it was built from, fixed permissions, so two runs on one commit give
identical bytes. It refuses to build from a tree with uncommitted changes
unless ALLOW_DIRTY=1, since a handed-out copy must say which version it is.

    python -m bookbuild.dist [_build/html]
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from bookbuild.chapters import PROJECT, chapters

NAME = "yongbyon-restarts"
README = """{title}, version {version} ({date})

An annotated reading of Jessica J. Lee's 2021 article "Beginning of the End for
Diplomacy? A Case for U.S-North Korea Engagement Post-IAEA Report" (Quincy
Institute, 12 September 2021). The article's words are reproduced with
attribution; our annotations and tables are CC BY 4.0, our code MIT.

What is here
  site/index.html   the book: open it in a browser. It needs no network: the
                    charts, search and reference cards all work from this folder.
  site/handouts/    printable handouts, if they were made (make pdf)
  notebooks/        every chapter as an executed notebook (.ipynb, with outputs):
                    open it in JupyterLab, VS Code or Colab to read it with its
                    tables and charts. To run a chapter again you need the
                    book's helper package (booktools): get the book's repository
                    and run `make lab` there.
  data/             every table behind the book, one CSV each, described in
                    datapackage.json (fields, sources, licences, caveats)
"""


def book_version(root: Path = PROJECT) -> tuple[str, str]:
    import yaml

    cff = yaml.safe_load((root / "CITATION.cff").read_text(encoding="utf-8"))
    return str(cff["version"]), str(cff.get("date-released", ""))


def commit_time(root: Path = PROJECT) -> tuple[int, int, int, int, int, int]:
    """The last commit's time, for every entry's timestamp (1980 outside a git checkout)."""
    import time

    try:
        stamp = int(subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True,
                                   check=True).stdout.strip())
    except (OSError, subprocess.CalledProcessError, ValueError):
        return (1980, 1, 1, 0, 0, 0)
    return time.gmtime(stamp)[:6]


def dirty(root: Path = PROJECT) -> list[str]:
    try:
        out = subprocess.run(["git", "status", "--porcelain"], cwd=root, capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return []
    return [line for line in out.splitlines() if line.strip()]


def entries(site: Path, root: Path = PROJECT) -> dict[str, Path | bytes]:
    """Name in the zip -> file on disk (or bytes), for everything the zip holds."""
    import yaml

    version, date = book_version(root)
    top = f"{NAME}-{version}"
    found: dict[str, Path | bytes] = {}
    for path in sorted(site.rglob("*")):
        if path.is_file() and path.name != ".buildinfo":
            found[f"{top}/site/{path.relative_to(site).as_posix()}"] = path
    for chapter in chapters(root):
        notebook = site / "_sources" / f"{chapter.docname}.ipynb"
        if not notebook.is_file():
            raise SystemExit(f"{notebook} is missing: build the book first (make book)")
        found[f"{top}/notebooks/{chapter.stem}.ipynb"] = notebook
    data = root / "data"
    for path in sorted(data.rglob("*")):
        if path.is_file() and path.suffix in (".csv", ".json", ".geojson", ".md") and "scripts" not in path.parts:
            found[f"{top}/data/{path.relative_to(data).as_posix()}"] = path
    title = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))["title"]
    found[f"{top}/README.txt"] = README.format(title=title, version=version, date=date).encode("utf-8")
    return found


def make_dist(site: Path, out: Path, root: Path = PROJECT, allow_dirty: bool = False) -> Path:
    if not (site / "index.html").is_file():
        raise SystemExit(f"no built book at {site}: run `make book` first")
    changes = dirty(root)
    if changes and not allow_dirty:
        raise SystemExit("the working tree has uncommitted changes; commit them, or run with ALLOW_DIRTY=1:\n  "
                         + "\n  ".join(changes[:10]))
    version, _ = book_version(root)
    stamp = commit_time(root)
    out.mkdir(parents=True, exist_ok=True)
    target = out / f"{NAME}-{version}.zip"
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for name, source in sorted(entries(site, root).items()):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, source if isinstance(source, bytes) else source.read_bytes(), compresslevel=6)
    return target


def main(argv: list[str]) -> None:
    site = Path(argv[1] if len(argv) > 1 else "_build/html").resolve()
    target = make_dist(site, site.parent / "dist", allow_dirty=os.environ.get("ALLOW_DIRTY") == "1")
    print(f"{target}  {target.stat().st_size:,d} bytes")


if __name__ == "__main__":
    main(sys.argv)
