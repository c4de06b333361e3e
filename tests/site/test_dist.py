"""`make dist`: one reproducible zip with the built book, the executed chapter
notebooks and the data, to hand out for a room with no network."""

from __future__ import annotations

import json
import zipfile

import pytest

from bookbuild import dist
from bookbuild.chapters import chapters
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def archive(site, tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    first = dist.make_dist(site.html, out / "one", allow_dirty=True)
    second = dist.make_dist(site.html, out / "two", allow_dirty=True)
    return first, second


def test_two_runs_give_identical_bytes(archive):
    first, second = archive
    assert first.read_bytes() == second.read_bytes()
    version, _ = dist.book_version(ROOT)
    assert first.name == f"yongbyon-restarts-{version}.zip"


def test_the_zip_holds_site_notebooks_data_and_a_readme(archive):
    with zipfile.ZipFile(archive[0]) as zipped:
        names = zipped.namelist()
        assert names == sorted(names)
        top = names[0].split("/")[0]
        assert all(name.startswith(top + "/") for name in names)
        for must in ("site/index.html", "site/book/01-reactor.html", "data/datapackage.json", "data/events.csv", "README.txt"):
            assert f"{top}/{must}" in names, must
        for chapter in chapters(ROOT):
            notebook = json.loads(zipped.read(f"{top}/notebooks/{chapter.stem}.ipynb"))
            outputs = sum(len(cell.get("outputs", [])) for cell in notebook["cells"])
            assert outputs >= 2, f"{chapter.stem}: the notebook has no outputs"
            assert "booktools" in "".join(notebook["cells"][1]["source"]), "the guard cell comes first"
        assert len({info.date_time for info in zipped.infolist()}) == 1, "one fixed timestamp"


def test_a_dirty_tree_is_refused_unless_allowed(site, tmp_path, monkeypatch):
    monkeypatch.setattr(dist, "dirty", lambda root=None: [" M book/01-reactor.md"])
    with pytest.raises(SystemExit, match="uncommitted changes"):
        dist.make_dist(site.html, tmp_path)
    assert dist.make_dist(site.html, tmp_path, allow_dirty=True).is_file()
