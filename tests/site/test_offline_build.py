"""The build makes no network request: it still succeeds with every non-loopback connection refused."""

import os
import subprocess
import sys
import textwrap

from conftest import MKDOCS, ROOT

# Loaded by every Python process started with this folder on PYTHONPATH: refuses and records any
# lookup or connection that would leave the machine.
GUARD = textwrap.dedent('''
    import os, socket, sys

    with open(os.environ["NETWORK_GUARD_LOADED"], "a", encoding="utf-8") as loaded:
        loaded.write(os.path.basename(sys.argv[0]) + "\\n")

    LOOPBACK = {None, "localhost", "127.0.0.1", "::1", "0.0.0.0", ""}

    def _refuse(what):
        with open(os.environ["NETWORK_ATTEMPTS"], "a", encoding="utf-8") as log:
            log.write(what + "\\n")
        raise OSError(f"network blocked during the build: {what}")

    def _host(address):
        return address[0] if isinstance(address, tuple) else None

    _getaddrinfo, _connect, _connect_ex, _sendto = (
        socket.getaddrinfo, socket.socket.connect, socket.socket.connect_ex, socket.socket.sendto)

    def getaddrinfo(host, *args, **kwargs):
        if host not in LOOPBACK:
            _refuse(f"getaddrinfo {host}")
        return _getaddrinfo(host, *args, **kwargs)

    def connect(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6) and _host(address) not in LOOPBACK:
            _refuse(f"connect {address}")
        return _connect(self, address)

    def connect_ex(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6) and _host(address) not in LOOPBACK:
            _refuse(f"connect {address}")
        return _connect_ex(self, address)

    def sendto(self, data, *args):
        if self.family in (socket.AF_INET, socket.AF_INET6) and _host(args[-1]) not in LOOPBACK:
            _refuse(f"sendto {args[-1]}")
        return _sendto(self, data, *args)

    socket.getaddrinfo, socket.socket.connect, socket.socket.connect_ex, socket.socket.sendto = (
        getaddrinfo, connect, connect_ex, sendto)
''')


def guarded_env(tmp_path) -> dict[str, str]:
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(GUARD, encoding="utf-8")
    attempts = tmp_path / "attempts.log"
    attempts.touch()
    path = os.pathsep.join(filter(None, [str(guard), os.environ.get("PYTHONPATH")]))
    return {**os.environ, "PYTHONPATH": path, "NETWORK_ATTEMPTS": str(attempts), "NO_MKDOCS_2_WARNING": "1",
            "NETWORK_GUARD_LOADED": str(tmp_path / "loaded.log")}


def test_the_guard_blocks_and_records_a_request(tmp_path):
    env = guarded_env(tmp_path)
    code = "import urllib.request\nurllib.request.urlopen('https://pypi.org/simple/', timeout=5)"
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode != 0 and "network blocked during the build" in result.stderr
    assert "getaddrinfo pypi.org" in (tmp_path / "attempts.log").read_text(encoding="utf-8")


def test_the_real_build_needs_no_network(tmp_path):
    env = guarded_env(tmp_path)
    result = subprocess.run([str(MKDOCS), "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(tmp_path / "site")],
                            env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert (tmp_path / "loaded.log").read_text(encoding="utf-8").splitlines() == ["mkdocs"], "the guard ran in the build"
    assert (tmp_path / "attempts.log").read_text(encoding="utf-8") == ""
    assert (tmp_path / "site" / "index.html").exists()
