"""Keyboard use: focus is visible on chart controls. (axe-core on every page,
light and dark, and the 375 px checks: test_pages.py.)"""

from __future__ import annotations

from tests.browser.test_browser import visit
from tests.browser.walk import bring_into_view


def test_keyboard_focus_is_visible_on_chart_controls(site, server, browser):
    page_path = next(p for p in site.content_pages() if "timeline" in p.name)
    context, page, _, _ = visit(browser, f"{server}/{page_path.relative_to(site.html).as_posix()}")
    try:
        figure = page.locator("figure.bk-chart").first
        bring_into_view(figure)
        select = figure.locator(".vega-bindings select")
        select.wait_for(state="visible", timeout=20000)
        select.focus()
        outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline not in ("", "none"), "the chart's category menu shows no focus outline"
        select.select_option(label="nuclear")
        page.wait_for_timeout(300)
        assert page.evaluate("document.activeElement.tagName") == "SELECT"
    finally:
        context.close()
