"""`make build` / `make pdf`: build the site aside, then put it in place of site/ in one step.

    python tools/publish.py [--pdf [--paper A4] [--paper Letter]]      (from the project's folder)

- Built aside (`site.building-<pid>/`), so a failed build leaves the previous site/ as it was.
- Swapped with one `renameat2(RENAME_EXCHANGE)` (Linux): site/ is the old site or the new one at every
  instant, never partial or missing. Elsewhere, two renames, the old site put back if the second fails.
- The old site is then removed; a file that cannot be deleted (a read-only folder) leaves it aside as
  `site.old-<pid>/` with one line, and the new site is in place all the same.
- One build at a time (a lock on `.build.lock`): an editor's save during a CI build waits its turn.
"""

from __future__ import annotations

import argparse
import ctypes
import fcntl
import os
import shutil
import subprocess
import sys
from pathlib import Path

SITE = Path("site")
LOCK = Path(".build.lock")
RENAME_EXCHANGE = 2  # linux/fs.h


def exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step; False where the system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd = -100
    done = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), RENAME_EXCHANGE) == 0
    if not done and ctypes.get_errno() not in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: not supported
        raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()), str(a))
    return done


def swap_in(built: Path, site: Path = SITE) -> Path | None:
    """Put `built` at `site`; returns the old site's folder when it could not be removed."""
    if not site.exists():
        os.rename(built, site)
        return None
    old = site.with_name(f"{site.name}.old-{os.getpid()}")
    if exchange(built, site):
        os.rename(built, old)  # `built` now holds the old site
    else:
        os.rename(site, old)
        try:
            os.rename(built, site)
        except OSError:
            os.rename(old, site)  # put the old site back: never no site
            raise
    shutil.rmtree(old, ignore_errors=True)
    return old if old.exists() else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python tools/publish.py", description=__doc__.splitlines()[0])
    parser.add_argument("--pdf", action="store_true", help="also write the handout and checklist PDFs")
    parser.add_argument("--paper", action="append", help="with --pdf: a size, A4 or Letter (default: every size)")
    args = parser.parse_args(argv)
    papers = args.paper or []  # none named: every size macros/site.py knows (PLAYBOOK_PDF=true)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if args.pdf:
        env["PLAYBOOK_PDF"] = ",".join(papers) or "true"
    with LOCK.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one build at a time; the next one waits here
        built = Path(f"{SITE}.building-{os.getpid()}")
        shutil.rmtree(built, ignore_errors=True)
        try:
            steps = [[sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(built)]]
            if args.pdf:
                tool = Path(__file__).resolve().parent / "pdf.py"
                steps.append([sys.executable, str(tool), str(built), *(f"--paper={paper}" for paper in papers)])
            for step in steps:
                if subprocess.run(step, env=env).returncode != 0:
                    return 1  # the previous site/ is untouched
            left = swap_in(built)
        finally:
            shutil.rmtree(built, ignore_errors=True)
    if left:
        print(f"site/ is the new site; the old one could not be removed and is kept aside in {left}/", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
