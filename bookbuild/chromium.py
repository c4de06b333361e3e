"""Debian's Chromium, as the tests, the handouts and the tools start it.

No browser is ever downloaded: Playwright drives /usr/bin/chromium (or
$CHROMIUM) through `executable_path`. The flags keep a headless Chromium off
the network it would otherwise try to reach at start-up.
"""

from __future__ import annotations

import os
from pathlib import Path

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
MISSING = f"{CHROMIUM} is missing: install Debian's Chromium (apt-get update && apt-get install -y chromium)"


def launch(playwright):
    """A headless Chromium from Playwright's sync API."""
    if not CHROMIUM.exists():
        raise SystemExit(MISSING)
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
