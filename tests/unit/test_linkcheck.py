"""`make linkcheck`'s parts, without the internet: which URLs it tries and how it judges answers."""

import datetime
import http.server
import socket

import pytest

from conftest import FIXTURES
from macros.load import parse_guide
from tools.linkcheck import check, external_urls
from tools.local_site import serving

GUIDE = parse_guide((FIXTURES / "minimal.yml").read_bytes(), "minimal.yml", datetime.date(2026, 6, 1))


def test_urls_are_sources_and_https_links_in_markdown_each_once():
    answer = "See [a](https://a.example/x), [b](compare.md#where-stock-sits) and [c][r].\n\n[r]: https://one.example/page"
    faq = [GUIDE.faq[0].model_copy(update={"answer": answer})]
    modes = [GUIDE.modes[0].model_copy(update={"roles": "[d](https://d.example)"}), GUIDE.modes[1]]
    guide = GUIDE.model_copy(update={"faq": faq, "modes": modes})
    assert external_urls(guide) == [
        "https://one.example/page", "https://two.example/page", "https://d.example", "https://a.example/x",
    ]


class Handler(http.server.BaseHTTPRequestHandler):
    def do_HEAD(self):
        self.send_response(405 if self.path == "/no-head" else 200 if self.path in ("/ok",) else 404)
        self.end_headers()

    def do_GET(self):
        self.send_response(200 if self.path in ("/ok", "/no-head") else 404)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def local_server():
    with serving(Handler) as url:
        yield url.rstrip("/")


def test_answers_are_judged(local_server):
    assert check(f"{local_server}/ok") is None
    assert check(f"{local_server}/no-head") is None, "a server refusing HEAD is asked with GET"
    assert check(f"{local_server}/missing") == "HTTP 404 Not Found"


def test_unreachable_host_is_reported():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again before the check: nothing listens there
    assert check(f"http://127.0.0.1:{port}/").startswith("unreachable: ")
