"""`python -m bench` (`make bench`): measure the build at several data scales and write the report."""

import sys

from .run import main

if __name__ == "__main__":  # the preparing processes import this module again where they are spawned
    sys.exit(main())
