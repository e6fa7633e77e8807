"""Progress people can read: one bar per long stage (count, rate, time left) on stderr.

`quiet` (CI) turns every bar off; the end-of-build summary is text the CLI prints.
"""

from __future__ import annotations

import sys

from tqdm import tqdm


class Progress:
    def __init__(self, quiet: bool = False):
        self.quiet = quiet

    def bar(self, stage: str, total: int, unit: str) -> tqdm:
        return tqdm(total=total, desc=stage, unit=f" {unit}", disable=self.quiet or total == 0,
                    file=sys.stderr, leave=False, dynamic_ncols=True, mininterval=0.5)
