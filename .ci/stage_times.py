#!/usr/bin/env python3
"""Sums ctest's per-test times by label: stage_times.py TESTS.json OUTPUT.log"""
import json
import re
import sys
from collections import defaultdict

tests = json.load(open(sys.argv[1]))["tests"]
label_of = {}
for test in tests:
    labels = [v for p in test.get("properties", []) if p["name"] == "LABELS" for v in p["value"]]
    label_of[test["name"]] = labels[0] if labels else "other"
totals = defaultdict(float)
for line in open(sys.argv[2], encoding="utf-8", errors="replace"):
    m = re.search(r"Test +#\d+: (\S+) .*?([\d.]+) sec", line)
    if m:
        totals[label_of.get(m.group(1), "other")] += float(m.group(2))
for label in sorted(totals):
    print(f"{'tests: ' + label:<24} {totals[label]:6.0f} s")
