"""The Hypothesis switch: off by default, on only with BOOK_ANNOTATE=1
(`make book ANNOTATE=1`), and then it adds exactly the Hypothesis client."""

from __future__ import annotations

from bookbuild import annotation as ext


class FakeApp:
    def __init__(self):
        self.scripts = []

    def add_js_file(self, filename, **attributes):
        self.scripts.append((filename, attributes))


def test_annotation_is_off_by_default(monkeypatch):
    monkeypatch.delenv("BOOK_ANNOTATE", raising=False)
    app = FakeApp()
    ext._add_annotation(app)
    assert app.scripts == []


def test_annotation_switch_adds_the_hypothesis_client(monkeypatch):
    monkeypatch.setenv("BOOK_ANNOTATE", "1")
    app = FakeApp()
    ext._add_annotation(app)
    assert app.scripts == [("https://hypothes.is/embed.js", {"loading_method": "async"})]


def test_other_values_do_not_switch_it_on(monkeypatch):
    monkeypatch.setenv("BOOK_ANNOTATE", "yes please")
    app = FakeApp()
    ext._add_annotation(app)
    assert app.scripts == []
