#!/usr/bin/env python3
"""Monografi build entry point: `python build.py --help`."""

import sys

from monografi.commands import main

if __name__ == "__main__":
    sys.exit(main())
