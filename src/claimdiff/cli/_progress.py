"""A progress line on standard error while a long step runs, so a 30-second load is not silence."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

__all__ = ["Progress"]


class Progress:
    """Announces a step on ``stream`` once it has run ``delay`` seconds, and how long it took.

    Quick steps print nothing. With ``delay=0`` every step is announced at once (``--progress always``);
    with ``enabled=False`` nothing is ever printed.
    """

    def __init__(self, stream: TextIO, *, enabled: bool, delay: float = 1.0) -> None:
        self.stream = stream
        self.enabled = enabled
        self.delay = delay
        self._lock = threading.Lock()

    @contextmanager
    def step(self, what: str) -> Iterator[None]:
        """Run the body as the step ``what`` ("reading claims.yaml (12.3 MB)")."""
        if not self.enabled:
            yield
            return
        started = time.perf_counter()
        shown = threading.Event()

        def announce() -> None:
            with self._lock:
                if not shown.is_set():
                    shown.set()
                    self._write(f"claimdiff: {what}...")

        timer = None
        if self.delay <= 0:
            announce()
        else:
            timer = threading.Timer(self.delay, announce)
            timer.daemon = True
            timer.start()
        try:
            yield
        finally:
            if timer is not None:
                timer.cancel()
            with self._lock:
                if shown.is_set():
                    self._write(f"claimdiff: {what}: done in {time.perf_counter() - started:.1f} s")
                shown.set()  # a timer that fires now must not announce a finished step

    def _write(self, line: str) -> None:
        self.stream.write(line + "\n")
        self.stream.flush()
