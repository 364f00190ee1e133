#!/usr/bin/env python3
"""Recomputes the published monthly results from the sources, independently
of the generator, and compares: the CSV (parsed back), the JSON, the Table
Schema, and every chart against its data table.

Usage: check_results_data.py [--content DIR] [--procedures DIR] SITE_DIR
Rates: numerator / denominator x 100, rounded half away from zero to 2
decimals (decimal arithmetic); an empty denominator publishes nothing.
"""
import argparse
import csv
import glob
import html.parser
import io
import json
import os
import re
import sys
from decimal import ROUND_HALF_UP, Decimal

import yaml

COUNTS = [
    ("received_total", ("received", "total")), ("received_online", ("received", "online")),
    ("received_direct", ("received", "direct")), ("carried_over", ("received", "carried_over")),
    ("resolved_total", ("resolved", "total")), ("resolved_early", ("resolved", "early")),
    ("resolved_on_time", ("resolved", "on_time")), ("resolved_late", ("resolved", "late")),
    ("in_progress_within_limit", ("in_progress", "within_limit")),
    ("in_progress_overdue", ("in_progress", "overdue")), ("paused", ("paused",)),
    ("digitized_on_receipt", ("digitized", "on_receipt")), ("digitized_results", ("digitized", "results")),
    ("online_payment_paid", ("online_payment", "paid")),
    ("online_payment_fee_bearing", ("online_payment", "fee_bearing")),
    ("survey_answered", ("survey", "answered")), ("survey_satisfied", ("survey", "satisfied")),
    ("complaints_received", ("complaints", "received")), ("complaints_resolved", ("complaints", "resolved")),
]
RATES = {
    "on_time": (lambda c: c["resolved_early"] + c["resolved_on_time"], "resolved_total"),
    "online": (lambda c: c["received_online"], "received_total"),
    "digitized": (lambda c: c["digitized_on_receipt"], "received_total"),
    "digitized_results": (lambda c: c["digitized_results"], "resolved_total"),
    "online_payment": (lambda c: c["online_payment_paid"], "online_payment_fee_bearing"),
    "satisfaction": (lambda c: c["survey_satisfied"], "survey_answered"),
}

failures = []


def fail(message):
    failures.append(message)


def rate(num, den):
    if den == 0:
        return None
    return (Decimal(num) * 100 / Decimal(den)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def load_months(content):
    months = {}
    for path in sorted(glob.glob(os.path.join(content, "results", "**", "*.md"), recursive=True)):
        text = open(path, encoding="utf-8").read()
        front = yaml.safe_load(text.split("---\n")[1])
        counts = {}
        for name, keys in COUNTS:
            value = front
            for k in keys:
                value = value.get(k) if isinstance(value, dict) else None
            counts[name] = int(value or 0)
        domains = {d["domain"]: d for d in front.get("domains") or []}
        months[str(front["month"])] = (counts, domains)
    return months


def check_csv(site, months):
    raw = open(os.path.join(site, "du-lieu", "ket-qua.csv"), "rb").read()
    if not raw.startswith(b"\xef\xbb\xbf"):
        fail("ket-qua.csv: no UTF-8 BOM")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    if [r["month"] for r in rows] != sorted(months):
        fail("ket-qua.csv: months %s != sources %s" % ([r["month"] for r in rows], sorted(months)))
    for row in rows:
        counts, domains = months.get(row["month"], ({}, {}))
        for name, _ in COUNTS:
            if str(counts.get(name)) != row[name]:
                fail("ket-qua.csv %s %s: %s != source %s" % (row["month"], name, row[name], counts.get(name)))
        for key, (num, den) in RATES.items():
            expected = rate(num(counts), counts[den])
            if row["rate_" + key] != ("" if expected is None else str(expected)):
                fail("ket-qua.csv %s rate_%s: %s != %s" % (row["month"], key, row["rate_" + key], expected))
        for slug, d in domains.items():
            if row.get("domain_%s_received" % slug) != str(d["received"]):
                fail("ket-qua.csv %s domain %s received differs" % (row["month"], slug))
    return rows


def check_json_and_schema(site, rows, targets):
    data = json.load(open(os.path.join(site, "du-lieu", "ket-qua.json"), encoding="utf-8"))
    by_month = {m["month"]: m for m in data["months"]}
    for row in rows:
        m = by_month.get(row["month"])
        if m is None:
            fail("ket-qua.json: month %s missing" % row["month"])
            continue
        for name, _ in COUNTS:
            if str(m["figures"][name]) != row[name]:
                fail("ket-qua.json %s %s differs from the CSV" % (row["month"], name))
        for key in RATES:
            p = m["rates"][key]["percent"]
            if ("" if p is None else "%.2f" % p) != row["rate_" + key]:
                fail("ket-qua.json %s rate %s differs from the CSV" % (row["month"], key))
    for year in data["years"]:
        ytd = {name: sum(int(r[name]) for r in rows if r["month"].startswith(str(year["year"])))
               for name, _ in COUNTS}
        for key, (num, den) in RATES.items():
            expected = rate(num(ytd), ytd[den])
            got = year["rates"][key]
            if (None if got["percent"] is None else Decimal("%.2f" % got["percent"])) != expected:
                fail("ket-qua.json year %s rate %s: %s != %s" % (year["year"], key, got["percent"], expected))
            target = targets.get(year["year"], {}).get(key)
            if expected is None or target is None:
                verdict, margin = None, None
            else:
                margin = expected - Decimal(str(target)).quantize(Decimal("0.01"))
                verdict = "vuot" if margin > 0 else "dat" if margin == 0 else "chua-dat"
            got_margin = None if got["margin_points"] is None else Decimal("%.2f" % got["margin_points"])
            if got["verdict"] != verdict or got_margin != margin:
                fail("ket-qua.json year %s %s: verdict %s %s != %s %s"
                     % (year["year"], key, got["verdict"], got_margin, verdict, margin))
    schema = json.load(open(os.path.join(site, "du-lieu", "ket-qua.schema.json"), encoding="utf-8"))
    if [f["name"] for f in schema["fields"]] != list(rows[0].keys()):
        fail("ket-qua.schema.json: fields differ from the CSV header")


class ChartReader(html.parser.HTMLParser):
    """Collects, for each chart, the texts written in the SVG and the cells of its table."""

    def __init__(self):
        super().__init__()
        self.charts, self.in_svg, self.in_text, self.in_cell, self.cell = [], False, False, False, ""

    def handle_starttag(self, tag, attrs):
        if tag == "svg":
            self.in_svg = True
            self.charts.append({"svg": [], "cells": []})
        elif tag == "text" and self.in_svg:
            self.in_text = True
            self.charts[-1]["svg"].append("")
        elif tag in ("td", "th") and self.charts and not self.in_svg:
            self.in_cell, self.cell = True, ""

    def handle_endtag(self, tag):
        if tag == "svg":
            self.in_svg = False
        elif tag == "text":
            self.in_text = False
        elif tag in ("td", "th") and self.in_cell:
            self.in_cell = False
            self.charts[-1]["cells"].append(self.cell)
        elif tag == "details" and self.charts:
            self.charts[-1]["closed"] = True

    def handle_data(self, data):
        if self.in_text:
            self.charts[-1]["svg"][-1] += data
        elif self.in_cell and self.charts and not self.charts[-1].get("closed"):
            self.cell += data


def check_charts(site):
    count = 0
    for path in sorted(glob.glob(os.path.join(site, "**", "*.html"), recursive=True)):
        reader = ChartReader()
        reader.feed(open(path, encoding="utf-8").read())
        for chart in reader.charts:
            count += 1
            cells = set(chart["cells"])
            for text in chart["svg"]:
                # Value labels: "98,33 %", "41", "235 + 4" (stacked: both parts).
                parts = [p.strip() for p in text.split(" + ")]
                if all(re.fullmatch(r"[\d.]+(,\d\d\u00a0%)?", p) for p in parts):
                    missing = [p for p in parts if p not in cells]
                    if missing:
                        fail("%s: chart value %r is not in its table" % (os.path.relpath(path, site), text))
    return count


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--content", default="content")
    parser.add_argument("site", nargs="?", default=os.environ.get("SITE_DIR", "output"))
    args = parser.parse_args()
    months = load_months(args.content)
    targets = {}
    targets_file = os.path.join(args.content, "targets.yaml")
    if os.path.exists(targets_file):
        for item in yaml.safe_load(open(targets_file, encoding="utf-8"))["years"]:
            targets[item["year"]] = {k: v for k, v in item.items() if k != "year"}
    rows = check_csv(args.site, months)
    check_json_and_schema(args.site, rows, targets)
    charts = check_charts(args.site)
    for f in failures:
        print("FAIL:", f)
    print("results data: %d months, %d CSV rows, %d charts checked, %d problems"
          % (len(months), len(rows), charts, len(failures)))
    return 1 if failures or not rows else 0


if __name__ == "__main__":
    sys.exit(main())
