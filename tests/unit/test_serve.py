"""bookbuild.serve: the book served as a static host serves it."""

from __future__ import annotations

import gzip
import urllib.request

from bookbuild import serve



def test_the_server_gzips_text_for_clients_that_ask_and_keeps_bytes_intact(tmp_path):
    (tmp_path / "index.html").write_text("<p>" + "yongbyon " * 500 + "</p>", encoding="utf-8")
    (tmp_path / "picture.png").write_bytes(b"\x89PNG not text")
    server = serve.start(str(tmp_path))
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        request = urllib.request.Request(f"{base}/index.html", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            body = response.read()
        assert len(body) < 200
        assert gzip.decompress(body) == (tmp_path / "index.html").read_bytes()
        with urllib.request.urlopen(f"{base}/index.html") as response:
            assert response.headers.get("Content-Encoding") is None
            assert response.read() == (tmp_path / "index.html").read_bytes()
        request = urllib.request.Request(f"{base}/picture.png", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as response:
            assert response.headers.get("Content-Encoding") is None
            assert response.read() == b"\x89PNG not text"
        with urllib.request.urlopen(f"{base}/") as response:
            assert b"yongbyon" in response.read()
    finally:
        server.shutdown()
