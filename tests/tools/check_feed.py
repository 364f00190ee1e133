#!/usr/bin/env python3
"""Parse the site's Atom feed with feedparser and check what readers rely on.

Usage: check_feed.py [SITE_DIR]   (default: $SITE_DIR, then output/)
Exit status: 0 good, 1 problems found.
"""
import os
import sys
from pathlib import Path

import feedparser

site = Path(sys.argv[1] if len(sys.argv) > 1 else os.environ.get("SITE_DIR", "output"))
feed_path = site / "tin-tuc" / "feed.xml"
feed = feedparser.parse(feed_path.read_bytes())
problems = []
if feed.bozo:
    problems.append(f"bozo: {feed.bozo_exception!r}")
if feed.version != "atom10":
    problems.append(f"not Atom 1.0: {feed.version!r}")
if not feed.entries:
    problems.append("no entries")
for entry in feed.entries:
    for key in ("title", "link", "id", "updated", "published"):
        if not entry.get(key):
            problems.append(f"entry without {key}: {entry.get('title')!r}")
    link = entry.get("link", "")
    if not link.startswith(("https://", "http://")):
        problems.append(f"relative link: {link!r}")
    else:
        path = site / link.split("/", 3)[3] / "index.html"
        if not path.is_file():
            problems.append(f"link to a page that was not built: {link}")
dates = [e.published_parsed for e in feed.entries]
if dates != sorted(dates, reverse=True):
    problems.append("entries are not newest first")
print(f"{feed_path}: {feed.version}, bozo={feed.bozo}, {len(feed.entries)} entries")
for p in problems:
    print("  " + p)
sys.exit(1 if problems else 0)
