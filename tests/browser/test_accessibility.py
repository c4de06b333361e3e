"""Every page of the built book, checked by axe-core in light and dark mode, and
read on a 375 px phone screen: no serious or critical accessibility violation,
no sideways scrolling, charts fitted to the column, keyboard focus visible."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.test_browser import scroll_through, visit

BLOCKING = {"serious", "critical"}


def axe_problems(page) -> list[str]:
    results = Axe().run(page)
    problems = []
    for violation in results.response["violations"]:
        if violation.get("impact") in BLOCKING:
            targets = [", ".join(node["target"]) if isinstance(node["target"], list) else str(node["target"])
                       for node in violation["nodes"][:5]]
            problems.append(f"{violation['id']} ({violation['impact']}): {violation['help']} -> {targets}")
    return problems


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_no_serious_axe_violations(site, server, browser, mode):
    failures = []
    for path in site.content_pages():
        url = f"{server}/{path.relative_to(site.html).as_posix()}"
        context, page, _, _ = visit(browser, url, dark=mode == "dark")
        try:
            if mode == "dark":
                page.evaluate("document.documentElement.dataset.theme = 'dark'")
            if page.locator("figure.bk-chart").count():
                scroll_through(page)  # charts go live: check the live view too
            page.wait_for_timeout(600)
            failures += [f"{path.name} [{mode}]: {p}" for p in axe_problems(page)]
        finally:
            context.close()
    assert not failures, "\n".join(failures)


def test_phone_width_has_no_sideways_scroll_and_charts_fit(site, server, browser):
    failures = []
    for path in site.content_pages():
        url = f"{server}/{path.relative_to(site.html).as_posix()}"
        context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
        page = context.new_page()
        try:
            page.goto(url, wait_until="load")
            if page.locator("figure.bk-chart").count():
                scroll_through(page)
            page.wait_for_timeout(800)
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            if overflow > 1:
                failures.append(f"{path.name}: page scrolls sideways by {overflow}px at 375px")
            too_wide = page.evaluate(
                """() => [...document.querySelectorAll('figure.bk-chart')].filter(f => {
                       const svg = f.querySelector('.bk-chart-live:not([hidden]) svg, .bk-chart-static:not([hidden]) svg, .bk-chart-static:not([hidden]) img');
                       return svg && svg.getBoundingClientRect().width > f.getBoundingClientRect().width + 1;
                   }).map(f => f.dataset.chartTitle)"""
            )
            failures += [f"{path.name}: chart wider than its column at 375px: {t}" for t in too_wide]
        finally:
            context.close()
    assert not failures, "\n".join(failures)


def test_keyboard_focus_is_visible_on_chart_controls(site, server, browser):
    page_path = next(p for p in site.content_pages() if "timeline" in p.name)
    context, page, _, _ = visit(browser, f"{server}/{page_path.relative_to(site.html).as_posix()}")
    try:
        figure = page.locator("figure.bk-chart").first
        figure.scroll_into_view_if_needed()
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
