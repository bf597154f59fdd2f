#!/usr/bin/env python3
"""The analyst's workload of metrics/bench_workload_test.go, done with pandas.

Usage:
    CIVITAS_WORKLOAD_OUT=/tmp/workload.bin go test ./metrics -run TestWriteWorkload -v
    python3 metrics/testdata/workload_pandas.py /tmp/workload.bin

It loads the same 10 M records civitas aggregates (12 bytes each: participant
uint32, band uint8, area uint8, influenced uint8, padding, response int32; -1
for unanswered), then times the same one-pass figures the Go benchmark
computes: distinct participants per age band and overall, records per area,
closing-the-loop and influence rates, the nearest-rank median and 90th
percentile response time, and the age bands' representation ratios and index
of dissimilarity against the population. Loading the file is not timed.
Best of --repeat runs is printed, with the figures, to compare with civitas's.
"""
import argparse
import math
import time

import numpy as np
import pandas as pd

BANDS = ["16-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75-84", "85+"]
POPULATION = np.array([41_000, 58_000, 52_000, 49_000, 45_000, 37_000, 21_000, 7_000])
DTYPE = np.dtype([("participant", "<u4"), ("band", "u1"), ("area", "u1"),
                  ("influenced", "u1"), ("pad", "u1"), ("response", "<i4")])


def nearest_rank(sorted_or_partitioned_values, n, p):
    return int(math.ceil(p * n / 100))


def aggregate(df):
    distinct = df["participant"].nunique()
    per_band = df.groupby("band")["participant"].nunique().reindex(range(8), fill_value=0)
    per_area = df.groupby("area").size().reindex(range(50), fill_value=0)
    answered = df["response"] >= 0
    closing = answered.sum() / len(df)
    influence = df["influenced"].sum() / len(df)
    times = df.loc[answered, "response"].to_numpy()
    n = len(times)
    r50, r90 = math.ceil(50 * n / 100), math.ceil(90 * n / 100)
    part = np.partition(times, [r50 - 1, r90 - 1])  # nearest rank, as civitas defines it
    median, p90 = int(part[r50 - 1]), int(part[r90 - 1])
    a = per_band.to_numpy()
    p = a / a.sum()
    q = POPULATION / POPULATION.sum()
    ratios = p / q
    dissimilarity = 0.5 * np.abs(p - q).sum()
    rates = a / POPULATION
    score = rates.min() / rates.max()
    return dict(distinct=distinct, per_band=a, per_area=per_area.to_numpy(), closing=closing,
                influence=influence, median=median, p90=p90, ratios=ratios,
                dissimilarity=dissimilarity, score=score)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    rec = np.fromfile(args.file, dtype=DTYPE)
    df = pd.DataFrame({"participant": rec["participant"], "band": rec["band"], "area": rec["area"],
                       "influenced": rec["influenced"].astype(bool), "response": rec["response"]})
    best = math.inf
    for _ in range(args.repeat):
        start = time.perf_counter()
        f = aggregate(df)
        best = min(best, time.perf_counter() - start)
    n = len(df)
    print(f"pandas {pd.__version__}: {n} records in {best:.3f} s = {n / best / 1e6:.2f} M records/s (best of {args.repeat})")
    print(f"distinct participants {f['distinct']}")
    for label, c in zip(BANDS, f["per_band"]):
        print(f"  band {label:<6} {c}")
    print(f"records per area: first {list(f['per_area'][:3])}, last {list(f['per_area'][-3:])}")
    print(f"closing the loop {f['closing']:.6f}, influence {f['influence']:.6f}")
    print(f"median response {f['median']} s, p90 {f['p90']} s")
    print(f"dissimilarity {f['dissimilarity']:.6f}, representation score {f['score']:.6f}")
    for label, r in zip(BANDS, f["ratios"]):
        print(f"  ratio {label:<6} {r:.6f}")


if __name__ == "__main__":
    main()
