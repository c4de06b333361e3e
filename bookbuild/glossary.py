"""The `data-glossary` directive: Sphinx's glossary, filled from data/glossary.csv.

One entry per row: the definition, its citations, and links to related terms,
sorted by term, so that `{term}` links across the book resolve against the
data table and the glossary page cannot drift from it.
"""

from __future__ import annotations

from pathlib import Path

from docutils.statemachine import StringList
from sphinx.domains.std import Glossary


class DataGlossary(Glossary):
    required_arguments = 0
    has_content = False
    option_spec = {}

    def run(self):
        from booktools.bibliography import split_keys
        from booktools.data import DataError, load

        data_dir = Path(self.env.srcdir) / "data"
        self.env.note_dependency(str(data_dir / "glossary.csv"))
        try:
            table = load("glossary", data_dir)
        except DataError as err:
            raise self.error(str(err)) from None
        lines = []
        for row in sorted(table.itertuples(), key=lambda r: r.term.lower()):
            keys = ",".join(split_keys(row.source))
            lines += [row.term, f"   {row.definition} {{cite:p}}`{keys}`"]
            related = split_keys(row.related if isinstance(row.related, str) else "")
            if related:
                lines += ["", "   Related: " + ", ".join(f"{{term}}`{t}`" for t in related) + "."]
            lines.append("")
        self.content = StringList(lines, source=str(data_dir / "glossary.csv"))
        self.options["sorted"] = True
        return super().run()


def setup(app) -> None:
    app.add_directive("data-glossary", DataGlossary)
