#!/usr/bin/env python3
"""Read back the text of every PDF a built site prints, as a desk officer's
viewer would, and compare it with the sources.

- Each procedure's poster (in-an/thu-tuc/<slug>.pdf) holds, with the exact
  spacing of its source, its name, code, time limit and fee (of the first
  channel) and where to submit; the name is at least 28 pt and the time limit
  and fee at least 18 pt (a name of more than 90 characters may shrink to
  16 pt, of more than 300 to 14 pt);
  the papers to bring are listed, or the poster says where to read the rest.
- Each domain's sheet (in-an/linh-vuc/<slug>.pdf) and the booklet
  (in-an/tat-ca.pdf) hold each of their procedures' names and codes, with
  labels of at least 11 pt.
- The survey poster holds its title and instruction.
- Nothing is cut off: every word of every page lies inside the page, at
  least 5 mm from its edges.

Text is extracted with pdftotext (-layout for posters, -raw for the grids,
whose columns -layout would interleave), and runs of white space are folded,
so a name wrapped over lines still matches while a space inside a word
("t ro ng") does not. Sizes come from pdftotext -raw -bbox: a word's box is the
font's ascent to descent, 1.362 times its size in Noto Sans.

Usage: check_pdf_text.py [SITE_DIR] [--sources DIR]
Exit status: 0 all good, 1 problems found, 2 nothing to check.
"""
import argparse
import html
import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

BOX_PER_POINT = 1.362  # Noto Sans: ascent 1.069 + descent 0.293 of the em
POSTER_NAME_PT = 28
POSTER_NAME_LONG_PT = 16  # a name of more than 90 characters
POSTER_NAME_VERY_LONG_PT = 14  # more than 300, so that the time limit and fee keep 18 pt
POSTER_FACTS_PT = 18
GRID_LABEL_PT = 11
TOLERANCE = 0.3


def fold(text):
    return " ".join(text.split())


def pdf_text(pdf, *modes):
    return subprocess.run(["pdftotext", *modes, "-enc", "UTF-8", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout


WORD = re.compile(r'<word xMin="[^"]+" yMin="([^"]+)" xMax="[^"]+" yMax="([^"]+)">([^<]*)</word>')


def pdf_words(pdf):
    """(word, size in points) of every word, in the order they are drawn
    (-raw), so that the words of a label wrapped in a grid's cell follow
    each other."""
    out = pdf_text(pdf, "-raw", "-bbox")
    return [(html.unescape(m.group(3)), (float(m.group(2)) - float(m.group(1))) / BOX_PER_POINT)
            for m in WORD.finditer(out)]


PAGE = re.compile(r'<page width="([^"]+)" height="([^"]+)">(.*?)</page>', re.S)
BOX = re.compile(r'<word xMin="([^"]+)" yMin="([^"]+)" xMax="([^"]+)" yMax="([^"]+)">([^<]*)</word>')
EDGE_PT = 5 * 72 / 25.4


def check_inside_pages(report, pdf):
    for number, page in enumerate(PAGE.finditer(pdf_text(pdf, "-bbox")), 1):
        width, height = float(page.group(1)), float(page.group(2))
        for m in BOX.finditer(page.group(3)):
            x0, y0, x1, y1 = (float(m.group(i)) for i in range(1, 5))
            inside = x0 >= EDGE_PT and y0 >= EDGE_PT and x1 <= width - EDGE_PT and y1 <= height - EDGE_PT
            if not report.check(inside, f"{pdf}: page {number}: {html.unescape(m.group(5))!r} is cut off "
                                        f"or at the page's edge ({x0:.0f},{y0:.0f})-({x1:.0f},{y1:.0f})"):
                break


def title_of(pdf):
    out = pdf_text(pdf, "-bbox")
    m = re.search(r"<title>([^<]*)</title>", out)
    return html.unescape(m.group(1)) if m else ""


def smallest_size(words, text):
    """The smallest size of the words that spell `text`, where they first
    stand in a row; None when they do not."""
    want = text.split()
    for start in range(len(words) - len(want) + 1):
        if all(words[start + i][0] == w for i, w in enumerate(want)):
            return min(size for _, size in words[start:start + len(want)])
    return None


# --- the sources ------------------------------------------------------------

def front_matter(path):
    text = path.read_text(encoding="utf-8-sig")
    if not text.startswith("---"):
        return None
    end = text.find("\n---", 3)
    return yaml.safe_load(text[3:end]) if end > 0 else None


def load_procedures(sources):
    """name -> the procedure's fields, for every procedure with a code."""
    out = {}
    for path in sorted((sources / "procedures").glob("*/*.md")):
        fields = front_matter(path)
        if not fields or not fields.get("code"):
            continue
        channels = fields.get("channels") or [{}]
        out[str(fields["name"])] = {
            "code": str(fields["code"]),
            "domain": fields.get("domain"),
            "time_limit": str(channels[0].get("time_limit", "")),
            "fee": str(channels[0].get("fee", "")),
            "submit_at": str(fields.get("submit_at", "")),
            "papers": [str(d["name"]) for d in fields.get("documents") or [] if "name" in d],
            "cases": [str(d["case"]) for d in fields.get("documents") or [] if "case" in d],
        }
    return out


def load_domains(sources):
    data = yaml.safe_load((sources / "procedures" / "domains.yaml").read_text(encoding="utf-8"))
    return {d["slug"]: d["name"] for d in data["domains"]}


def load_strings(sources):
    return yaml.safe_load((sources / "themes" / "default" / "i18n" / "vi.yaml").read_text(encoding="utf-8"))


# --- the checks -------------------------------------------------------------

class Report:
    def __init__(self):
        self.problems = []

    def check(self, ok, problem):
        if not ok:
            self.problems.append(problem)
        return bool(ok)


def check_contains(report, pdf, text, want, what):
    report.check(fold(want) in text, f"{pdf}: {what} {want!r} not found as written in the source")


def check_size(report, pdf, words, want, least, what):
    size = smallest_size(words, want)
    if report.check(size is not None, f"{pdf}: the words of {what} {want!r} are not drawn in a row"):
        report.check(size >= least - TOLERANCE, f"{pdf}: {what} {want!r} is {size:.1f} pt, under {least} pt")


def check_poster(report, pdf, p, name, strings, address):
    text = fold(pdf_text(pdf, "-layout"))
    column_text = fold(pdf_text(pdf, "-raw"))  # the papers stand in a column beside the code
    words = pdf_words(pdf)
    check_contains(report, pdf, text, name, "the name")
    check_contains(report, pdf, text, p["code"], "the code")
    least = POSTER_NAME_VERY_LONG_PT if len(name) > 300 else POSTER_NAME_LONG_PT if len(name) > 90 else POSTER_NAME_PT
    check_size(report, pdf, words, name, least, "the name")
    for field in ("time_limit", "fee"):
        if p[field]:
            check_contains(report, pdf, text, p[field], field)
            check_size(report, pdf, words, p[field], POSTER_FACTS_PT, field)
    check_contains(report, pdf, column_text, p["submit_at"] or address, "where to submit")
    if p["papers"]:
        listed = [paper for paper in p["papers"] if fold(paper) in column_text]
        complete = len(listed) == len(p["papers"]) and not p["cases"]
        report.check(listed and (complete or fold(strings["print_see_more"]) in column_text),
                     f"{pdf}: lists {len(listed)} of {len(p['papers'])} papers without saying where the rest are")


def check_grid(report, pdf, procedures):
    text = fold(pdf_text(pdf, "-raw"))
    words = pdf_words(pdf)
    for name, p in procedures:
        check_contains(report, pdf, text, name, "the name")
        check_contains(report, pdf, text, p["code"], "the code")
        check_size(report, pdf, words, name, GRID_LABEL_PT, "the name")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("site", nargs="?", default=os.environ.get("SITE_DIR", "output"))
    parser.add_argument("--sources", default=".")
    args = parser.parse_args()
    site, sources = Path(args.site), Path(args.sources)
    procedures = load_procedures(sources)
    domains = load_domains(sources)
    strings = load_strings(sources)
    site_yaml = yaml.safe_load((sources / "content" / "site.yaml").read_text(encoding="utf-8"))
    address = str((site_yaml.get("contact") or {}).get("address", ""))
    report = Report()
    posters = sorted((site / "in-an" / "thu-tuc").glob("*.pdf"))
    for pdf in posters:
        name = title_of(pdf).split(": ", 1)[-1]
        if report.check(name in procedures, f"{pdf}: titled {name!r}, which is no procedure"):
            check_poster(report, pdf, procedures[name], name, strings, address)
    sheets = sorted((site / "in-an" / "linh-vuc").glob("*.pdf"))
    for pdf in sheets:
        check_grid(report, pdf, [(n, p) for n, p in procedures.items() if p["domain"] == pdf.stem])
        report.check(pdf.stem in domains, f"{pdf}: no such domain")
    booklet = site / "in-an" / "tat-ca.pdf"
    if booklet.exists():
        check_grid(report, booklet, list(procedures.items()))
    survey = site / "in-an" / "khao-sat.pdf"
    if survey.exists():
        text = fold(pdf_text(survey, "-layout"))
        for key in ("survey_title", "survey_instruction"):
            check_contains(report, survey, text, strings[key], key)
    for pdf in posters + sheets + [f for f in (booklet, survey) if f.exists()]:
        check_inside_pages(report, pdf)
    checked = len(posters) + len(sheets) + booklet.exists() + survey.exists()
    print(f"PDF text: {checked} PDF files read back, {len(report.problems)} problems")
    for problem in report.problems:
        print("  " + problem)
    if checked == 0:
        return 2
    return 1 if report.problems else 0


if __name__ == "__main__":
    sys.exit(main())
