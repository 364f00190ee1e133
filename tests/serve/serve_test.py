#!/usr/bin/env python3
"""End-to-end checks of `congkhai serve` on a copy of the sample site, on a
free loopback port: pages answer, edits are served within 2 s, a broken
source shows the error page and then recovers, crafted paths never leave
the built site, a burst of concurrent requests gets no error, and SIGINT
stops the server cleanly.

Usage: serve_test.py CONGKHAI REPOSITORY"""
import concurrent.futures
import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

congkhai, repo = os.path.realpath(sys.argv[1]), sys.argv[2]
failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what, flush=True)
    if not ok:
        failures.append(what)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(port, path):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.putrequest("GET", path, skip_accept_encoding=True)
        conn.endheaders()
        response = conn.getresponse()
        return response.status, response.getheader("Content-Type", ""), response.read().decode("utf-8", "replace")
    finally:
        conn.close()


def wait_for(condition, limit):
    """Seconds until condition() held, or None after `limit` seconds."""
    start = time.monotonic()
    while time.monotonic() - start < limit:
        if condition():
            return time.monotonic() - start
        time.sleep(0.02)
    return None


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


work = tempfile.mkdtemp()
try:
    for folder in ("procedures", "content", "themes"):
        shutil.copytree(os.path.join(repo, folder), os.path.join(work, folder))
    port = free_port()
    server = subprocess.Popen([congkhai, "serve", "--port", str(port)], cwd=work,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    banner = server.stdout.readline()
    print("banner:", banner.strip())
    site = re.search(r"thư mục tạm (.+?)\)", banner)
    check(site is not None and f"http://127.0.0.1:{port}/" in banner, "the banner names the address")
    site_dir = os.path.join(site.group(1), "site") if site else ""

    # Pages and content types.
    procedure = os.path.join(work, "procedures/ho-tich/dang-ky-khai-sinh.md")
    expected_types = {"/": "text/html", "/thu-tuc/": "text/html", "/thu-tuc/dang-ky-khai-sinh/": "text/html",
                      "/sitemap.xml": "application/xml", "/robots.txt": "text/plain",
                      "/assets/site.css": "text/css", "/thu-tuc/dang-ky-khai-sinh/index.html": "text/html"}
    for path, kind in expected_types.items():
        status, ctype, _ = get(port, path)
        check(status == 200 and ctype.startswith(kind), f"{path} answers 200 {kind} (got {status} {ctype})")
    status, ctype, body = get(port, "/khong-co-trang-nay/")
    check(status == 404 and "<html" in body, f"a missing page gets the site's 404 page (got {status})")
    _, _, home = get(port, "/")
    check("/__congkhai/version" in home, "preview pages carry the reload script")

    # An edit is served changed within 2 s.
    original = open(procedure, encoding="utf-8").read()
    write(procedure, original.replace("\nname:", "\nsummary: Đoạn mới XYZ-1.\nname:", 1)
          if "\nsummary:" not in original else re.sub(r"\nsummary:[^\n]*", "\nsummary: Đoạn mới XYZ-1.", original, 1))
    latency = wait_for(lambda: "XYZ-1" in get(port, "/thu-tuc/dang-ky-khai-sinh/")[2], 10)
    print(f"reload latency: {latency}")
    check(latency is not None and latency < 2.0, f"an edited procedure is served changed within 2 s ({latency})")
    edited = open(procedure, encoding="utf-8").read()

    # A broken file shows the error page (escaped), then recovers.
    broken = re.sub(r"\ndomain:[^\n]*", "\ndomain: <script>alert(1)</script>", edited, 1)
    write(procedure, broken)
    took = wait_for(lambda: get(port, "/")[0] == 500, 10)
    status, ctype, body = get(port, "/thu-tuc/")
    check(took is not None and "procedures/ho-tich/dang-ky-khai-sinh.md:" in body and ctype.startswith("text/html"),
          f"a broken source shows the error page with file:line ({took})")
    check("<script>alert(1)" not in body and "&lt;script&gt;alert(1)" in body, "the error page escapes the sources")
    check("/__congkhai/version" in body, "the error page reloads by itself")
    write(procedure, edited.replace("XYZ-1", "XYZ-2"))
    took = wait_for(lambda: "XYZ-2" in get(port, "/thu-tuc/dang-ky-khai-sinh/")[2], 10)
    check(took is not None and get(port, "/")[0] == 200, f"the site comes back once the file is fixed ({took})")

    # New and deleted files are noticed.
    page = os.path.join(work, "content/pages/trang-moi.md")
    write(page, "---\ntitle: Trang mới\n---\nNội dung.\n")
    check(wait_for(lambda: get(port, "/trang-moi/")[0] == 200, 10) is not None, "a new page appears")
    os.remove(page)
    check(wait_for(lambda: get(port, "/trang-moi/")[0] == 404, 10) is not None, "a deleted page disappears")

    # Nothing outside the built site: crafted paths and symlinks pointing out.
    time.sleep(0.5)  # let the last rebuild settle before planting links in the site
    secret = os.path.join(work, "secret.txt")
    write(secret, "SECRET-OUTSIDE\n")
    os.symlink(secret, os.path.join(site_dir, "leak.txt"))
    os.symlink(work, os.path.join(site_dir, "outside"))
    attempts = ["/../secret.txt", "/../../../../etc/passwd", "/%2e%2e/secret.txt", "/%2E%2E/%2e%2e/etc/passwd",
                "/%2e%2e%2fsecret.txt", "/..%2fsecret.txt", "/thu-tuc/..%2f..%2f..%2fsecret.txt",
                "/thu-tuc/%2e%2e/%2e%2e/secret.txt", "/%252e%252e/secret.txt", "//etc/passwd",
                "/" + secret, "/%2f" + secret.lstrip("/"), "/..%5csecret.txt", "/leak.txt", "/outside/secret.txt",
                "/outside/", "/index.html%00.txt", "/%00", "/.congkhai-output", "/./index.html",
                f"http://127.0.0.1:{port}/../secret.txt", "/thu-tuc/./../../secret.txt"]
    for path in attempts:
        status, _, body = get(port, path)
        check(status == 404 and "SECRET-OUTSIDE" not in body and "root:" not in body, f"{path} gets 404 ({status})")

    # A burst of concurrent requests from another process on loopback.
    paths = ["/", "/thu-tuc/", "/thu-tuc/dang-ky-khai-sinh/", "/assets/site.css", "/sitemap.xml"]
    def one(i):
        try:
            return get(port, paths[i % len(paths)])[0] == 200
        except OSError:
            return False
    start = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=20) as pool:
        results = list(pool.map(one, range(200)))
    errors = results.count(False)
    print(f"burst: {len(results)} requests, 20 at a time, {errors} errors, {time.monotonic() - start:.2f} s")
    check(errors == 0, "a burst of 200 requests, 20 at a time, gets no error")

    # A second server on the same port says the port is busy.
    busy = subprocess.run([congkhai, "serve", "--port", str(port)], cwd=work, capture_output=True, text=True,
                          timeout=30)
    check(busy.returncode == 1 and str(port) in busy.stderr, "a busy port is reported (status 1)")

    # Ctrl-C stops it cleanly and removes the private folder.
    server.send_signal(signal.SIGINT)
    try:
        status = server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.kill()
        status = None
    check(status == 0, f"SIGINT stops the server with status 0 ({status})")
    check(site_dir and not os.path.exists(os.path.dirname(site_dir)), "the private folder is removed")

    # A congkhai without its HTTP module says so; a build does not need it.
    alone = os.path.join(work, "alone")
    os.mkdir(alone)
    shutil.copy(congkhai, alone)
    lonely = subprocess.run([os.path.join(alone, "congkhai"), "serve", "--port", str(free_port())], cwd=work,
                            capture_output=True, text=True, timeout=30)
    check(lonely.returncode == 1 and "congkhai-http.so" in lonely.stderr,
          "serve without its module says which file is missing (status 1)")
    build_alone = [os.path.join(alone, "congkhai"), "build", "--quiet", "--out", os.path.join(work, "o2")]
    # Nor without its PDF module, which only drawing PDFs needs.
    unprinted = subprocess.run(build_alone, cwd=work, capture_output=True, text=True)
    check(unprinted.returncode == 1 and unprinted.stderr.count("congkhai-pdf.so: error:") == 1
          and not os.path.exists(os.path.join(work, "o2")),
          "build without the PDF module says so once, fails and writes nothing")
    pdf_module = os.path.join(os.path.dirname(congkhai), "congkhai-pdf.so")
    shutil.copy(pdf_module, alone)
    built = subprocess.run(build_alone, cwd=work)
    check(built.returncode == 0, "build runs without the HTTP module")
    os.remove(os.path.join(alone, "congkhai-pdf.so"))
    rebuilt = subprocess.run(build_alone, cwd=work, capture_output=True, text=True)
    check(rebuilt.returncode == 0 and rebuilt.stderr == "", "a rebuild that draws no PDF does not load the PDF module")

    # `build` output never carries the preview's script.
    subprocess.run([congkhai, "build", "--quiet", "--out", os.path.join(work, "out")], cwd=work, check=True)
    leaked = subprocess.run(["grep", "-rl", "__congkhai", os.path.join(work, "out")], capture_output=True, text=True)
    check(leaked.stdout == "", "build output has no reload script")
finally:
    if "server" in globals() and server.poll() is None:
        server.kill()
    shutil.rmtree(work, ignore_errors=True)

print(f"{len(failures)} failed")
sys.exit(1 if failures else 0)
