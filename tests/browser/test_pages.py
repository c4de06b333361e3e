"""Every page, as a reader's browser shows it at 1280 px and at 375 px (one walk
per width: tests/browser/walk.py): no console error, nothing fetched from
another host, every chart live, chart text legible and unclipped by its
neighbours, no sideways scrolling, paragraphs never squeezed beside a margin
note, and no serious or critical axe violation in light or dark mode at either width."""

from __future__ import annotations

import re

from tests.browser.walk import overlaps

# Smallest chart text a reader gets, in CSS px (issue #20).
MIN_TEXT = {1280: 11, 375: 10}
MIN_PARAGRAPH = 280


def _failures(walk, check) -> list[str]:
    return [f"{name}: {problem}" for name, result in walk.items() for problem in check(result)]


def test_no_page_logs_an_error_or_asks_another_host(walk_wide):
    failures = _failures(walk_wide, lambda r: r.problems + [f"asked for {url}" for url in r.outside])
    assert not failures, "\n".join(failures)


def test_every_chart_turns_live_offline(walk_wide, walk_phone):
    for walk in (walk_wide, walk_phone):
        failures = _failures(walk, lambda r: [f"chart {c['id']} stayed static" for c in r.charts if not c["live"]]
                             + [f"chart {name} was still changing size or place half a second after it turned live" for name in r.moving])
        assert not failures, "\n".join(failures)
    assert sum(len(r.charts) for r in walk_wide.values()) >= 20


def test_no_serious_axe_violations_in_light_or_dark_on_desktop_and_phone(walk_wide, walk_phone):
    """Some of what a phone shows, only a phone-width check can see: margin notes on their
    own background in the text column (links there once fell to 4.34:1) and the theme's
    Back to top button, shown below 1200 px (once white on orange, 2.45:1)."""
    for width, walk in ((1280, walk_wide), (375, walk_phone)):
        failures = _failures(walk, lambda r: [f"[{width} px, {mode}] {p}" for mode, problems in r.axe.items() for p in problems])
        assert not failures, "\n".join(failures)


def _small_text(width):
    def check(result):
        found = []
        for chart in result.charts:
            small = sorted({(round(t["px"], 1), t["text"][:30]) for t in chart["texts"] if t["px"] < MIN_TEXT[width] - 0.05})
            if small:
                found.append(f"chart {chart['id']} ({chart.get('layout')}): {len(small)} texts under {MIN_TEXT[width]}px, e.g. {small[:3]}")
        return found
    return check


def test_live_chart_text_is_legible_on_desktop_and_phone(walk_wide, walk_phone):
    failures = _failures(walk_wide, _small_text(1280)) + _failures(walk_phone, _small_text(375))
    assert not failures, "\n".join(failures)


def _font_sizes(svg_text: str) -> list[float]:
    return [float(size) for size in re.findall(r'font-size="([\d.]+)(?:px)?"', svg_text)]


def test_the_static_picture_a_reader_sees_first_is_legible(site, walk_wide, walk_phone):
    failures = []
    for width, walk in ((1280, walk_wide), (375, walk_phone)):
        for name, result in walk.items():
            page = site.html / name
            for picture in result.pictures:
                sizes = _font_sizes((page.parent / picture["src"]).read_text(encoding="utf-8"))
                smallest = min(sizes) * picture["scale"] if sizes else MIN_TEXT[width]
                if smallest < MIN_TEXT[width] - 0.05:
                    failures.append(f"{name} [{width}px]: chart {picture['id']} picture text at {smallest:.1f}px")
    assert not failures, "\n".join(failures)


def test_no_chart_labels_collide(walk_wide, walk_phone):
    def check(result):
        return [f"chart {c['id']} ({c.get('layout')}): {pairs[:3]}" for c in result.charts if (pairs := overlaps(c["texts"]))]
    failures = [f"[1280] {f}" for f in _failures(walk_wide, check)] + [f"[375] {f}" for f in _failures(walk_phone, check)]
    assert not failures, "\n".join(failures)


def test_phones_never_scroll_sideways_nor_squeeze_paragraphs(walk_phone):
    def check(result):
        found = [f"scrolls sideways by {result.overflow}px"] if result.overflow > 1 else []
        narrow = [p for p in result.paragraphs if p["width"] < MIN_PARAGRAPH]
        if narrow:
            found.append(f"{len(narrow)} paragraphs under {MIN_PARAGRAPH}px, e.g. {narrow[0]}")
        return found
    failures = _failures(walk_phone, check)
    assert not failures, "\n".join(failures)
