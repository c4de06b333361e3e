"""`make audit`: Lighthouse scores for the built book, as figures (not a test).

Serves _build/html on a local port and runs Lighthouse 12.2.3 (installed by
`make audit` into .audit/ with npm; it runs on Node 20) against Debian's
Chromium for the landing page and two chapters, printing the four category
scores and the main metrics. Lighthouse's default is a throttled mid-range
phone; pass --desktop for its desktop preset as well.

Targets (issue #7): performance >= 95, accessibility 100, best practices >= 95, SEO >= 90.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HTML = ROOT / "_build" / "html"
LIGHTHOUSE = ROOT / ".audit" / "node_modules" / ".bin" / "lighthouse"
PAGES = ["book/index.html", "book/01-reactor.html", "book/05-keyhole.html"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
METRICS = {
    "first-contentful-paint": "FCP",
    "largest-contentful-paint": "LCP",
    "total-blocking-time": "TBT",
    "cumulative-layout-shift": "CLS",
    "speed-index": "Speed index",
}


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def run(url: str, desktop: bool) -> dict:
    command = [
        str(LIGHTHOUSE), url, "--output=json", "--output-path=stdout", "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
    ]
    if desktop:
        command.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600)
    if result.returncode != 0:
        sys.exit(f"lighthouse failed on {url}:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout)


def main() -> None:
    if not (HTML / "index.html").exists():
        sys.exit("no built book: run `make book` first")
    if not LIGHTHOUSE.exists():
        sys.exit(f"{LIGHTHOUSE} missing: run `make audit` (it installs lighthouse@12.2.3 with npm)")
    handler = functools.partial(Quiet, directory=str(HTML))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    presets = [False, True] if "--desktop" in sys.argv else [False]
    try:
        for desktop in presets:
            print(f"Lighthouse 12.2.3, {'desktop' if desktop else 'mobile (default throttling)'} preset")
            print(f"{'page':28s} {'perf':>5s} {'a11y':>5s} {'best':>5s} {'seo':>5s}   " + "  ".join(METRICS.values()))
            for page in PAGES:
                report = run(f"{base}/{page}", desktop)
                scores = [round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES]
                metrics = [report["audits"][m]["displayValue"] for m in METRICS]
                print(f"{page:28s} " + " ".join(f"{s:5d}" for s in scores) + "   " + "  ".join(metrics))
                failing = [
                    f"{a['id']}" for c in ("accessibility", "best-practices", "seo")
                    for ref in report["categories"][c]["auditRefs"]
                    if (a := report["audits"][ref["id"]]).get("score") is not None and a["score"] < 1 and ref.get("weight", 0) > 0
                ]
                if failing:
                    print(f"{'':28s} below full marks: {', '.join(failing)}")
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
