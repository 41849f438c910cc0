#!/usr/bin/env python3
"""Summarise criterion's results (target/criterion) as a Markdown table:
median, min and max time per iteration, for BENCHMARKS.md."""
import json, pathlib, sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "target/criterion")

def fmt(ns):
    return f"{ns / 1e6:.2f} ms" if ns >= 1e6 else f"{ns / 1e3:.0f} µs"

rows = []
for est in sorted(root.glob("*/*/new/estimates.json")):
    d = est.parent
    sample = json.loads((d / "sample.json").read_text())
    per_iter = [t / n for t, n in zip(sample["times"], sample["iters"])]
    median = json.loads(est.read_text())["median"]["point_estimate"]
    bench = json.loads((d / "benchmark.json").read_text())
    rows.append((bench["full_id"], median, min(per_iter), max(per_iter)))

print("| benchmark | median | min | max |")
print("|---|---|---|---|")
for name, med, lo, hi in rows:
    print(f"| `{name}` | {fmt(med)} | {fmt(lo)} | {fmt(hi)} |")
