#!/usr/bin/env python3
"""Build every hostile source case in tests/hostile/ and check its outcome.

Usage: check_hostile.py CONGKHAI [--keep DIR] [--case NAME]

Each case is a folder laid over tests/sites/base (like tests/sites/invalid)
with an expected.txt: a first line "# outcome: builds" or "# outcome: fails",
then exactly what congkhai prints on stderr. A case must never crash (any
exit status but 0 or 1, or a sanitizer report, fails it). A site that builds
must hold no markup that runs script and only NFC text; with --keep its
output is copied to DIR/<case>/ for the browser test (hostile.test.mjs).

Files named *.gen are expanded before the build, so huge inputs need not be
stored: every "@@repeat N "text"@@" becomes N copies of the JSON string
"text". Set CONGKHAI_UPDATE_EXPECTED=1 to rewrite expected.txt; review it.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CASES = REPO / "tests" / "hostile"
BASE = REPO / "tests" / "sites" / "base"
REPEAT = re.compile(r'@@repeat (\d+) ("(?:[^"\\]|\\.)*")@@')
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "poster"}
UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:text/html")
MAX_MESSAGES = 64 * 1024  # a clear error fits on a screen or two, however big the input
TIMEOUT = 300


class UnsafeMarkup(HTMLParser):
    """Collects markup an editor's text must never turn into."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"event handler attribute {name}= on <{tag}>")
            if name in URL_ATTRS and value:
                squeezed = re.sub(r"[\x00-\x20]", "", value).lower()
                if squeezed.startswith(UNSAFE_SCHEMES):
                    self.problems.append(f"<{tag} {name}=\"{value[:80]}\">")
        if tag in ("iframe", "object", "embed", "base"):
            self.problems.append(f"<{tag}> element")
        self.in_script = tag == "script"

    def handle_endtag(self, tag):
        self.in_script = False

    def handle_data(self, data):
        if self.in_script and "pwned" in data:
            self.problems.append(f"script with a payload: {data[:80]}")


def expand_generated(site):
    for gen in sorted(site.rglob("*.gen")):
        text = gen.read_text(encoding="utf-8")
        text = REPEAT.sub(lambda m: json.loads(m.group(2)) * int(m.group(1)), text)
        gen.with_suffix("").write_bytes(text.encode("utf-8", "surrogateescape"))
        gen.unlink()


def overlay(source, target):
    """Copies source over target; a case's file, link or folder replaces the base's."""
    for entry in sorted(source.iterdir()):
        dest = target / entry.name
        if dest.is_symlink() or (dest.exists() and not (dest.is_dir() and entry.is_dir())):
            shutil.rmtree(dest) if dest.is_dir() and not dest.is_symlink() else dest.unlink()
        if entry.is_symlink():
            dest.symlink_to(os.readlink(entry))
        elif entry.is_dir():
            dest.mkdir(exist_ok=True)
            overlay(entry, dest)
        else:
            shutil.copyfile(entry, dest)


def assemble(case, site):
    for source in (BASE, case):
        for part in ("procedures", "content"):
            if (source / part).exists():
                (site / part).mkdir(exist_ok=True)
                overlay(source / part, site / part)
    expand_generated(site)


def read_expected(case):
    path = case / "expected.txt"
    if not path.exists():
        return None, ""
    first, _, rest = path.read_text(encoding="utf-8").partition("\n")
    outcome = first.removeprefix("# outcome:").strip()
    return outcome, rest


def output_problems(out):
    problems = []
    for page in sorted(out.rglob("*")):
        if not page.is_file() or page.suffix not in (".html", ".xml", ".txt"):
            continue
        name = page.relative_to(out).as_posix()
        text = page.read_bytes().decode("utf-8", errors="strict")
        if not unicodedata.is_normalized("NFC", text):
            problems.append(f"{name}: text is not NFC")
        if page.suffix == ".html":
            parser = UnsafeMarkup()
            parser.feed(text)
            parser.close()
            problems += [f"{name}: {p}" for p in parser.problems]
    return problems


def run_case(congkhai, case, keep):
    outcome, expected = read_expected(case)
    if outcome not in ("builds", "fails"):
        return [f"expected.txt must start with '# outcome: builds' or '# outcome: fails'"]
    with tempfile.TemporaryDirectory(prefix=f"ck-hostile-{case.name}-") as tmp:
        site = Path(tmp)
        assemble(case, site)
        try:
            run = subprocess.run([congkhai, "build", "--themes", str(REPO / "themes"), "-j", "2"],
                                 cwd=site, capture_output=True, timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            return [f"no result after {TIMEOUT} s"]
        messages = run.stderr.decode("utf-8", errors="replace")
        problems = []
        if run.returncode not in (0, 1):
            return [f"exit status {run.returncode} (a crash?)", messages[-4000:]]
        if "Sanitizer" in messages or "runtime error:" in messages:
            return ["sanitizer report", messages[-4000:]]
        if len(messages) > MAX_MESSAGES:
            problems.append(f"{len(messages)} bytes of messages: too long to read")
        if os.environ.get("CONGKHAI_UPDATE_EXPECTED"):
            (case / "expected.txt").write_text(f"# outcome: {outcome}\n{messages}", encoding="utf-8")
            expected = messages
        if (run.returncode == 0) != (outcome == "builds"):
            problems.append(f"expected the build to {'succeed' if outcome == 'builds' else 'fail'}, "
                            f"exit status {run.returncode}")
        if messages != expected:
            problems.append("messages differ from expected.txt:\n" + messages[:4000])
        out = site / "output"
        if run.returncode == 0:
            problems += output_problems(out)
            if keep:
                shutil.copytree(out, keep / case.name)
        return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("congkhai")
    ap.add_argument("--keep", type=Path, help="copy the sites that build here, one folder per case")
    ap.add_argument("--case", help="run only this case")
    args = ap.parse_args()
    congkhai = str(Path(args.congkhai).resolve())
    if args.keep:
        shutil.rmtree(args.keep, ignore_errors=True)
        args.keep.mkdir(parents=True)
    cases = sorted(p for p in CASES.iterdir() if p.is_dir() and (not args.case or p.name == args.case))
    if not cases:
        print(f"no hostile cases under {CASES}", file=sys.stderr)
        return 2
    failed = 0
    for case in cases:
        problems = run_case(congkhai, case, args.keep)
        outcome, _ = read_expected(case)
        print(f"{'FAIL' if problems else 'ok  '} {case.name} ({outcome})")
        for p in problems:
            print("    " + p.replace("\n", "\n    "))
        failed += bool(problems)
    print(f"hostile sources: {len(cases)} cases, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
