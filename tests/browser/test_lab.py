"""The student's notebooks: `make lab`'s JupyterLab, driven in Chromium.

Start JupyterLab as `make lab` does (bookbuild.lab), double-click a chapter in
the file browser, run all its cells, and check that it opened as a notebook,
ran without errors, rendered its MyST (no raw roles or directives, citations
as author-year labels), drew live charts, and asked nothing of the network."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.request

import pytest

from bookbuild import lab

pytestmark = pytest.mark.lab

CHAPTER = "01-reactor.md"
RAW_MYST = (":::{", "{cite", "{term", "{ref}", "{{", "Citation Not Found")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def jupyterlab(tmp_path_factory):
    pytest.importorskip("jupyterlab_myst", reason="make test installs requirements-lab.txt")
    port = free_port()
    log = open(tmp_path_factory.mktemp("lab") / "lab.log", "w")
    lab.install_settings()
    server = subprocess.Popen(
        lab.command(["--no-browser", f"--port={port}", "--ServerApp.token=", "--ServerApp.password=",
                     "--ServerApp.ip=127.0.0.1"]),
        env=lab.environment(), stdout=log, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{base}/api", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail(f"JupyterLab did not start; see {log.name}")
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def test_a_chapter_opens_as_a_notebook_runs_clean_renders_its_myst_and_charts_offline(jupyterlab, browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    outside = []

    def route(request_route):
        url = request_route.request.url
        if url.startswith((jupyterlab, "data:", "blob:")):
            request_route.continue_()
        else:
            outside.append(url)
            request_route.abort()

    page.route("**/*", route)
    try:
        page.goto(f"{jupyterlab}/lab", wait_until="load")
        page.locator(f".jp-DirListing-item[title^='Name: {CHAPTER}'], .jp-DirListing-item:has-text('{CHAPTER}')").first.dblclick(timeout=60000)
        page.locator(".jp-NotebookPanel .jp-Cell").first.wait_for(timeout=60000)
        assert page.locator(".jp-FileEditor").count() == 0, "the chapter opened as a text file"
        page.locator("div.lm-MenuBar-itemLabel:text-is('Run')").click()
        page.locator("li.lm-Menu-item:has-text('Run All Cells')").first.click()
        # Done when the last code cell has its execution count and the kernel is idle.
        page.wait_for_function(
            "() => { const p = [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')];"
            " return p.length > 0 && p.every(e => /\\[\\d+\\]/.test(e.textContent)); }", timeout=90000)
        page.locator(".vega-embed svg.marks, .vega-embed canvas").first.wait_for(timeout=30000)
        page.wait_for_timeout(1500)
        errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr'],"
                              " .jp-OutputArea-output[data-mime-type='application/vnd.jupyter.error']")
        assert errors.count() == 0, errors.first.inner_text()[:500]
        rendered = "\n".join(page.locator(".jp-MarkdownCell").all_inner_texts())
        assert "According to the International Atomic Energy Agency" in rendered
        raw = [marker for marker in RAW_MYST if marker in rendered]
        assert not raw, f"raw MyST in the rendered chapter: {raw}"
        assert page.locator("span.booktools-cite").count() >= 5, "citations are not labelled"
        assert page.locator(".vega-embed").count() >= 2, "the charts are not live"
        assert not outside, f"requests off the machine: {outside[:5]}"
    finally:
        context.close()
