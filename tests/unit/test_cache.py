"""bookbuild.cache: a notebook's cached outputs are keyed by what it imports and reads."""

from __future__ import annotations

from bookbuild import cache
from tests.conftest import ROOT


def names(paths) -> set[str]:
    return {path.relative_to(ROOT).as_posix() for path in paths}


def test_a_notebook_depends_on_the_tables_it_names_and_its_helpers_read():
    found = names(cache.inputs(ROOT, 'x = load("nuclear_tests")\ntimeline_entries("ch01")\n'))
    assert found == {"data/datapackage.json", "book/references.bib", "data/nuclear_tests.csv", "data/events.csv"}


def test_a_file_named_in_the_text_counts_and_a_computed_name_means_every_table():
    assert "data/geo/world_110m.geojson" in names(cache.inputs(ROOT, 'Path("data") / "geo" / "world_110m.geojson"'))
    everything = names(cache.inputs(ROOT, "for name in names:\n    load(name)\n"))
    assert {f"data/{p.name}" for p in (ROOT / "data").glob("*.csv")} <= everything
    assert names(cache.inputs(ROOT, "package()")) == everything


def test_the_folder_key_is_the_notebook_package_not_the_build():
    assert cache.notebook_package() == ROOT / "booktools"
    assert len(cache.package_fingerprint()) == 16


def test_the_build_writes_the_inputs_into_the_kernelspec(tmp_path):
    class App:
        confdir = str(ROOT)

        class env:
            noted = []

            @classmethod
            def note_dependency(cls, path):
                cls.noted.append(path)

    source = ['---\nkernelspec:\n  name: python3\n---\n\n```{code-cell} ipython3\nload("claims")\n```\n']
    cache._key_notebook(App, "book/x", source)
    assert "kernelspec:\n  book_inputs: " in source[0] and "name: python3" in source[0]
    assert any(path.endswith("claims.csv") for path in App.env.noted)
    plain = ["# A page without code\n"]
    cache._key_notebook(App, "book/y", plain)
    assert plain == ["# A page without code\n"]
