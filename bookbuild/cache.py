"""An execution cache that is honest about what each notebook's outputs depend on.

jupyter-cache notices changes to a notebook's own code only. A notebook's
outputs also depend on

* the package it imports (`booktools`: loader, chart renderer, pages built
  from data): the cache folder is keyed by a hash of every module in it, so a
  change there runs every notebook again;
* the data it reads: each notebook is keyed, beside its code, by a hash of the
  files it reads, so an edit to one table runs again only the notebooks that
  read it. The build writes that hash into the notebook's kernelspec as it
  reads the page (`book_inputs`), which jupyter-cache includes in the key,
  and tells Sphinx the page depends on those files, so that it reads the page
  again when one of them changes.

What a notebook reads is found in its text, conservatively: every data file
whose name it mentions (`load("events")`, a `.geojson` path), the tables the
booktools helpers it calls read (booktools.pages.READS), every table if it
loads by a name it computes or reads the whole package, and always the data
package's descriptor and `book/references.bib` (the loader checks every row's
source key against it). Nothing else is in the key: the build package, the
stylesheets, the prose of the pages and `_toc.yml` shape pages, not cell
outputs, and the parts of pages that name chapters are resolved by Sphinx
(bookbuild.toc_pages).
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import re
from pathlib import Path

DATA_SUFFIXES = {".csv", ".json", ".geojson"}
KERNELSPEC = re.compile(r"^kernelspec:\n", re.M)
LITERAL_LOAD = re.compile(r"""\bload\(\s*["'](\w+)["']""")
DYNAMIC_READ = re.compile(r"""\bload\(\s*[^"'\s)]|\b(?:package|resource|validate)\(""")


def notebook_package() -> Path:
    """The folder of the package chapters import, found without importing it."""
    spec = importlib.util.find_spec("booktools")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("booktools is not installed: run `make book`, which installs it into .venv")
    return Path(next(iter(spec.submodule_search_locations)))


def _digest(paths) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def package_fingerprint() -> str:
    """A hash of the notebook package: the cache folder's name."""
    return _digest(sorted(notebook_package().glob("*.py")))


def data_files(project: Path) -> list[Path]:
    data = project / "data"
    return sorted(p for p in data.rglob("*") if p.suffix in DATA_SUFFIXES and "scripts" not in p.parts)


def inputs(project: Path, text: str) -> list[Path]:
    """The data files a notebook with this text can read."""
    from booktools.pages import READS

    files = data_files(project)
    always = [project / "data" / "datapackage.json", project / "book" / "references.bib"]
    if DYNAMIC_READ.search(text):
        chosen = files
    else:
        tables = set(LITERAL_LOAD.findall(text))
        tables |= {table for helper, read in READS.items() if re.search(rf"\b{helper}\(", text) for table in read}
        chosen = [path for path in files if path.stem in tables or path.name in text]
    return [path for path in dict.fromkeys([*always, *chosen]) if path.is_file()]




def _key_execution_cache(app, config) -> None:
    # BOOK_EXECUTION_CACHE lets another build of the same project (an edition, the annotated
    # copy) share the main build's cache instead of running every notebook again.
    base = Path(os.environ.get("BOOK_EXECUTION_CACHE") or Path(app.outdir).parent / ".jupyter_cache")
    config.nb_execution_cache_path = str(base / package_fingerprint())


def _key_notebook(app, docname: str, source: list[str]) -> None:
    text = source[0]
    if not text.startswith("---") or not KERNELSPEC.search(text):
        return
    files = inputs(Path(app.confdir), text)
    for path in files:  # so that Sphinx reads the page again when one of them changes
        app.env.note_dependency(str(path))
    source[0] = KERNELSPEC.sub(f"kernelspec:\n  book_inputs: {_digest(files)}\n", text, count=1)


def setup(app) -> None:
    app.connect("config-inited", _key_execution_cache)
    app.connect("source-read", _key_notebook)
