#!/usr/bin/env python3
"""Decode every QR code of a built site with a real decoder and check it.

- thu-tuc/<slug>/qr.png (read directly) and qr.svg (rasterized with
  rsvg-convert) of every procedure page decode to the URL the page promises:
  its /tthc/<code>/ short URL, or the online submission URL when the page
  says the code opens that instead. PNG files are at least 1200 px wide.
- Every page of every PDF under in-an/ is rasterized with pdftoppm and
  decoded: a poster holds its procedure's code; a domain sheet holds each
  procedure of the domain exactly once, and so does its HTML page; the
  booklet holds every procedure exactly once.
- The printed size of each code is read from the PDF's drawing (each code is
  an image of one pixel per module, quiet zone included) and confirmed on the
  rasterized page: a poster's code is at least 10 cm wide, a sheet's at
  least 3 cm.

Usage: check_qr.py [SITE_DIR] --base-url URL
Exit status: 0 all good, 1 problems found, 2 nothing to check.
"""
import argparse
import collections
import concurrent.futures
import html
import os
import re
import subprocess
import sys
import tempfile
import zlib
import xml.etree.ElementTree as ET
from pathlib import Path

DPI = 150
ZBAR = "{http://zbar.sourceforge.net/2008/barcode}"
POSTER_MIN_CM = 10.0
GRID_MIN_CM = 3.0
PNG_MIN_WIDTH = 1200


def decode_many(images):
    """{image: [payloads]} for many image files, read by zbarimg in a few
    batches (starting zbarimg costs far more than decoding one code)."""
    images = [str(i) for i in images]
    batches = [images[i:i + 50] for i in range(0, len(images), 50)]

    def run(batch):
        out = subprocess.run(["zbarimg", "--nodbus", "--xml", "-q", "-Sdisable", "-Sqrcode.enable", *batch],
                             capture_output=True, text=True).stdout
        found = {}
        for source in ET.fromstring(out or "<barcodes/>").iter(f"{ZBAR}source"):
            found[source.get("href")] = [d.text for d in source.iter(f"{ZBAR}data")]
        return found

    result = {i: [] for i in images}
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        for found in pool.map(run, batches):
            result.update(found)
    return result


def png_width(path):
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return int.from_bytes(data[16:20], "big")


# --- reading the drawing of a PDF page -------------------------------------

TOKEN = re.compile(rb"\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>|\[|\]|/[^\s/\[\]()<>]+|"
                   rb"[-+]?(?:\d+\.?\d*|\.\d+)|[A-Za-z'\"*]+")


OBJECT = re.compile(rb"(?m)^(\d+) 0 obj\b")
REF = rb"(\d+) 0 R"


class Pdf:
    """The objects of a PDF file as cairo writes it (and as congkhai merges
    it): each object's dictionary and, for streams, the decompressed data."""

    def __init__(self, data):
        self.dicts, self.streams, raw = {}, {}, {}
        for m in OBJECT.finditer(data):
            at, stream, end = m.end(), data.find(b"stream", m.end()), data.find(b"endobj", m.end())
            if stream != -1 and stream < end:
                raw[int(m.group(1))] = (data[at:stream], stream + len(b"stream"))
            else:
                self.dicts[int(m.group(1))] = data[at:end]
        for number, (dictionary, at) in raw.items():
            self.dicts[number] = dictionary
            at += 2 if data[at:at + 2] == b"\r\n" else 1
            length = re.search(rb"/Length (?:" + REF + rb"|(\d+))", dictionary)
            size = int(self.dicts[int(length.group(1))]) if length.group(1) else int(length.group(2))
            body = data[at:at + size]
            self.streams[number] = zlib.decompress(body) if b"/FlateDecode" in dictionary else body

    def ref(self, number, key):
        m = re.search(re.escape(key) + rb"\s+" + REF, self.dicts[number])
        return int(m.group(1)) if m else None

    def refs(self, number, key):
        """The objects a key names: one reference, or an array of them."""
        m = re.search(re.escape(key) + rb"\s+(\[[^\]]*\]|" + REF + rb")", self.dicts[number])
        return [int(n) for n in re.findall(REF, m.group(1))] if m else []

    def pages(self):
        catalog = next(n for n, d in self.dicts.items() if re.search(rb"/Type\s*/Catalog", d))
        return self.refs(self.ref(catalog, b"/Pages"), b"/Kids")

    def xobjects(self, resources):
        """name -> object number of the XObjects a resources dictionary names."""
        m = re.search(rb"/XObject\s*<<(.*?)>>", self.dicts.get(resources, b""), re.S)
        if not m:
            return {}
        return {name.decode(): int(n) for name, n in re.findall(rb"/([^\s/]+)\s+" + REF, m.group(1))}


def multiply(a, b):
    return [a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
            a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
            a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5]]


QUIET_ZONE = 4  # modules of white drawn around each code


def code_boxes(pdf, page, page_height):
    """Bounding boxes (x0, y0, x1, y1 in points from the page's top-left
    corner) of each code image a page draws, in its own drawing or in the
    forms it draws, without the quiet zone: the code itself."""
    boxes = []

    def walk(stream, resources, ctm):
        names, saved, operands, name = pdf.xobjects(resources), [], [], None
        for token in TOKEN.findall(stream):
            if re.fullmatch(rb"[-+]?(?:\d+\.?\d*|\.\d+)", token):
                operands.append(float(token))
                continue
            op = token.decode("latin-1")
            if op.startswith("/"):
                name = op[1:]
            elif op == "q":
                saved.append(ctm)
            elif op == "Q":
                ctm = saved.pop() if saved else ctm
            elif op == "cm" and len(operands) >= 6:
                ctm = multiply(operands[-6:], ctm)
            elif op == "Do" and name in names:
                target = pdf.dicts[names[name]]
                if b"/Subtype /Form" in target:
                    walk(pdf.streams[names[name]], pdf.ref(names[name], b"/Resources"), ctm)
                elif b"/Subtype /Image" in target:
                    width = int(re.search(rb"/Width (\d+)", target).group(1))
                    # An image fills the unit square of the current matrix.
                    corners = [(px * ctm[0] + py * ctm[2] + ctm[4], px * ctm[1] + py * ctm[3] + ctm[5])
                               for px, py in ((0, 0), (1, 1))]
                    xs, ys = [c[0] for c in corners], [c[1] for c in corners]
                    quiet = (max(xs) - min(xs)) * QUIET_ZONE / width
                    # PDF space has y up; the raster has y down from the top.
                    boxes.append((min(xs) + quiet, page_height - max(ys) + quiet,
                                  max(xs) - quiet, page_height - min(ys) - quiet))
            if not re.fullmatch(r"[\[\]]|/.*|\(.*|<.*", op, re.S):
                operands = []

    resources = pdf.ref(page, b"/Resources")
    for contents in pdf.refs(page, b"/Contents"):
        walk(pdf.streams[contents], resources, [1, 0, 0, 1, 0, 0])
    return boxes


def read_pgm(path):
    data = path.read_bytes()
    parts = data.split(maxsplit=4)
    assert parts[0] == b"P5", f"{path}: not a binary PGM"
    width, height = int(parts[1]), int(parts[2])
    pixels = parts[4][-width * height:]
    return width, height, pixels


def confirm_on_raster(pgm, box):
    """The code's corners are where the drawing says: dark just inside the
    top-left, top-right and bottom-left corners (finder patterns), white
    just outside (quiet zone). Returns a problem or None."""
    width, height, pixels = pgm
    scale = DPI / 72.0
    x0, y0, x1, y1 = (v * scale for v in box)
    # The page flip leaves y pointing down from the top in device space.
    dark = lambda x, y: pixels[int(y) * width + int(x)] < 128
    inside = [(x0 + 2, y0 + 2), (x1 - 3, y0 + 2), (x0 + 2, y1 - 3)]
    outside = [(x0 - 4, y0 + 2), (x0 + 2, y0 - 4), (x1 + 3, y0 + 2), (x0 + 2, y1 + 3)]
    for x, y in inside:
        if not dark(x, y):
            return f"no dark module at ({x:.0f}, {y:.0f}) px where the drawing puts a finder pattern"
    for x, y in outside:
        if 0 <= x < width and 0 <= y < height and dark(x, y):
            return f"dark pixel at ({x:.0f}, {y:.0f}) px inside the quiet zone"
    return None


def crop(pgm, box, path):
    """Writes the code in `box` (points) with a margin of white to a PGM file."""
    width, height, pixels = pgm
    scale = DPI / 72.0
    margin = 0.06 * (box[2] - box[0]) * scale
    x0, y0 = max(0, int(box[0] * scale - margin)), max(0, int(box[1] * scale - margin))
    x1, y1 = min(width, int(box[2] * scale + margin) + 1), min(height, int(box[3] * scale + margin) + 1)
    rows = b"".join(pixels[y * width + x0:y * width + x1] for y in range(y0, y1))
    path.write_bytes(b"P5\n%d %d\n255\n" % (x1 - x0, y1 - y0) + rows)


def pdf_codes(pdf, workdir):
    """Rasterizes every page; returns [(page, crop file, width in cm)] for each
    code drawn, and problems found on the way."""
    problems, codes = [], []
    workdir.mkdir()
    subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", str(pdf), str(workdir / "page")], check=True)
    images = sorted(workdir.glob("page-*.pgm"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    data = pdf.read_bytes()
    document = Pdf(data)
    pages = document.pages()
    page_height = float(re.search(rb"/MediaBox \[\s*0 0 [\d.]+ ([\d.]+)", data).group(1))
    if len(pages) != len(images):
        problems.append(f"{pdf}: {len(images)} pages rasterized but {len(pages)} pages found")
    for number, (image, page) in enumerate(zip(images, pages), 1):
        pgm = read_pgm(image)
        for i, box in enumerate(code_boxes(document, page, page_height)):
            problem = confirm_on_raster(pgm, box)
            if problem:
                problems.append(f"{pdf} page {number}: {problem}")
            path = workdir / f"code-{number}-{i}.pgm"
            crop(pgm, box, path)
            codes.append((number, path, (box[2] - box[0]) / 72 * 2.54))
        image.unlink()
    return codes, problems


# --- the site ---------------------------------------------------------------

def procedures(site, base_url):
    """slug -> (code, expected payload) for every procedure page with a code."""
    out = {}
    for page in sorted((site / "thu-tuc").glob("*/index.html")):
        text = page.read_text(encoding="utf-8")
        code = re.search(r'<td class="code">([^<]+)</td>', text)
        if not code:
            continue
        code = html.unescape(code.group(1))
        expected = f"{base_url}/tthc/{code}/"
        if 'class="opens"' in text:
            online = re.search(r'<a class="button" href="([^"]+)"', text)
            expected = html.unescape(online.group(1)) if online else "(online URL missing)"
        out[page.parent.name] = (code, expected)
    return out


def domain_slugs(site, domain):
    """Procedure slugs linked from the domain's page, in order."""
    text = (site / "linh-vuc" / domain / "index.html").read_text(encoding="utf-8")
    return re.findall(r'href="\.\./\.\./thu-tuc/([^/"]+)/"', text)


def sheet_slugs(page):
    return re.findall(r'<img [^>]*src="[./]*thu-tuc/([^/"]+)/qr\.svg"', page.read_text(encoding="utf-8"))


class Report:
    def __init__(self):
        self.problems = []
        self.lines = []

    def check(self, ok, problem):
        if not ok:
            self.problems.append(problem)
        return bool(ok)


def check_image_files(site, expected, work, report):
    """qr.png as is and qr.svg rasterized, for every procedure."""
    images = {}
    for slug in sorted(expected):
        folder = site / "thu-tuc" / slug
        png, svg = folder / "qr.png", folder / "qr.svg"
        if not report.check(png.exists() and svg.exists(), f"{folder}: qr.png or qr.svg missing"):
            continue
        report.check(png_width(png) >= PNG_MIN_WIDTH, f"{png}: {png_width(png)} px wide, under {PNG_MIN_WIDTH}")
        raster = work / f"svg-{slug}.png"
        subprocess.run(["rsvg-convert", "-w", "600", "-b", "white", "-o", str(raster), str(svg)], check=True)
        images[str(png)] = (png, slug)
        images[str(raster)] = (svg, slug)
    found = decode_many(images)
    good = 0
    for image, (source, slug) in images.items():
        want = expected[slug][1]
        good += report.check(found[image] == [want], f"{source}: decodes to {found[image]}, expected {want}")
    report.lines.append(f"qr.png and qr.svg: {good}/{len(images)} decode to the expected URL "
                        f"({len(expected)} procedures with a code)")


def expected_in_pdf(site, rel, expected, survey_url):
    """The payloads a PDF must hold, each exactly once, and the least width."""
    if rel.startswith("in-an/thu-tuc/"):
        slug = rel[len("in-an/thu-tuc/"):-len(".pdf")]
        return [expected[slug][1]] if slug in expected else ["(no such procedure)"], POSTER_MIN_CM
    if rel.startswith("in-an/linh-vuc/"):
        domain = rel[len("in-an/linh-vuc/"):-len(".pdf")]
        return [expected[s][1] for s in domain_slugs(site, domain) if s in expected], GRID_MIN_CM
    if rel == "in-an/khao-sat.pdf":
        return [survey_url], POSTER_MIN_CM
    return [want for _, want in expected.values()], GRID_MIN_CM


def check_pdfs(site, expected, survey_url, work, report):
    pdfs = sorted((site / "in-an").rglob("*.pdf"))
    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as pool:
        results = list(pool.map(lambda i: pdf_codes(pdfs[i], work / f"pdf-{i}"), range(len(pdfs))))
    found = decode_many([path for codes, _ in results for _, path, _ in codes])
    totals = collections.Counter()
    widths = {POSTER_MIN_CM: [], GRID_MIN_CM: []}
    for pdf, (codes, problems) in zip(pdfs, results):
        report.problems += problems
        rel = pdf.relative_to(site).as_posix()
        want, min_cm = expected_in_pdf(site, rel, expected, survey_url)
        payloads = []
        for page, path, width in codes:
            got = found[str(path)]
            totals["drawn"] += 1
            totals["decoded"] += report.check(len(got) == 1, f"{rel} page {page}: a drawn code decodes to {got}")
            payloads += got
            widths[min_cm].append(width)
            report.check(width >= min_cm, f"{rel} page {page}: code {width:.2f} cm wide, under {min_cm} cm")
        totals["files"] += 1
        totals["pages"] += max([page for page, _, _ in codes] or [0])
        missing = sorted(set(want) - set(payloads))
        repeated = sorted(p for p, n in collections.Counter(payloads).items() if n > 1)
        extra = sorted(set(payloads) - set(want))
        report.check(not missing and not repeated and not extra,
                     f"{rel}: must hold each of its {len(want)} codes once; missing {missing}, "
                     f"repeated {repeated}, unexpected {extra}")
    report.lines.append(f"pdf: {totals['files']} files, {totals['pages']} pages with codes, "
                        f"{totals['decoded']}/{totals['drawn']} drawn codes decode")
    for min_cm, name in ((POSTER_MIN_CM, "poster"), (GRID_MIN_CM, "sheet and booklet")):
        if widths[min_cm]:
            report.lines.append(f"{name} codes: {min(widths[min_cm]):.2f}–{max(widths[min_cm]):.2f} cm wide "
                                f"(code without quiet zone; at least {min_cm} cm)")


def check_html_sheets(site, expected, report):
    """Each HTML domain sheet shows each procedure of its domain once; the
    booklet every procedure once; each poster its own procedure's code."""
    sheets = sorted((site / "in-an" / "linh-vuc").glob("*/index.html"))
    for sheet in sheets:
        want = sorted(s for s in domain_slugs(site, sheet.parent.name) if s in expected)
        got = sheet_slugs(sheet)
        report.check(sorted(got) == want, f"{sheet}: lists {got}, expected each of {want} once")
    booklet = site / "in-an" / "tat-ca" / "index.html"
    report.check(sorted(sheet_slugs(booklet)) == sorted(expected), f"{booklet}: not every procedure exactly once")
    for slug in expected:
        poster = site / "in-an" / "thu-tuc" / slug / "index.html"
        report.check(poster.exists() and sheet_slugs(poster) == [slug], f"{poster}: missing or shows another code")
    report.lines.append(f"html: {len(sheets)} domain sheets, the booklet and {len(expected)} posters list the right codes")


def survey_url(site):
    page = site / "in-an" / "khao-sat" / "index.html"
    if not page.exists():
        return None
    m = re.search(r'<p class="url">([^<]+)</p>', page.read_text(encoding="utf-8"))
    return html.unescape(m.group(1)) if m else "(survey URL not printed)"


def check_survey(site, url, work, report):
    if url is None:
        return
    svg = site / "in-an" / "khao-sat" / "qr.svg"
    raster = work / "survey-svg.png"
    subprocess.run(["rsvg-convert", "-w", "600", "-b", "white", "-o", str(raster), str(svg)], check=True)
    png = site / "in-an" / "khao-sat" / "qr.png"
    found = decode_many([raster, png])
    for image, source in ((raster, svg), (png, png)):
        report.check(found[str(image)] == [url], f"{source}: decodes to {found[str(image)]}, expected {url}")
    report.lines.append(f"survey: qr.svg and qr.png checked against {url}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("site", nargs="?", default=os.environ.get("SITE_DIR", "output"))
    parser.add_argument("--base-url", required=True)
    args = parser.parse_args()
    site = Path(args.site)
    base_url = args.base_url.rstrip("/")
    expected = procedures(site, base_url)
    if not expected:
        print(f"check_qr: no procedure pages with a code under {site}", file=sys.stderr)
        return 2
    report = Report()
    survey = survey_url(site)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        check_image_files(site, expected, work, report)
        check_html_sheets(site, expected, report)
        check_survey(site, survey, work, report)
        check_pdfs(site, expected, survey, work, report)
    for line in report.lines:
        print(line)
    for problem in report.problems:
        print("FAIL:", problem)
    print(f"{len(report.problems)} problems")
    return 1 if report.problems else 0


if __name__ == "__main__":
    sys.exit(main())
