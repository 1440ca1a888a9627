"""Truth discovery on every real data set with a truth: claimdiff.truth.discover beside baselines and policies.

Data (read in place from ``../shared/data/``, see its README):

* ``population_pasternack/gtm_preprocessed``: 4,183 Wikipedia population claims by 2,415 editors on
  1,172 city-years; 277 census figures. Scored by MAE and error rate (off by more than 1%).
* ``stock_li2012/claims_volume_20110701_slimfast``: 32,530 volume claims of 34 sources on 1,000
  symbols; nasdaq.com volume for 100 of them. Scored by symbols within 1%.
* ``weather_dong2010``: 16 weather sites; each attribute (temperature, real-feel, humidity, pressure,
  visibility) on its own; the reference provider's readings. Pressure is loaded with NO unit declared
  (every site read as inHg, though one writes hPa): the scale finding has to notice. Scored by MAE in
  the reported unit and the share within tolerance (0.01 inHg for pressure, exact for the rest).

For each: the learned reliability against each source's measured accuracy on the scored items
(Spearman), the precision of ``unlikely`` flags as detectors of wrong claims against the base rate,
and the results on two halves of the scored items (``dev``: the half the defaults were tuned on,
``test``: the other), split by a hash of the item's key. Last, the time of discover on 10^5 claims.

    python benchmarks/eval_truth.py [population|stock|weather|speed ...]
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import sys
import time
from collections.abc import Callable
from pathlib import Path

import attrs
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import baselines
from claimdiff import POLICIES, Claim, Estimate, Policy, Scope, Source, reconcile
from claimdiff._core.truth import TruthPrior, TruthResult, TruthSettings, discover
from claimdiff._model.estimate import Hedge
from claimdiff._model.units import unit_info
from claimdiff.tolerance import Precision, Tolerance

# ``../shared/data`` from the repository; from a worktree one level deeper, the nearest such folder above.
DATA = next(
    (
        p / "shared" / "data"
        for p in Path(__file__).resolve().parents
        if (p / "shared" / "data").exists()
    ),
    Path(__file__).resolve().parents[2] / "shared" / "data",
)


@attrs.frozen
class Dataset:
    name: str
    items: dict[str, list[Claim]]
    truth: dict[str, float]
    to_unit: Callable[[float], float]  # canonical figure -> the unit truth is given in
    right: Callable[[float, float], bool]  # (estimate, truth) -> within tolerance
    show_mae: bool = True
    # A prior an analyst could state beforehand, scored on its own line beside the default.
    prior: TruthPrior | None = None
    prior_text: str = ""
    # An allowance an analyst could declare: ("relative", share) or ("absolute", amount in the reported unit).
    # Scored twice: exact readings with it as the policy's Tolerance, and readings each widened by it by hand.
    allowance: tuple[str, float] | None = None


def _rows(path: Path) -> list[list[str]]:
    with (
        gzip.open(path, "rt", encoding="utf-8")
        if path.suffix == ".gz"
        else path.open(encoding="utf-8") as f
    ):
        return list(csv.reader(io.StringIO(f.read())))[1:]


# A figure exactly at the tolerance is within it: unit conversions leave 1e-15 of noise either side.
_EPS = 1e-9


def _rel(tol: float) -> Callable[[float, float], bool]:
    return lambda est, true: abs(est - true) <= tol * abs(true) * (1 + _EPS)


def _abs(tol: float) -> Callable[[float, float], bool]:
    return lambda est, true: abs(est - true) <= tol * (1 + _EPS)


def load_population() -> Dataset:
    base = DATA / "population_pasternack" / "gtm_preprocessed"
    items: dict[str, list[Claim]] = {}
    for i, line in enumerate(
        (base / "population-new-new.txt").read_text(encoding="latin-1").split("\n")
    ):
        if not line.strip():
            continue
        key, editor, value, _year = line.split("\t")
        # Anonymous edits ("contributor #0 (IP address)") are of unknown kind; accounts are individuals.
        kind = "unknown" if editor.startswith("contributor #0 (") else "individual"
        items.setdefault(key, []).append(
            Claim(
                id=f"p{i}",
                metric="population",
                estimate=Estimate.exact(float(value), text=value),
                scope=Scope(place=(key,), counted="people"),
                source=Source(editor, kind=kind),
            )
        )
    truth = {}
    for line in (base / "population-gd.txt").read_text(encoding="latin-1").split("\n"):
        if line.strip():
            city, year, value = (p.strip() for p in line.rsplit(",", 2))
            truth[f"{city}_{year}"] = float(value)
    # 0.3 was chosen on the dev half (0.5, 0.3, 0.2, 0.1 tried).
    return Dataset(
        "population",
        items,
        truth,
        float,
        _rel(0.01),
        prior=TruthPrior(by_kind={"unknown": 0.3}),
        prior_text="anonymous editors 0.3",
    )


def load_stock() -> Dataset:
    base = DATA / "stock_li2012" / "claims_volume_20110701_slimfast"
    items: dict[str, list[Claim]] = {}
    with (base / "srcStockVolumes.csv").open(encoding="utf-8") as f:
        for i, (site, symbol, volume, _) in enumerate(csv.reader(f)):
            items.setdefault(symbol, []).append(
                Claim(
                    id=f"s{i}",
                    metric="volume",
                    estimate=Estimate.exact(float(volume)),
                    scope=Scope(place=(symbol,), counted="shares"),
                    source=Source(site),
                )
            )
    truth = {}
    for line in (base / "stock-2011-07-01-nasdaq-com.txt").read_text(encoding="utf-8").split("\n"):
        cols = line.split("\t")
        if len(cols) > 5 and cols[5].strip():
            truth[cols[0].strip().lower()] = float(cols[5].replace(",", ""))
    return Dataset("stock volume", items, truth, float, _rel(0.01), allowance=("relative", 0.01))


WEATHER_UNITS = {
    "Temperature": "degF",
    "RealFeel": "degF",
    "Humidity": "percent",
    "Pressure": "inHg",
    "Visibility": "mile",
}


def load_weather() -> list[Dataset]:
    base = DATA / "weather_dong2010"
    items: dict[str, dict[str, list[Claim]]] = {p: {} for p in WEATHER_UNITS}
    n = 0
    for path in sorted((base / "claims").glob("*.csv.gz")):
        for obj, prop, value, site, _stamp in _rows(path):
            try:
                v = float(value)
            except ValueError:
                continue  # "N/A", "*": not a figure
            n += 1
            items[prop].setdefault(obj, []).append(
                Claim(
                    id=f"w{n}",
                    metric="reading",
                    estimate=Estimate.exact(v, unit=WEATHER_UNITS[prop], text=value),
                    scope=Scope(place=(obj, prop)),
                    source=Source(site),
                )
            )
    truth: dict[str, dict[str, float]] = {p: {} for p in WEATHER_UNITS}
    for obj, prop, value in _rows(base / "truth" / "weather_truth.csv"):
        try:
            truth[prop][obj] = float(value)
        except (ValueError, KeyError):
            continue
    out = []
    for prop, unit in WEATHER_UNITS.items():
        info = next(iter(items[prop].values()))[0].unit_info
        tol = 0.01 if prop == "Pressure" else 0.5
        allowance = {"Temperature": ("absolute", 1.0), "Pressure": ("absolute", 0.01)}.get(prop)
        out.append(
            Dataset(
                f"weather {prop.lower()} ({unit})",
                items[prop],
                truth[prop],
                info.from_canonical,
                _abs(tol),
                allowance=allowance,
            )
        )
    return out


def _half(key: str) -> str:
    return "dev" if hashlib.md5(key.encode()).digest()[0] % 2 == 0 else "test"  # noqa: S324 - a split, not security


def spearman(x: list[float], y: list[float]) -> float:
    def rank(v: list[float]) -> np.ndarray:
        a = np.asarray(v, float)
        order = np.argsort(a, kind="stable")
        r = np.empty(len(a))
        r[order] = np.arange(len(a))
        for val in np.unique(a):  # average ranks of ties
            tie = a == val
            r[tie] = r[tie].mean()
        return r

    if len(x) < 3:
        return float("nan")
    return float(np.corrcoef(rank(x), rank(y))[0, 1])


def evaluate(ds: Dataset) -> None:
    keys = sorted(ds.items)
    index = {k: i for i, k in enumerate(keys)}
    claims = [c for k in keys for c in ds.items[k]]
    origins = sorted({c.origin for c in claims})
    src_index = {o: i for i, o in enumerate(origins)}
    item = np.asarray([index[k] for k in keys for _ in ds.items[k]], np.int64)
    src = np.asarray([src_index[c.origin] for c in claims], np.int64)
    value = np.asarray([c.figure for c in claims], float)
    scored = [k for k in keys if k in ds.truth]
    print(
        f"\n== {ds.name}: {len(claims):,} claims, {len(origins)} sources, {len(keys):,} items, "
        f"{len(scored):,} with a truth"
    )

    def score(est: dict[str, float], keys_: list[str]) -> tuple[float, float, int]:
        errs = [
            (ds.to_unit(est[k]), ds.truth[k]) for k in keys_ if k in est and np.isfinite(est[k])
        ]
        mae = float(np.mean([abs(e - t) for e, t in errs]))
        right = sum(ds.right(e, t) for e, t in errs)
        return mae, right / len(errs), right

    halves = {h: [k for k in scored if _half(k) == h] for h in ("dev", "test")}
    print(
        f"{'method':<34} {'seconds':>7} {'MAE':>12} {'right':>7} {'n right':>8}   dev MAE/right   test MAE/right"
    )

    def line(name: str, est: dict[str, float], seconds: float) -> None:
        mae, rate, n = score(est, scored)
        parts = [
            f"{score(est, halves[h])[0]:>10.4g}/{score(est, halves[h])[1]:.3f}"
            for h in ("dev", "test")
        ]
        print(
            f"{name:<34} {seconds:>7.2f} {mae:>12.4g} {rate:>7.3f} {n:>8}   {parts[0]}   {parts[1]}"
        )

    trusts: dict[str, np.ndarray] = {}
    for name, fn in (
        ("median", baselines.median),
        ("majority", baselines.majority),
        ("TruthFinder", baselines.truthfinder),
        ("CRH", baselines.crh),
        ("Investment", baselines.investment),
    ):
        t0 = time.perf_counter()
        out = fn(item, src, value, len(keys))
        elapsed = time.perf_counter() - t0
        if isinstance(out, tuple):
            out, trusts[name] = out
        line(f"baseline {name}", {k: float(out[i]) for i, k in enumerate(keys)}, elapsed)
    if len(claims) <= 100_000:  # reconcile's own speed is measured in bench_reconcile.py
        for policy in ("consensus", "median", "conservative", "truth"):
            t0 = time.perf_counter()
            report = reconcile(claims, policy)
            elapsed = time.perf_counter() - t0
            # A group's best is in the group's unit; score it from the canonical unit like the rest.
            line(
                f"claimdiff reconcile {policy}",
                {
                    g.place[0]: unit_info(g.unit).to_canonical(g.best)
                    for g in report.groups
                    if g.best is not None
                },
                elapsed,
            )
    t0 = time.perf_counter()
    result = discover([ds.items[k] for k in keys])
    elapsed = time.perf_counter() - t0
    est = {k: it.best for k, it in zip(keys, result.items, strict=True) if it.best is not None}
    line("claimdiff discover", est, elapsed)
    # The same without the learned prior: sources nothing is declared about shrunk towards 0.5, as before.
    t0 = time.perf_counter()
    fixed = discover([ds.items[k] for k in keys], settings=TruthSettings(learn_default=False))
    est = {k: it.best for k, it in zip(keys, fixed.items, strict=True) if it.best is not None}
    line("discover, prior 0.5 (not learned)", est, time.perf_counter() - t0)
    if ds.prior is not None:
        t0 = time.perf_counter()
        with_prior = discover([ds.items[k] for k in keys], prior=ds.prior)
        est = {
            k: it.best for k, it in zip(keys, with_prior.items, strict=True) if it.best is not None
        }
        line(f"discover, prior: {ds.prior_text}", est, time.perf_counter() - t0)
    if ds.allowance is not None:
        for name, items, policy in tolerance_variants(ds, keys):
            t0 = time.perf_counter()
            found = discover(items, policy=policy)
            est = {
                k: it.best for k, it in zip(keys, found.items, strict=True) if it.best is not None
            }
            line(name, est, time.perf_counter() - t0)
    report_truth(ds, keys, claims, result, trusts, origins)


def tolerance_variants(
    ds: Dataset, keys: list[str]
) -> list[tuple[str, list[list[Claim]], Policy | None]]:
    """The same readings, exact, told the allowance two ways: as the policy's Tolerance, and written into each."""
    kind, amount = ds.allowance or ("relative", 0.0)
    exact = attrs.evolve(POLICIES["truth"], precision=Precision(mode="exact"))
    plain = [
        [
            attrs.evolve(c, estimate=Estimate.exact(c.estimate.point or 0.0, unit=c.estimate.unit))
            for c in ds.items[k]
        ]
        for k in keys
    ]
    first = plain[0][0]
    if kind == "relative":
        tolerance, text = Tolerance(relative=amount), f"{amount:.0%}"
    else:
        tolerance, text = (
            Tolerance(absolute=amount * first.unit_info.factor),
            f"{amount:g} {first.estimate.unit}",
        )

    def widened(c: Claim) -> Claim:
        v = c.estimate.point or 0.0
        half = v * amount / 2 if kind == "relative" else amount / 2
        est = Estimate(
            low=v - abs(half),
            high=v + abs(half),
            point=v,
            unit=c.estimate.unit,
            hedge=Hedge.APPROXIMATE,
        )
        return attrs.evolve(c, estimate=est)

    return [
        (f"discover, exact + Tolerance {text}", plain, attrs.evolve(exact, tolerance=tolerance)),
        (f"discover, each widened by {text}", [[widened(c) for c in cs] for cs in plain], None),
    ]


def report_truth(
    ds: Dataset,
    keys: list[str],
    claims: list[Claim],
    result: TruthResult,
    trusts: dict[str, np.ndarray],
    origins: list[str],
) -> None:
    key_of = {c.id: k for k in keys for c in ds.items[k]}
    measured: dict[str, list[bool]] = {}
    for c in claims:
        k = key_of[c.id]
        if k in ds.truth and c.figure is not None:
            measured.setdefault(c.origin, []).append(ds.right(ds.to_unit(c.figure), ds.truth[k]))
    enough = [o for o in sorted(measured) if len(measured[o]) >= 3]
    accuracy = [float(np.mean(measured[o])) for o in enough]
    learned = [result.source(o).reliability for o in enough]
    pos = {o: i for i, o in enumerate(origins)}
    rhos = ", ".join(
        f"{n} {spearman([float(t[pos[o]]) for o in enough], accuracy):+.2f}"
        for n, t in trusts.items()
    )
    print(
        f"Spearman(learned reliability, measured accuracy) over {len(enough)} sources with >= 3 scored claims: "
        f"{spearman(learned, accuracy):+.2f}  (baselines: {rhos})"
    )
    fits = {f.claim_id: f for f in result.claims}
    contested = (
        [
            c
            for c in claims
            if key_of[c.id] in ds.truth
            and c.figure is not None
            and result.items[keys.index(key_of[c.id])].origins >= 2
        ]
        if len(keys) < 5000
        else None
    )
    if contested is None:
        scored_items = {i for i, k in enumerate(keys) if k in ds.truth}
        contested = [
            c
            for c in claims
            if c.figure is not None
            and fits[c.id].item in scored_items
            and result.items[fits[c.id].item].origins >= 2
        ]
    wrong = {
        c.id: not ds.right(ds.to_unit(c.figure), ds.truth[key_of[c.id]])
        for c in contested
        if c.figure is not None
    }
    flagged = [cid for cid in wrong if fits[cid].flagged]
    base = sum(wrong.values()) / max(len(wrong), 1)
    prec = sum(wrong[c] for c in flagged) / max(len(flagged), 1)
    recall = sum(wrong[c] for c in flagged) / max(sum(wrong.values()), 1)
    print(
        f"unlikely flags on scored contested claims: {len(flagged):,} of {len(wrong):,}; precision {prec:.3f} "
        f"vs base rate {base:.3f} (recall {recall:.3f})"
    )
    for s in result.shifts:
        print("  shift:", s.message)
    for p in result.copiers[:5]:
        print("  copying:", p.message)
    if len(result.copiers) > 5:
        print(f"  ... {len(result.copiers)} suspected copier pairs in all")
    print(f"  iterations {result.iterations}, converged {result.converged}")


def speed() -> None:
    rng = np.random.default_rng(0)
    n_items, per, n_src = 20_000, 5, 200
    truth = rng.uniform(10, 1000, n_items)
    items = []
    item, src, val = [], [], []
    for i in range(n_items):
        sources = rng.choice(n_src, per, replace=False)
        cs = []
        for s in sources:
            v = round(float(truth[i] * (1 + rng.normal(0, 0.01 * (1 + s % 7)))))
            cs.append(
                Claim(
                    id=f"c{i}-{s}",
                    metric="killed",
                    estimate=Estimate.exact(max(v, 0)),
                    scope=Scope(place=(str(i),), counted="people"),
                    source=Source(f"s{s}"),
                )
            )
            item.append(i)
            src.append(s)
            val.append(max(v, 0))
        items.append(cs)
    # CPU time of this process: the machine is shared, and wall time says more about the neighbours.
    t0 = time.process_time()
    discover(items)
    t1 = time.process_time()
    discover(items, settings=TruthSettings(loo_max=12))
    t2 = time.process_time()
    baselines.crh(
        np.asarray(item, np.int64), np.asarray(src, np.int64), np.asarray(val, float), n_items
    )
    t3 = time.process_time()
    print(
        f"\n== speed on {n_items * per:,} claims ({n_items:,} items, {n_src} sources), CPU seconds: "
        f"discover {t1 - t0:.2f} s (with leave-one-out scoring {t2 - t1:.2f} s), numpy CRH baseline {t3 - t2:.2f} s"
    )


def main(argv: list[str]) -> None:
    if not DATA.exists():
        print(f"data not found at {DATA}; skipping")
        return
    wanted = set(argv) or {"population", "stock", "weather", "speed"}
    if "population" in wanted:
        evaluate(load_population())
    if "stock" in wanted:
        evaluate(load_stock())
    if "weather" in wanted:
        for ds in load_weather():
            evaluate(ds)
    if "speed" in wanted:
        speed()


if __name__ == "__main__":
    from _usage import exit_if_help

    exit_if_help(__doc__, sys.argv[1:])
    main(sys.argv[1:])
