# A two-chapter book for testing the extension (tests/unit/test_extension.py) in seconds.
project = "Fixture book"
extensions = ["myst_nb", "sphinxcontrib.bibtex", "bookbuild"]
html_theme = "sphinx_book_theme"
exclude_patterns = ["_build"]
nb_execution_mode = "off"
nb_render_markdown_format = "myst"
nb_mime_priority_overrides = [("html", "text/markdown", 25)]
myst_enable_extensions = ["colon_fence", "attrs_inline"]
bibtex_bibfiles = ["book/references.bib"]
bibtex_default_style = "bookstyle"
bibtex_reference_style = "book_author_year"
bibtex_cite_id = "cite-{key}"
html_static_path = []
book_fast_assets = True
