#!/usr/bin/env python3
"""Draws a random sample of audit results to check by hand (docs/VERDICTS.md).

Usage: scripts/verdict-sample.py --seed N [--failed 40] [--passed 25] REF=RESULTS_DIR...
e.g.   scripts/verdict-sample.py --seed 1313 develop=/tmp/dev/allure-results 29127ce=/tmp/c29/allure-results

Every *-result.json of every folder is pooled; skipped/broken results are left out (they carry
no verdict). The pool is sorted by ref, criterion and test name (not by Allure's random file
names, so a rerun of the same audit gives the same draw), shuffled with random.seed(N), then
taken in that order until the
wanted number of failed and passed results is reached, at most --per-criterion (2) per
criterion over all refs, so the sample spreads over the criteria. Prints a markdown table.
"""
import argparse
import glob
import json
import os
import random
import sys


def label(result, name):
    return next((l["value"] for l in result.get("labels", []) if l["name"] == name), "")


def load(ref, folder):
    rows = []
    for path in sorted(glob.glob(os.path.join(folder, "*-result.json"))):
        try:
            with open(path, encoding="utf-8") as f:
                r = json.load(f)
        except (OSError, ValueError) as e:
            print(f"skipped {path}: {e}", file=sys.stderr)
            continue
        if r.get("status") not in ("passed", "failed"):
            continue
        message = (r.get("statusDetails") or {}).get("message", "") or ""
        rows.append({
            "ref": ref,
            "criterion": label(r, "criterion"),
            "severity": label(r, "severity"),
            "resource": label(r, "resource") or "-",
            "status": r["status"],
            "story": label(r, "story"),
            "message": message,
            "test": (r.get("fullName") or "") + " " + (r.get("name") or ""),
            "file": os.path.basename(path),
        })
    return rows


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--seed", type=int, required=True)
    p.add_argument("--failed", type=int, default=40)
    p.add_argument("--passed", type=int, default=25)
    p.add_argument("--per-criterion", type=int, default=2)
    p.add_argument("--full", action="store_true", help="print each failure message in full")
    p.add_argument("refs", nargs="+", metavar="REF=RESULTS_DIR")
    a = p.parse_args()

    pool = []
    for spec in a.refs:
        ref, sep, folder = spec.partition("=")
        if not sep or not os.path.isdir(folder):
            p.error(f"expected REF=RESULTS_DIR with an existing folder, got {spec!r}")
        pool.extend(load(ref, folder))
    if not pool:
        p.error("no passed or failed result in the folders given")
    # A stable order before shuffling, so that the seed and the results decide the draw, not
    # the random file names Allure gives them: a rerun of the same audit draws the same sample.
    pool.sort(key=lambda r: (r["ref"], r["criterion"], r["test"], r["status"]))
    random.seed(a.seed)
    random.shuffle(pool)

    wanted = {"failed": a.failed, "passed": a.passed}
    per_criterion = {}
    sample = []
    for r in pool:
        if wanted[r["status"]] == 0 or per_criterion.get(r["criterion"], 0) >= a.per_criterion:
            continue
        per_criterion[r["criterion"]] = per_criterion.get(r["criterion"], 0) + 1
        wanted[r["status"]] -= 1
        sample.append(r)
        if not any(wanted.values()):
            break

    print(f"seed {a.seed}: {len(sample)} results from a pool of {len(pool)} "
          f"({sum(r['status'] == 'failed' for r in pool)} failed, "
          f"{sum(r['status'] == 'passed' for r in pool)} passed)\n")
    print("| # | criterion | resource | ref | status | severity | finding |")
    print("|---|---|---|---|---|---|---|")
    for i, r in enumerate(sample, 1):
        msg = r["message"].replace("\n", " ").replace("|", "\\|")
        if not a.full and len(msg) > 300:
            msg = msg[:300] + "…"
        print(f"| {i} | {r['criterion']} | {r['resource']} | {r['ref']} | {r['status']} "
              f"| {r['severity']} | {msg} |")


if __name__ == "__main__":
    main()
