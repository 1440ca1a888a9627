"""Benchmark: the ``truth`` policy beside ``discover`` and a numpy CRH, at 10^4 and 10^5 claims, in one run.

The claims are those of ``eval_truth.py``'s speed section, scaled: items of 5 exact counts each, by
5 of 200 sources, each source off the item's truth by a noise of its own (1% to 7%); 2,000 items
for 10^4 claims, 20,000 for 10^5. Per N, in this process, CPU seconds (``time.process_time``, the
least of two runs):

* ``discover``: :func:`claimdiff.truth.discover` on the items;
* ``truth``: the call ``reconcile(claims, "truth")``: grouping, truth discovery on each group's claims
  that still count, and the verdicts it needs at once (the groups whose claims set nothing aside are
  judged when the report is read, see ``claimdiff._core.later_verdicts``);
* ``truth+read``: the same call, then every group and every flag (with its message) read, so every
  verdict found: what a user who reads the whole report waits for;
* ``consensus``: ``reconcile(claims, "consensus")``, the reconcile pass alone, for the share of it;
* ``CRH``: ``baselines.crh`` on the same figures as numpy columns (20 rounds, no intervals, no
  copying or shift stages).

``truth/discover`` is the target of issue 19 (at most 1.3), ``read/discover`` the same for
``truth+read``; ``truth-consensus`` is what truth adds to (or, judging later, spares of) the reconcile
pass. ``MiB``: the most memory each call held at once beyond its input (tracemalloc,
in a run of its own after the timed ones), for ``discover`` and ``truth``.

Beside the generated claims, one real data set nobody here wrote (``stock``): the 32,530 trading-volume
claims of 34 sites on 1,000 symbols of Li et al. (VLDB 2012), read as in ``eval_truth.py`` from
``../shared/data`` (skipped when absent); 32 claims an item, so copying between sites weighs more there.

    python benchmarks/bench_truth.py                  # 10^4, 10^5 and stock
    python benchmarks/bench_truth.py 100000 stock     # some of them
"""

from __future__ import annotations

import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import baselines
import eval_truth
from claimdiff import Claim, Estimate, Report, Scope, Source, reconcile
from claimdiff.truth import discover

PER, SOURCES = 5, 200


def make_items(n: int, seed: int = 0) -> tuple[list[list[Claim]], dict[str, np.ndarray]]:
    """``n`` claims as items of ``PER`` claims, and the same figures as numpy columns for CRH."""
    rng = np.random.default_rng(seed)
    n_items = n // PER
    truth = rng.uniform(10, 1000, n_items)
    src = np.concatenate([rng.choice(SOURCES, PER, replace=False) for _ in range(n_items)])
    item = np.repeat(np.arange(n_items), PER)
    noise = rng.normal(0, 0.01 * (1 + src % 7))
    value = np.maximum(np.round(truth[item] * (1 + noise)), 0)
    sources = [Source(f"s{s}") for s in range(SOURCES)]
    scopes = [Scope(place=(str(i),), counted="people") for i in range(n_items)]
    claims = [
        Claim(
            id=f"c{i}-{s}",
            metric="killed",
            estimate=Estimate.exact(int(v)),
            scope=scopes[i],
            source=sources[s],
        )
        for i, s, v in zip(item.tolist(), src.tolist(), value.tolist(), strict=True)
    ]
    items = [claims[k : k + PER] for k in range(0, len(claims), PER)]
    return items, {"item": item.astype(np.int64), "src": src.astype(np.int64), "value": value}


def _cpu(run: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(2):
        t0 = time.process_time()
        run()
        best = min(best, time.process_time() - t0)
    return best


def _peak(run: Callable[[], object]) -> float:
    """MiB held at most during ``run`` beyond what was held before it."""
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def stock_items() -> tuple[list[list[Claim]], dict[str, np.ndarray]] | None:
    """The stock-volume claims of ``eval_truth.py``, by symbol, and their columns for CRH (None without the data)."""
    if not eval_truth.DATA.exists():
        return None
    found = eval_truth.load_stock().items
    items = [found[k] for k in sorted(found)]
    claims = [c for cs in items for c in cs]
    origins = {o: i for i, o in enumerate(sorted({c.origin for c in claims}))}
    return items, {
        "item": np.repeat(np.arange(len(items)), [len(cs) for cs in items]).astype(np.int64),
        "src": np.asarray([origins[c.origin] for c in claims], np.int64),
        "value": np.asarray([c.figure for c in claims], float),
    }


def _read(report: Report) -> None:
    """Read every group and every flag's message of ``report``."""
    for _ in report.groups:
        pass
    for f in report.flags:
        _ = f.message


def main(argv: list[str]) -> None:
    runs = argv or ["10000", "100000", "stock"]
    print(
        f"{'N':>8} {'discover s':>10} {'truth s':>8} {'truth+read s':>12} {'consensus s':>11} {'CRH s':>6} "
        f"{'truth/discover':>14} {'read/discover':>13} {'truth-consensus s':>17} {'discover/CRH':>12} "
        f"{'discover MiB':>12} {'truth MiB':>9}"
    )
    for run in runs:
        made = stock_items() if run == "stock" else make_items(int(run))
        if made is None:
            print(f"{run:>8} (no data at ../shared/data)")
            continue
        items, col = made
        claims = [c for cs in items for c in cs]
        n_items = len(items)
        d = _cpu(lambda: discover(items))  # noqa: B023 - run at once
        t = _cpu(lambda: reconcile(claims, "truth"))  # noqa: B023
        r = _cpu(lambda: _read(reconcile(claims, "truth")))  # noqa: B023
        c = _cpu(lambda: reconcile(claims, "consensus"))  # noqa: B023
        crh = _cpu(lambda: baselines.crh(col["item"], col["src"], col["value"], n_items))  # noqa: B023
        d_mib = _peak(lambda: discover(items))  # noqa: B023
        t_mib = _peak(lambda: reconcile(claims, "truth"))  # noqa: B023
        name = "stock" if run == "stock" else f"{len(claims):,}"
        print(
            f"{name:>8} {d:>10.2f} {t:>8.2f} {r:>12.2f} {c:>11.2f} {crh:>6.2f} {t / d:>14.2f} {r / d:>13.2f} "
            f"{t - c:>17.2f} {d / crh:>12.1f} {d_mib:>12.0f} {t_mib:>9.0f}",
            flush=True,
        )


if __name__ == "__main__":
    from _usage import exit_if_help

    exit_if_help(__doc__, sys.argv[1:])
    main(sys.argv[1:])
