#!/usr/bin/env python3
"""Independent re-implementation of Periscope's `spoofing` detector (SpoofingDetector, docs/detectors.md) over a
LOBSTER message file, written from the detector's documented definition, for cross-checking the real-data alarm
counts that detect-eval --real reports. Standard library only; not used by the test suite.

    python3 scripts/crosscheck/spoofing_lobster.py ../shared/data/lobster/*_message_*.csv [--size-multiple 8]

Definition (defaults): an ADD at least 2 ticks behind the same side's best, of size >= sizeMultiple x the median
displayed size of the top 10 levels of both sides (needs >= 10 levels) is a candidate; when it leaves the book by
cancel/delete it qualifies if it lived <= 5 s, was never executed, at least one execution of a resting order on the
opposite side happened during its life and the last one was <= 1 s before the cancel. Qualified cancels of one side
within 1 s of the group's first form a group; a run of >= 3 distinct prices at most 1 tick apart is one layering
alert, every other order one alert.
"""
import argparse
import bisect
import sys

TICK = 100  # $0.01 in LOBSTER's price units (dollars x 10,000)


class Book:
    """Orders seen in the file (id -> [side, price, size]) and per-side level sizes."""

    def __init__(self):
        self.orders = {}
        self.levels = ({}, {})      # side 0 bids, 1 asks: price -> size
        self.prices = ([], [])      # sorted ascending

    def _level(self, s, p, d):
        lv = self.levels[s]
        n = lv.get(p, 0) + d
        if n == 0:
            del lv[p]
            i = bisect.bisect_left(self.prices[s], p)
            del self.prices[s][i]
        else:
            if p not in lv:
                bisect.insort(self.prices[s], p)
            lv[p] = n

    def add(self, oid, s, p, q):
        if oid in self.orders:
            return
        self.orders[oid] = [s, p, q]
        self._level(s, p, q)

    def reduce(self, oid, q):
        o = self.orders.get(oid)
        if o is None:
            return
        take = min(q, o[2])
        self._level(o[0], o[1], -take)
        o[2] -= take
        if o[2] == 0:
            del self.orders[oid]

    def delete(self, oid):
        o = self.orders.pop(oid, None)
        if o is not None:
            self._level(o[0], o[1], -o[2])

    def best(self, s):
        ps = self.prices[s]
        if not ps:
            return None
        return ps[-1] if s == 0 else ps[0]

    def top_sizes(self, s, n):
        ps = self.prices[s]
        sel = reversed(ps[-n:]) if s == 0 else ps[:n]
        return [self.levels[s][p] for p in sel]


def run(path, size_multiple, min_distance=2, depth=10, min_median_levels=10, max_life=5_000_000_000,
        cancel_after=1_000_000_000, min_layers=3, gap_ticks=1, window=1_000_000_000):
    book = Book()
    cands = {}                      # id -> [addTs, price, size, executed, oppAtAdd]
    exec_vol = [0, 0]
    last_exec = [None, None]
    groups = ([], [])               # per side: list of (price, cancelTs)
    first = [0, 0]
    alerts = []

    def close(s):
        g = sorted(groups[s])
        groups[s].clear()
        i = 0
        while i < len(g):
            j, distinct = i + 1, 1
            while j < len(g) and g[j][0] - g[j - 1][0] <= gap_ticks * TICK:
                if g[j][0] != g[j - 1][0]:
                    distinct += 1
                j += 1
            if distinct >= min_layers:
                alerts.append(("layered", s, g[i][0], g[j - 1][0], j - i))
            else:
                for k in range(i, j):
                    alerts.append(("single", s, g[k][0], g[k][0], 1))
            i = j

    def removed(ts, oid, s):
        if oid in book.orders:
            return
        c = cands.pop(oid, None)
        if c is None:
            return
        o = 1 - s
        opp = exec_vol[o] - c[4]
        ok = (ts - c[0] <= max_life and c[3] == 0 and opp > 0
              and last_exec[o] is not None and ts - last_exec[o] <= cancel_after)
        if not ok:
            return
        if len(groups[s]) == 64:
            close(s)
        if not groups[s]:
            first[s] = ts
        groups[s].append((c[1], ts))

    with open(path) as f:
        for line in f:
            t, typ, oid, size, price, direction = line.strip().split(",")[:6]
            sec, _, frac = t.partition(".")
            ts = int(sec) * 1_000_000_000 + int((frac + "000000000")[:9])
            typ, oid, size, price = int(typ), int(oid), int(size), int(price)
            s = 0 if direction == "1" else 1
            for side in (0, 1):
                if groups[side] and ts - first[side] > window:
                    close(side)
            if typ == 1:
                if book.prices[s] and oid not in book.orders:
                    b = book.best(s)
                    dist = b - price if s == 0 else price - b
                    if dist >= min_distance * TICK:
                        sizes = book.top_sizes(0, depth) + book.top_sizes(1, depth)
                        median = 0
                        if len(sizes) >= min_median_levels:
                            sizes.sort()
                            n = len(sizes)
                            median = sizes[n // 2] if n % 2 else (sizes[n // 2 - 1] + sizes[n // 2]) / 2
                        if median > 0 and size >= size_multiple * median and oid not in cands:
                            cands[oid] = [ts, price, size, 0, exec_vol[1 - s]]
                book.add(oid, s, price, size)
            elif typ == 2:
                book.reduce(oid, size)
                if oid not in book.orders:
                    removed(ts, oid, s)
            elif typ == 3:
                book.delete(oid)
                removed(ts, oid, s)
            elif typ in (4, 5):
                exec_vol[s] += size
                last_exec[s] = ts
                if typ == 4:
                    book.reduce(oid, size)
                    c = cands.get(oid)
                    if c is not None:
                        c[3] += size
                        if oid not in book.orders:
                            del cands[oid]
    for side in (0, 1):
        if groups[side]:
            close(side)
    return alerts


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="+")
    ap.add_argument("--size-multiple", type=float, default=8.0)
    a = ap.parse_args()
    for p in a.files:
        al = run(p, a.size_multiple)
        layered = sum(1 for x in al if x[0] == "layered")
        print(f"{p.rsplit('/', 1)[-1]}: {len(al)} alerts ({layered} layered) at sizeMultiple {a.size_multiple}")
        for x in al:
            print("   ", x)
    return 0


if __name__ == "__main__":
    sys.exit(main())
