"""How far reconciling has got, told to a callback or to a progress bar (``reconcile(..., progress=)``).

Reconciling counts its work in claims: a claim is done once its group is judged. Groups the columnar core
settles at once count together; the others count as each is judged. What is told is the stage, the claims
done and the claims in all:

- a **callable** is called as ``progress(done, total, stage)``;
- an object with tqdm's interface (``update``, ``total``, ``set_description``, ``refresh``; a
  ``tqdm.tqdm()`` made without a total, say) has its ``total`` set, its description set to the stage
  and ``update`` called with each increment.

The progress is told at most every ``every`` claims and always at the end of each stage, so a run of 10^6
claims tells it a few hundred times. An exception raised by the callback stops reconciling: that is how a
caller cancels.

>>> from claimdiff import Claim, Scope, reconcile
>>> seen = []
>>> people = Scope(counted="people")
>>> claims = [
...     Claim(id=c, metric="killed", estimate=v, scope=people, source=c)
...     for c, v in [("a", "14"), ("b", "15")]
... ]
>>> _ = reconcile(claims, progress=lambda done, total, stage: seen.append((done, total, stage)))
>>> seen
[(0, 2, 'grouping'), (0, 2, 'judging groups'), (2, 2, 'judging groups'), (2, 2, 'checking relations and series')]
"""

from __future__ import annotations

from typing import Any

__all__ = ["Steps"]


class Steps:
    """Tells ``sink`` how many of ``total`` claims are done, at most every ``every`` claims."""

    def __init__(self, sink: Any, total: int, every: int = 5_000) -> None:
        self._call = callable(sink) and not hasattr(sink, "update")
        if not self._call and not all(hasattr(sink, a) for a in ("update", "set_description")):
            raise TypeError(
                f"progress: {sink!r} is neither a callable (done, total, stage) nor a progress bar"
                " with tqdm's update() and set_description()"
            )
        self._sink = sink
        self.total = total
        self.done = 0
        self._told = 0
        self._every = max(1, every)
        self._stage = ""
        if not self._call:
            sink.total = total
            if hasattr(sink, "refresh"):
                sink.refresh()

    def stage(self, name: str) -> None:
        """A new stage begins: it is told at once, with the claims done so far."""
        self._stage = name
        if self._call:
            self._sink(self.done, self.total, name)
        else:
            self._sink.set_description(name)
        self._told = self.done

    def advance(self, claims: int) -> None:
        """``claims`` more claims are done; told once ``every`` claims have gathered."""
        self.done += claims
        if self.done - self._told >= self._every:
            self._tell()

    def end_stage(self) -> None:
        """The stage is over: what it did is told if not yet."""
        if self.done != self._told:
            self._tell()

    def _tell(self) -> None:
        if self._call:
            self._sink(self.done, self.total, self._stage)
        else:
            self._sink.update(self.done - self._told)
        self._told = self.done
