"""bookbuild.chapters: the one list of chapters is the table of contents."""

from __future__ import annotations

from bookbuild.chapters import chapters, toc_files


def test_chapters_come_from_the_toc_in_its_order(tmp_path):
    (tmp_path / "book").mkdir()
    (tmp_path / "_toc.yml").write_text(
        "format: jb-book\nroot: book/index\nparts:\n  - caption: A\n    chapters:\n      - file: book/02-b\n"
        "      - file: book/01-a\n        sections:\n          - file: book/extra\n  - caption: B\n    chapters:\n"
        "      - file: book/reference/sources\n", encoding="utf-8")
    (tmp_path / "book" / "01-a.md").write_text("# 1. First\n", encoding="utf-8")
    assert toc_files(tmp_path) == ["book/index", "book/02-b", "book/01-a", "book/extra", "book/reference/sources"]
    found = chapters(tmp_path)
    assert [(c.id, c.docname, c.stem) for c in found] == [("ch02", "book/02-b", "02-b"), ("ch01", "book/01-a", "01-a")]
    assert found[1].title == "1. First"
