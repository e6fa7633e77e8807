"""`python -m monografi …`: the same command line as `monografi` and `python build.py`."""

import sys

from .commands import main

if __name__ == "__main__":
    sys.exit(main())
