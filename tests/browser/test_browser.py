"""The built book in a real browser (Debian's Chromium), with every non-local
request blocked: charts follow the theme and work from file://, search works
served and from file://, collapsed code takes focus once opened, and the book
works the same without its speed layer. (Every page's walk: test_pages.py.)"""

from __future__ import annotations

import pytest

from tests.browser.walk import bring_into_view

CHART_WAIT_MS = 20000


def visit(browser, url, *, dark=False):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="dark" if dark else "light")
    page = context.new_page()
    problems, outside = [], []

    def route(route):
        host = route.request.url.split("/")[2] if "://" in route.request.url else ""
        if route.request.url.startswith(("file:", "data:", "blob:")) or host.split(":")[0] in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", route)
    page.on("console", lambda msg: problems.append(f"console.{msg.type}: {msg.text}") if msg.type == "error" else None)
    page.on("pageerror", lambda err: problems.append(f"page error: {err}"))
    page.goto(url, wait_until="load")
    return context, page, problems, outside


def test_charts_follow_the_dark_theme(site, server, browser):
    path = next(p for p in site.content_pages() if 'class="bk-chart"' in p.read_text(encoding="utf-8"))
    context, page, problems, outside = visit(browser, f"{server}/{path.relative_to(site.html).as_posix()}")
    try:
        figure = page.locator("figure.bk-chart").first
        bring_into_view(figure)
        figure.locator(".vega-embed svg.marks").wait_for(timeout=CHART_WAIT_MS)
        light = figure.locator(".vega-embed svg.marks text").first.get_attribute("fill")
        page.evaluate("document.documentElement.setAttribute('data-theme', 'dark')")
        page.wait_for_function(
            "document.querySelector('figure.bk-chart').dataset.theme === 'dark' && "
            "document.querySelector('figure.bk-chart').dataset.state === 'live'",
            timeout=CHART_WAIT_MS,
        )
        dark = figure.locator(".vega-embed svg.marks text").first.get_attribute("fill")
        assert light != dark, (light, dark)
        assert not problems, problems
    finally:
        context.close()


def test_charts_work_from_file_urls(site, browser):
    path = next(p for p in site.content_pages() if 'class="bk-chart"' in p.read_text(encoding="utf-8"))
    context, page, problems, outside = visit(browser, path.as_uri())
    try:
        figure = page.locator("figure.bk-chart").first
        bring_into_view(figure)
        figure.locator(".vega-embed svg.marks").wait_for(timeout=CHART_WAIT_MS)
        assert not outside, outside
    finally:
        context.close()


def test_chart_menu_has_an_accessible_name_and_no_editor_link(site, server, browser):
    path = next(p for p in site.content_pages() if 'class="bk-chart"' in p.read_text(encoding="utf-8"))
    context, page, problems, outside = visit(browser, f"{server}/{path.relative_to(site.html).as_posix()}")
    try:
        figure = page.locator("figure.bk-chart").first
        bring_into_view(figure)
        figure.locator(".vega-embed svg.marks").wait_for(timeout=CHART_WAIT_MS)
        summary = figure.locator(".vega-embed details summary")
        assert summary.get_attribute("aria-label")
        assert "Open in Vega Editor" not in figure.inner_text()
        live = figure.locator(".bk-chart-live")
        assert live.get_attribute("aria-label")
    finally:
        context.close()


def test_code_in_a_collapsed_cell_takes_focus_once_opened_if_it_scrolls(site, server, browser):
    """A region that scrolls is focusable, so a keyboard can scroll it; code in
    a collapsed cell is measured again when a reader opens the cell (book.js)."""
    context = browser.new_context(viewport={"width": 375, "height": 740})
    page = context.new_page()
    try:
        page.goto(f"{server}/book/05-keyhole.html", wait_until="load")
        page.wait_for_function(
            "[...document.querySelectorAll('pre')].some(p => !p.closest('details:not([open])') && p.hasAttribute('tabindex'))",
            timeout=CHART_WAIT_MS,
        )
        assert page.evaluate("document.querySelectorAll('details:not([open]) pre').length") >= 2
        cells = page.locator("details.hide:not([open]) > summary")
        for index in range(cells.count()):
            cells.nth(0).click()  # an opened cell leaves the selection
        states = page.evaluate(
            "[...document.querySelectorAll('details.hide pre')].map(p => "
            "[p.tabIndex, p.scrollWidth > p.clientWidth || p.scrollHeight > p.clientHeight])"
        )
        assert states and all(tab == (0 if scrolls else -1) for tab, scrolls in states), states
        assert any(scrolls for _, scrolls in states), "no code block scrolls at 375px: the test checks nothing"
    finally:
        context.close()


# Words a reader would look for, and a page that must be among the results:
# a word of a chapter's passage, a glossary term, a name from the timeline.
SEARCHES = {"Yongbyon": "book/01-reactor.html", "Politburo": "book/08-crisis.html", "embassy": "book/05-keyhole.html"}


def search_results(page, base, query):
    page.goto(f"{base}/search.html?q={query}", wait_until="load")
    page.wait_for_function(
        "document.querySelector('#search-results') && /found|did not match/.test(document.querySelector('#search-results').textContent)",
        timeout=CHART_WAIT_MS,
    )
    page.wait_for_timeout(300)
    return page.evaluate(
        "[...document.querySelectorAll('#search-results ul.search > li')].map(li => ({"
        "href: li.querySelector('a').getAttribute('href'), title: li.querySelector('a').textContent,"
        "excerpt: (li.querySelector('p.context') || {}).textContent || ''}))"
    )


@pytest.mark.parametrize("where", ["served", "file"])
def test_search_finds_the_pages_that_hold_a_word(site, server, browser, where):
    base = server if where == "served" else site.html.as_uri()
    context, page, problems, outside = visit(browser, f"{base}/index.html")
    try:
        for query, expected in SEARCHES.items():
            results = search_results(page, base, query)
            pages = [r["href"].split("#")[0] for r in results]
            assert expected in pages, f"{query!r}: {pages}"
            hit = results[pages.index(expected)]
            assert hit["title"].strip(), hit
            assert query.lower() in hit["excerpt"].lower(), f"{query!r}: no excerpt around the word in {hit}"
            page.locator(f'#search-results a[href^="{expected}"]').first.click()
            page.wait_for_load_state("load")
            assert page.url.split("#")[0].split("?")[0].endswith(expected)
        assert search_results(page, base, "zzzqqq") == []
        assert not problems, problems
        assert not outside, outside
    finally:
        context.close()


THEME_READY = "document.documentElement.dataset.themeScripts === 'ready'"  # bookbuild/templates/fast/layout.html


def test_the_search_box_and_its_shortcut_lead_to_results(site, server, browser):
    """The search field on every page opens the theme's search dialog, as Ctrl+K does;
    a query typed there opens the search page with its results."""
    context, page, problems, outside = visit(browser, f"{server}/book/01-reactor.html")
    dialog_box = page.locator("#pst-search-dialog[open] form.bd-search input[type=search]")
    try:
        for query, expected, opener in (("embassy", "book/05-keyhole.html", "click"), ("Politburo", "book/08-crisis.html", "Control+k")):
            page.wait_for_function(THEME_READY, timeout=CHART_WAIT_MS)  # the theme's scripts have run
            if opener == "click":
                page.locator("button.search-button__button:visible").first.click()
            else:
                page.keyboard.press(opener)
            dialog_box.wait_for(state="visible", timeout=CHART_WAIT_MS)
            dialog_box.fill(query)
            dialog_box.press("Enter")
            page.wait_for_url(f"**/search.html?q={query}*")
            page.wait_for_selector(f"#search-results ul.search > li a[href^='{expected}']", timeout=CHART_WAIT_MS)
            page.goto(f"{server}/book/01-reactor.html", wait_until="load")
        assert not problems, problems
    finally:
        context.close()


def test_a_search_button_pressed_before_the_theme_script_has_run_still_opens_search(server, browser):
    """The theme's script starts after the first paint; on a slow phone a reader can press
    the search button before it has run. The press is kept and acted on once it has."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    held = []
    page.route("**/pydata-sphinx-theme.js*", lambda route: held.append(route))
    try:
        page.goto(f"{server}/book/01-reactor.html", wait_until="domcontentloaded")
        for _ in range(100):
            if held:
                break
            page.wait_for_timeout(50)
        assert held, "the theme's script was never requested"
        page.locator("button.search-button__button:visible").first.click()
        page.wait_for_timeout(300)
        assert page.locator("#pst-search-dialog[open]").count() == 0, "the theme's script is held back: nothing can open the dialog yet"
        held[0].continue_()
        page.wait_for_function(THEME_READY, timeout=CHART_WAIT_MS)
        page.locator("#pst-search-dialog[open] form.bd-search input[type=search]").wait_for(state="visible", timeout=CHART_WAIT_MS)
    finally:
        context.close()


# Without the speed layer (BOOK_FAST_ASSETS=0) the book must work the same way.
PLAIN_PAGES = ["book/index.html", "book/01-reactor.html", "book/05-keyhole.html", "book/reference/timeline.html", "search.html"]


def test_without_the_speed_layer_pages_chart_and_search_alike(plain_site, plain_server, browser):
    assert not (plain_site.html / "_static" / "book-styles.css").exists()
    for name in PLAIN_PAGES:
        context, page, problems, outside = visit(browser, f"{plain_server}/{name}")
        try:
            assert "book-styles.css" not in page.content()
            figures = page.locator("figure.bk-chart")
            for index in range(figures.count()):
                figure = figures.nth(index)
                bring_into_view(figure)
                figure.locator(".vega-embed svg.marks").first.wait_for(state="visible", timeout=CHART_WAIT_MS)
            page.wait_for_timeout(200)
            assert not problems, f"{name}: {problems}"
            assert not outside, f"{name} asked for {outside}"
        finally:
            context.close()
    context, page, problems, outside = visit(browser, f"{plain_server}/index.html")
    try:
        for query, expected in SEARCHES.items():
            results = search_results(page, plain_server, query)
            assert expected in [r["href"].split("#")[0] for r in results], query
        assert not problems, problems
    finally:
        context.close()
