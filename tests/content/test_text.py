"""The article's ten paragraphs are in the book, verbatim, numbered and in order.

`tests/fixtures/article.txt` is a copy of the shared article text, kept in the
repository so that this test runs without `../shared`. The comparison forgives
only typography (curly vs straight quotes, dash forms, whitespace); any change
of words, a dropped sentence or a paragraph out of order fails with the
paragraph number and the first point where the texts part.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bookbuild.chapters import toc_files
from tests.conftest import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "article.txt"
PASSAGE = re.compile(
    r"^:::\{div\} article-passage\n\((p-\d\d)\)=\n<a class=\"paragraph-number\" href=\"#(p-\d\d)\"[^>]*>¶(\d+)</a> (.*?)\n:::$",
    flags=re.M | re.S,
)


def article_paragraphs() -> list[str]:
    """The body: the paragraphs after the standfirst bullets and before the author note."""
    text = FIXTURE.read_text(encoding="utf-8")
    body = text.split("AUTHORS")[0]
    blocks = [" ".join(block.split()) for block in re.split(r"\n\s*\n", body)]
    return [b for b in blocks if b and not b.startswith("►")]


def normalise(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = text.replace("—", "-").replace("–", "-").replace("\u00a0", " ")
    return " ".join(text.split())


def book_passages() -> list[tuple[str, str, str]]:
    """(label, chapter file, text) for every article passage, in table-of-contents order."""
    found = []
    for path in (ROOT / f"{name}.md" for name in toc_files(ROOT)):
        for label, href, number, text in PASSAGE.findall(path.read_text(encoding="utf-8")):
            assert href == label and int(number) == int(label[2:]), (
                f"{path.name}: passage {label} links to #{href} and is numbered ¶{number}"
            )
            found.append((label, path.name, text))
    return found


def test_fixture_has_ten_paragraphs():
    paragraphs = article_paragraphs()
    assert len(paragraphs) == 10, f"expected 10 body paragraphs in {FIXTURE.name}, found {len(paragraphs)}"
    assert paragraphs[0].startswith("According to the International Atomic Energy Agency")


def test_every_paragraph_appears_once_in_order():
    labels = [label for label, _, _ in book_passages()]
    expected = [f"p-{n:02d}" for n in range(1, 11)]
    assert labels == expected, f"passages in table-of-contents order are {labels}, expected {expected}"


@pytest.mark.parametrize("number", range(1, 11))
def test_paragraph_is_verbatim(number):
    passages = {label: (chapter, text) for label, chapter, text in book_passages()}
    label = f"p-{number:02d}"
    assert label in passages, f"¶{number} ({label}) is not in any chapter"
    chapter, text = passages[label]
    ours, theirs = normalise(text), normalise(article_paragraphs()[number - 1])
    if ours != theirs:
        at = next((i for i, (a, b) in enumerate(zip(ours, theirs)) if a != b), min(len(ours), len(theirs)))
        raise AssertionError(
            f"{chapter}: ¶{number} differs from the article at character {at}:\n"
            f"  book:    ...{ours[max(0, at - 40):at + 40]}...\n"
            f"  article: ...{theirs[max(0, at - 40):at + 40]}..."
        )


def test_fixture_matches_shared_copy_when_present():
    shared = ROOT.parent / "shared" / "article" / "article.txt"
    if not shared.exists():
        pytest.skip("../shared is not present (the fixture is the repository's copy)")
    assert normalise(shared.read_text(encoding="utf-8")) == normalise(FIXTURE.read_text(encoding="utf-8"))
