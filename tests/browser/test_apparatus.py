"""The reading apparatus as a reader meets it (issue #16): reference and term
cards on focus, hover and Escape; one search box; a ledger that never scrolls
sideways; the then-and-now switch, which hides later material and remembers."""

from __future__ import annotations

import re

import pytest

CHAPTER = "book/01-reactor.html"
LEDGER = "book/reference/claims.html"


@pytest.fixture()
def page_at(server, browser):
    opened = []

    def open_page(path: str, width: int = 1280, context=None):
        context = context or browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        page.goto(f"{server}/{path}", wait_until="load")
        opened.append(context)
        return page

    yield open_page
    for context in opened:
        context.close()


def test_a_focused_citation_shows_its_reference_and_escape_closes_it(page_at):
    page = page_at(CHAPTER)
    citation = page.locator('article a[href*="sources.html#cite-"]').first
    label = citation.inner_text()
    assert not re.fullmatch(r"[\w-]+-\d{4}-[\w-]+", label), f"a raw key as the label: {label}"
    citation.focus()
    card = page.locator("#bk-card")
    card.wait_for(state="visible", timeout=5000)
    assert card.get_attribute("role") == "tooltip"
    assert citation.get_attribute("aria-describedby") == "bk-card"
    text = card.inner_text()
    assert re.search(r"\b(19|20)\d\d\b", text) and card.locator("a[href^='http']").count() >= 1, text
    page.keyboard.press("Escape")
    card.wait_for(state="hidden", timeout=5000)
    assert citation.get_attribute("aria-describedby") is None


def test_hovering_a_term_shows_its_definition_without_leaving_the_page(page_at):
    page = page_at(CHAPTER)
    term = page.locator('article a[href*="glossary.html#term-"]').first
    term.hover()
    card = page.locator("#bk-card")
    card.wait_for(state="visible", timeout=5000)
    assert len(card.inner_text()) > 40 and page.url.endswith(CHAPTER)
    assert card.locator('a[href*="glossary.html#term-"]').count() == 1, "the card links the glossary entry"


def test_cards_fit_a_phone_screen(page_at):
    page = page_at(CHAPTER, width=375)
    page.locator('article a[href*="sources.html#cite-"]').first.focus()
    card = page.locator("#bk-card")
    card.wait_for(state="visible", timeout=5000)
    box = card.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375


def test_one_search_box_is_visible_at_desktop_width(page_at):
    page = page_at(CHAPTER)
    visible = page.evaluate("""() => [...document.querySelectorAll('.search-button-field, form.bd-search, .search-button')]
        .filter(el => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
                        return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; })
        .filter(el => !el.parentElement.closest('.search-button-field, form.bd-search, .search-button')).length""")
    assert visible == 1, f"{visible} search boxes visible at 1280 px"


@pytest.mark.parametrize("width", [1280, 375])
def test_the_ledger_reads_as_blocks_without_sideways_scrolling(page_at, width):
    page = page_at(LEDGER, width=width)
    blocks = page.locator('[id^="claim-p"]')
    assert blocks.count() >= 30
    wide = page.evaluate("""() => [...document.querySelectorAll('article *')]
        .filter(el => !el.closest('.bk-chart-data'))  // a chart's data table may scroll, as tables do
        .filter(el => el.scrollWidth > el.clientWidth + 1 && ['auto', 'scroll'].includes(getComputedStyle(el).overflowX))
        .map(el => el.className || el.tagName).slice(0, 5)""")
    assert not wide, f"sideways-scrolling boxes on the ledger at {width} px: {wide}"
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_the_then_and_now_switch_hides_later_material_and_remembers(page_at, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = page_at(LEDGER, context=context)
    later = page.locator(".later").first
    assert later.is_visible(), "later material shows by default"
    switch = page.locator(".bk-later-switch").first
    assert "shown" in switch.inner_text()
    switch.click()
    assert not later.is_visible() and "hidden" in switch.inner_text()
    assert switch.get_attribute("aria-pressed") in ("true", "false")
    other = page_at("book/reference/timeline.html", context=context)
    assert not other.locator(".later").first.is_visible(), "the choice persists across pages"
    other.locator(".bk-later-switch").first.click()
    assert other.locator(".later").first.is_visible()
