"""A static file server for measurements that compresses text as real hosts do (gzip).

    python benchmarks/static_server.py SITE_DIR PORT

Python's http.server sends every file uncompressed, which no production host does; Lighthouse
would then measure a site 3–4 times heavier than what a phone really receives. Files Pagefind
already compressed (``.pf_*``) are sent as they are. Listens on 127.0.0.1 only.
"""

from __future__ import annotations

import functools
import gzip
import io
import sys
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

TEXT_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


class GzipHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the parent class answers with its redirect
            path = path / "index.html"
        ctype = self.guess_type(str(path))
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.is_file() and ctype.startswith(TEXT_TYPES)):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        return io.BytesIO(body)


def main() -> None:
    site, port = sys.argv[1], int(sys.argv[2])
    handler = functools.partial(GzipHandler, directory=site)
    ThreadingHTTPServer(("127.0.0.1", port), handler).serve_forever()


if __name__ == "__main__":
    main()
