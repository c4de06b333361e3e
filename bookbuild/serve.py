"""Serve the built book the way a static host does: `python -m booktools.serve DIR [PORT]`.

Python's `http.server` speaks HTTP/1.0 (a new connection for every file) and
never compresses, which no real host (GitHub Pages, Netlify, Read the Docs, a
university web server) does. A phone on a slow link would see a different
book. This handler keeps connections alive (HTTP/1.1) and gzips text files for
clients that ask, as those hosts do, so `make serve` and `make audit` measure
the book as readers get it. Files on disk are never changed.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import os
import sys
import threading

COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".csv", ".txt", ".xml", ".geojson", ".inv", ".md", ".ipynb"}


class Handler(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    quiet = False

    def log_message(self, format, *args):  # noqa: A002 (the base class's name)
        if not self.quiet:
            super().log_message(format, *args)

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            index = os.path.join(path, "index.html")
            if self.path.split("?")[0].endswith("/") and os.path.isfile(index):
                path = index
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts_gzip and os.path.isfile(path) and os.path.splitext(path)[1].lower() in COMPRESSIBLE):
            return super().send_head()
        with open(path, "rb") as handle:
            body = gzip.compress(handle.read(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(int(os.path.getmtime(path))))
        self.end_headers()
        return io.BytesIO(body)


class QuietHandler(Handler):
    quiet = True


def server(directory: str, port: int = 0, quiet: bool = True) -> http.server.ThreadingHTTPServer:
    """A server for `directory` on 127.0.0.1 (port 0: any free one)."""
    handler = functools.partial(QuietHandler if quiet else Handler, directory=str(directory))
    return http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)


def start(directory: str, port: int = 0, quiet: bool = True) -> http.server.ThreadingHTTPServer:
    """A server on 127.0.0.1 in a background thread; `.server_address[1]` is its port."""
    running = server(directory, port, quiet)
    threading.Thread(target=running.serve_forever, daemon=True).start()
    return running


def main(argv: list[str]) -> None:
    directory = argv[1] if len(argv) > 1 else "_build/html"
    port = int(argv[2]) if len(argv) > 2 else 8000
    if not os.path.isfile(os.path.join(directory, "index.html")):
        sys.exit(f"{directory}/index.html not found: build the book first (make book)")
    with server(directory, port, quiet=False) as running:
        print(f"Serving {directory} at http://127.0.0.1:{port}/ (gzip, HTTP/1.1; Ctrl-C to stop)")
        try:
            running.serve_forever()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main(sys.argv)
