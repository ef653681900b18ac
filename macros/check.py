"""`python -m macros.check [data-file]`: validate the data file alone and list every problem."""

import os
import sys
from pathlib import Path

from . import DATA_FILE
from .load import GuideError, load_guide

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    """Exit 0 when the data is valid, 1 with every problem listed otherwise, 2 on a wrong call."""
    if len(argv) > 1:
        print("usage: python -m macros.check [data-file]", file=sys.stderr)
        return 2
    path = Path(argv[0]) if argv else ROOT / DATA_FILE
    inside = path.resolve().is_relative_to(Path.cwd())
    display = os.path.relpath(path) if inside else str(path)
    try:
        guide = load_guide(path, Path.cwd() if inside else None)
    except GuideError as error:
        print(error.report(), file=sys.stderr)
        return 1
    except OSError as error:
        print(f"{display}: cannot read the data file: {error.strerror}", file=sys.stderr)
        return 1
    print(f"{display}: ok — "
          f"{len(guide.modes)} modes, {len(guide.dimensions)} dimensions, {len(guide.faq)} FAQ entries, "
          f"{len(guide.sources)} sources")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
