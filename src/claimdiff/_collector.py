"""The cyclic garbage collector, paused while a document is read or claims are reconciled.

Reading a claims file and reconciling claims allocate hundreds of thousands of small objects that form no
cycles (the parsed document, the claims, the groups and flags); the collector would scan them again and
again for nothing, a third of the time of a large run. Every read and every reconcile share one pause,
counted under a lock, and the collector is restored as it was when the last of them ends.
"""

from __future__ import annotations

import gc
import threading

__all__ = ["PAUSE", "CollectorPause"]


class CollectorPause:
    """A context manager that pauses the collector while any ``with`` block under it runs.

    >>> import gc
    >>> with CollectorPause():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._depth = 0
        self._was_enabled = False

    def __enter__(self) -> None:
        with self._lock:
            if self._depth == 0:
                self._was_enabled = gc.isenabled()
                gc.disable()
            self._depth += 1

    def __exit__(self, *exc: object) -> None:
        with self._lock:
            self._depth -= 1
            if self._depth == 0 and self._was_enabled:
                gc.enable()


#: The one pause every read and every reconcile share.
PAUSE = CollectorPause()
