"""`make linkcheck` (python -m tools.linkcheck): try every external link in the data online.

Needs a network; never part of `make test`.

Exit 0 when every link answers, 1 listing those that do not (or when nothing could be reached).
"""

import sys
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from macros import DATA_FILE
from macros.load import load_guide
from macros.model import LINK_TARGET, Guide

ROOT = Path(__file__).resolve().parent.parent

TIMEOUT = 10  # seconds per request
WORKERS = 4  # polite to the hosts, bounded in time
HEADERS = {"User-Agent": "temu-modes-guide-linkcheck/1 (+https://temu-modes.example.org/)"}


def external_urls(guide: Guide) -> list[str]:
    """Source URLs and https links in the Markdown fields, each once, in data order."""
    urls = [source.url for source in guide.sources]
    for mode in guide.modes:
        urls += _markdown_links(mode.goods_flow, mode.money_flow, mode.roles)
    urls += _markdown_links(*(entry.answer for entry in guide.faq))
    return list(dict.fromkeys(urls))


def _markdown_links(*texts: str) -> list[str]:
    targets = (m.group(1) if m.group(1) is not None else m.group(2) for t in texts for m in LINK_TARGET.finditer(t))
    return [t for t in targets if t.startswith("https://")]


def check(url: str) -> str | None:
    """None if the URL answers with a success, else why not. HEAD first; GET where HEAD is refused."""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers=HEADERS)
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT):
                return None
        except urllib.error.HTTPError as error:
            if method == "GET" or error.code not in (403, 405, 501):
                return f"HTTP {error.code} {error.reason}"
        except (urllib.error.URLError, OSError) as error:
            return f"unreachable: {getattr(error, 'reason', error)}"
    return None


def main() -> int:
    urls = external_urls(load_guide(ROOT / DATA_FILE, ROOT))
    with ThreadPoolExecutor(WORKERS) as pool:
        results = list(pool.map(check, urls))
    for url, problem in zip(urls, results):
        print(f"{'ok  ' if problem is None else 'FAIL'} {url}" + (f"  ({problem})" if problem else ""))
    failed = sum(problem is not None for problem in results)
    print(f"{len(urls) - failed} of {len(urls)} links answer")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
