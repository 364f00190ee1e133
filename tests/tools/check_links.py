#!/usr/bin/env python3
"""Check that every internal link of the generated site points somewhere real.

Usage: check_links.py [SITE_DIR] [--base-url URL]
SITE_DIR defaults to $SITE_DIR, then to "output" at the repository root.
Exit status: 0 all good, 1 broken links found, 2 nothing to check.
"""
import argparse
import os
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

LINK_ATTRS = {"href", "src", "srcset", "imagesrcset", "poster", "action"}
IGNORED_SCHEMES = {"mailto", "tel", "data", "sms"}
REFRESH_URL = re.compile(r"^\s*\d+(?:\.\d+)?\s*[;,]\s*(?:url\s*=\s*)?(.+)$", re.I)


class PageParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []
        self.anchors = set()
        self.base = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.anchors.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.anchors.add(attrs["name"])
        if tag == "base" and attrs.get("href") and self.base is None:
            self.base = attrs["href"]
            return
        for name, value in attrs.items():
            if name not in LINK_ATTRS or value is None:
                continue
            if name.endswith("srcset"):
                # "a.png 1x, b.png 2x": only the URL before each descriptor matters.
                self.links += [c.split()[0] for c in value.split(",") if c.strip()]
            else:
                self.links.append(value)
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "refresh":
            m = REFRESH_URL.match(attrs.get("content") or "")
            if m:
                self.links.append(m.group(1).strip().strip("'\""))


def parse(path):
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    parser.close()
    return parser


class Checker:
    def __init__(self, root, base_url):
        self.root = root.resolve()
        self.base_url = base_url.rstrip("/") + "/" if base_url else None
        self.anchor_cache = {}

    def page_url(self, page):
        # A fake origin lets urljoin do the resolving, including "../" and "/".
        return "http://site.invalid/" + page.relative_to(self.root).as_posix()

    def classify(self, raw, page_url):
        """Return (URL on the fake origin, or None if not internal; error or None)."""
        link = re.sub(r"[\t\n\r]", "", raw).strip()
        scheme = urlsplit(link).scheme.lower()
        if scheme == "javascript":
            return "", "javascript: URLs are not allowed"
        if scheme in IGNORED_SCHEMES:
            return None, None
        prefix = urlsplit(self.base_url).path if self.base_url else "/"
        if self.base_url and (link + "/").startswith(self.base_url):
            link = prefix + link[len(self.base_url):]
        elif scheme or link.startswith("//"):
            return None, None
        if link.startswith("/"):
            # A site served below a path needs its root-relative links to carry it.
            if not (link + "/").startswith(prefix):
                return "", f"outside the base path {prefix}"
            link = "/" + link[len(prefix):]
        return urljoin(page_url, link), None

    def anchors(self, target):
        if target not in self.anchor_cache:
            self.anchor_cache[target] = parse(target).anchors
        return self.anchor_cache[target]

    def check(self, absolute):
        parts = urlsplit(absolute)
        if parts.netloc != "site.invalid":
            return "outside the site"
        rel = unquote(parts.path).lstrip("/")
        if rel == "" or rel.endswith("/"):
            rel += "index.html"
        target = (self.root / rel).resolve()
        if target != self.root and self.root not in target.parents:
            return "outside the site"
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file():
            return f"no file {target.relative_to(self.root).as_posix()}"
        fragment = unquote(parts.fragment)
        if fragment and fragment.lower() != "top" and target.suffix == ".html":
            if fragment not in self.anchors(target):
                return f"no id '{fragment}' in {target.relative_to(self.root).as_posix()}"
        return None


def default_site_dir():
    if os.environ.get("SITE_DIR"):
        return os.environ["SITE_DIR"]
    return str(Path(__file__).resolve().parents[2] / "output")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("site_dir", nargs="?", default=default_site_dir())
    ap.add_argument("--base-url", help="absolute URL the site is published at")
    args = ap.parse_args()

    root = Path(args.site_dir).resolve()
    pages = sorted(root.rglob("*.html")) if root.is_dir() else []
    if not pages:
        print(f"no .html files under {root}", file=sys.stderr)
        return 2

    checker = Checker(root, args.base_url)
    checked = broken = 0
    for page in pages:
        parsed = parse(page)
        page_url = checker.page_url(page)
        if parsed.base:
            page_url = urljoin(page_url, checker.classify(parsed.base, page_url)[0] or "")
        name = page.relative_to(checker.root).as_posix()
        for raw in parsed.links:
            absolute, error = checker.classify(raw, page_url)
            if absolute is None:
                continue
            checked += 1
            error = error or checker.check(absolute)
            if error:
                broken += 1
                print(f"{name}: broken link '{raw}' ({error})")
    print(f"links: {checked} checked, {broken} broken")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
