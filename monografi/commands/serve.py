"""`monografi serve`: serve the built site locally, with the portal's own 404 page."""

from __future__ import annotations

import contextlib
import errno
import functools
import http.server
from http import HTTPStatus
from pathlib import Path

from .. import urls
from ..messages import Message, ui
from .common import EXIT_OK, EXIT_USAGE, say, whole_number

HELP = Message("sajikan output/ di http://127.0.0.1:8000", "serve output/ at http://127.0.0.1:8000")
PORT = Message("port (bawaan: 8000)", "the port (default: 8000)")
HOST = Message("alamat (bawaan: 127.0.0.1)", "the address (default: 127.0.0.1)")


class PortalHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site; a missing page gets the portal's own 404.html, in Indonesian."""

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / urls.NOT_FOUND_PAGE
        if code != HTTPStatus.NOT_FOUND or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return None


def portal_server(output: Path, host: str, port: int) -> http.server.ThreadingHTTPServer:
    return http.server.ThreadingHTTPServer(
        (host, port), functools.partial(PortalHandler, directory=str(output)))


def arguments(parser, lang: str) -> None:
    parser.add_argument("--port", type=whole_number(lang, 0, 65535), default=8000, help=PORT.text(lang))
    parser.add_argument("--host", default="127.0.0.1", help=HOST.text(lang))


def run(args) -> int:
    if not args.output.is_dir():
        say(ui("no_output", args.lang, path=args.output))
        return EXIT_USAGE
    try:
        server = portal_server(args.output, args.host, args.port)
    except OSError as exc:
        key = "port_busy" if exc.errno == errno.EADDRINUSE else "serve_failed"
        say(ui(key, args.lang, host=args.host, port=args.port, next=args.port + 1, error=exc))
        return EXIT_USAGE
    with server:
        print(ui("serving", args.lang, host=args.host, port=args.port))
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever()
    return EXIT_OK
