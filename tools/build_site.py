"""`make build` (python -m tools.build_site): build into a fresh folder beside site/ and swap it in only if the build succeeded.

A failed build leaves the previous site/ exactly as it was, so a broken edit never reaches readers.
"""

import ctypes
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "site"


def build(target: Path) -> bool:
    """`mkdocs build --strict` into target; its messages go straight to the terminal."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(target)]
    return subprocess.run(command, cwd=ROOT).returncode == 0


def exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux renameat2); False where the system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    at_cwd, rename_exchange = -100, 2
    return renameat2(at_cwd, os.fsencode(a), at_cwd, os.fsencode(b), rename_exchange) == 0


def publish(built: Path) -> None:
    """Put the new build in site/'s place, so site/ is always one whole build; then drop the old one."""
    if SITE.exists() and exchange(built, SITE):
        shutil.rmtree(built)  # now holds the previous site
        return
    if SITE.exists():
        os.replace(SITE, built.with_name("previous"))  # two renames: site/ is missing for an instant
    os.replace(built, SITE)
    shutil.rmtree(built.with_name("previous"), ignore_errors=True)


def main() -> int:
    """Exit 0 with site/ replaced, or 1 with site/ untouched."""
    for stale in ROOT.glob(".site-*"):  # left by a build that was killed
        shutil.rmtree(stale, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-new-", dir=ROOT))
    try:
        if not build(staging / "site"):
            print("Build failed: site/ was left unchanged. Fix the problems listed above and run `make build` again.",
                  file=sys.stderr)
            return 1
        publish(staging / "site")
        print(f"Built site/ ({sum(1 for _ in SITE.rglob('*.html'))} pages).")
        return 0
    finally:
        shutil.rmtree(staging, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
