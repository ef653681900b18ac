"""`python -m bench` (`make bench`): measure the build at several data scales and write the report."""

import sys

from .run import main

sys.exit(main())
