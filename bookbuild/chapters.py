"""The one list of the book's chapters: `_toc.yml`.

Everything that needs the chapters (the handouts, the tests, the build's
chapter links and lists) asks here; nothing globs for files. Notebooks never
need it: their chapter links are `{chapter}` roles that Sphinx resolves
(bookbuild.toc_pages). A chapter is a toc entry
under `book/` whose file name starts with its two-digit number
(`book/01-reactor`), and its id in the data tables is `ch` + that number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

CHAPTER_FILE = re.compile(r"^book/(\d\d)-[\w-]+$")


@dataclass(frozen=True)
class Chapter:
    number: str        # "01"
    docname: str       # "book/01-reactor"
    root: Path

    @property
    def id(self) -> str:
        return f"ch{self.number}"

    @property
    def stem(self) -> str:
        return self.docname.rsplit("/", 1)[-1]

    @property
    def path(self) -> Path:
        return self.root / f"{self.docname}.md"

    @property
    def title(self) -> str:
        """The chapter's H1, as its file gives it."""
        found = re.search(r"^# (.+)$", self.path.read_text(encoding="utf-8"), flags=re.M)
        return found.group(1).strip() if found else self.stem


def toc_files(root: Path) -> list[str]:
    """Every file the table of contents names, in reading order (root first)."""
    import yaml

    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    files = [toc["root"]]

    def walk(entries):
        for entry in entries or ():
            if "file" in entry:
                files.append(entry["file"])
            walk(entry.get("sections"))
            walk(entry.get("chapters"))

    walk(toc.get("parts"))
    walk(toc.get("chapters"))
    return [name.removesuffix(".md").removesuffix(".ipynb") for name in files]


PROJECT = Path(__file__).resolve().parent.parent


def chapters(root: Path | str | None = None) -> list[Chapter]:
    """The reading chapters, in the order of the table of contents."""
    root = Path(root or PROJECT)
    return [Chapter(CHAPTER_FILE.match(name).group(1), name, root) for name in toc_files(root) if CHAPTER_FILE.match(name)]


def by_id(root: Path | str | None = None) -> dict[str, Chapter]:
    """{"ch01": Chapter(...), ...}"""
    return {chapter.id: chapter for chapter in chapters(root)}
