"""A process pool across cores whose results come back in input order.

Workers are forked, so they see the parent's model and templates without pickling them; each
task is a pure function of its item, so the output is the same for any number of workers.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Callable, Iterable, Iterator

MIN_ITEMS_PER_WORKER = 8  # below this, starting processes costs more than it saves


def worker_count(workers: int | None) -> int:
    return max(1, workers if workers is not None else (os.cpu_count() or 1))


def ordered_map(func: Callable, items: list, workers: int | None) -> Iterator:
    """func(item) for every item, in order, spread over `workers` forked processes."""
    count = min(worker_count(workers), len(items) // MIN_ITEMS_PER_WORKER)
    if count <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        yield from map(func, items)
        return
    chunk = max(1, min(64, len(items) // (count * 8)))
    with multiprocessing.get_context("fork").Pool(count, _leave_interrupt_to_parent) as pool:
        yield from pool.imap(func, items, chunksize=chunk)


def _leave_interrupt_to_parent() -> None:
    """Ctrl+C reaches every process of the terminal; the parent cancels the command and ends
    the pool, so a worker stays quiet instead of printing its own traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def batches(items: list, size: int) -> Iterable[list]:
    return (items[i:i + size] for i in range(0, len(items), size))
