"""Issue 26: `make serve PORT=…` serves on another port; a busy or impossible port gets one line in Spanish that
names it and a free one to use, and no traceback."""

from __future__ import annotations

import socket
import subprocess
import sys

from helpers import ROOT


def port_check(port: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "tools/port.py", port], cwd=ROOT, capture_output=True, text=True, timeout=60)


def test_a_busy_port_is_named_with_a_free_one_to_choose(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run(
            ["make", "-s", "serve", f"PORT={port}"], cwd=ROOT, capture_output=True, text=True, timeout=120
        )
    assert result.returncode != 0 and "Traceback" not in result.stderr
    line = next(line for line in result.stderr.splitlines() if "puerto" in line)
    assert f"el puerto {port} ya está en uso" in line and "make serve PORT=" in line
    other = int(line.rsplit("PORT=", 1)[1])
    assert other != port and port_check(str(other)).returncode == 0  # the one it names is free


def test_a_free_port_says_nothing_and_a_word_is_not_a_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    free = port_check(str(port))
    assert free.returncode == 0 and free.stdout == free.stderr == ""
    word = port_check("ocho mil")
    assert word.returncode == 2 and "«ocho mil» no es un número de puerto" in word.stderr
    assert len(word.stderr.splitlines()) == 1 and "Traceback" not in word.stderr
