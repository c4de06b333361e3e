"""The opt-in Hypothesis client (`make book ANNOTATE=1`, book/seminar/annotation.md).

With BOOK_ANNOTATE=1 in the environment, every page loads the Hypothesis
client so a seminar group can annotate the book. Off by default: it is the
one script the book would load from another host.
"""

from __future__ import annotations

import os

HYPOTHESIS_CLIENT = "https://hypothes.is/embed.js"


def annotation_enabled() -> bool:
    return os.environ.get("BOOK_ANNOTATE", "") == "1"


def _add_annotation(app) -> None:
    if annotation_enabled():
        app.add_js_file(HYPOTHESIS_CLIENT, loading_method="async")


def setup(app) -> None:
    app.connect("builder-inited", _add_annotation)
