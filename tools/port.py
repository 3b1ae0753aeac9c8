"""Before `make serve`: is the port free? One line in the playbook's language when it is not (or is not a port),
naming a free one to choose instead, and exit code 2; nothing when it is. Usage: python tools/port.py PORT"""

from __future__ import annotations

import socket
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

from macros.messages import Messages, MissingCatalogue  # noqa: E402
from macros.settings import settings_of  # noqa: E402


def free(port: int) -> bool:
    """Whether mkdocs serve could listen on 127.0.0.1:port now."""
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def another() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main(argv: list[str]) -> int:
    try:
        say = Messages(settings_of(ROOT).language)
    except MissingCatalogue as exc:
        print(exc, file=sys.stderr)
        return 2
    text = argv[0] if argv else ""
    if not text.isdigit() or not 0 < int(text) < 65536:
        print(say.line("port_invalid", port=text, other=another()), file=sys.stderr)
        return 2
    if not free(int(text)):
        print(say.line("port_busy", port=text, other=another()), file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
