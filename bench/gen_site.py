#!/usr/bin/env python3
"""Writes a synthetic commune site of N procedures in congkhai's format and the
same content as a Hugo site with equivalent templates, for benchmarks.

usage: gen_site.py N OUT_DIR   ->  OUT_DIR/congkhai/{procedures,content}
                                   OUT_DIR/hugo/{config.yaml,content,layouts}
Deterministic: the same N gives the same files.
"""
import os
import random
import sys

DOMAINS = ["Hộ tịch", "Chứng thực", "Bảo trợ xã hội", "Người có công", "Văn hóa", "Đất đai",
           "Tôn giáo", "Nuôi con nuôi", "Hòa giải cơ sở", "Thi đua khen thưởng", "Nông nghiệp",
           "Tiếp công dân", "Khiếu nại", "Phòng chống tham nhũng"]
WORDS = ("đăng ký cấp xác nhận chứng thực giải quyết hồ sơ giấy tờ bản sao hộ tịch khai sinh kết hôn "
         "khai tử trợ cấp hỗ trợ người cao tuổi thôn xã huyện tỉnh công dân đất đai tranh chấp hòa giải "
         "lễ hội tín ngưỡng thủ tục trực tuyến bưu chính lệ phí thời hạn").split()
DOMAIN_SLUGS = [f"linh-vuc-{i + 1}" for i in range(len(DOMAINS))]


def words(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n))


def procedure(rng, i):
    domain = i % len(DOMAINS)
    name = f"{words(rng, 4).capitalize()} số {i}"
    fm = {
        "code": f"9.{i:06d}",
        "name": name,
        "slug": f"thu-tuc-{i}",
        "domain": DOMAIN_SLUGS[domain],
        "summary": words(rng, 18).capitalize() + ".",
        "applicants": [words(rng, 6) for _ in range(2)],
    }
    papers = "\n".join(
        f"  - name: {words(rng, 7).capitalize()}\n    originals: {rng.randint(0, 2)}\n    copies: {rng.randint(0, 2)}"
        for _ in range(5))
    legal = "\n".join(
        f"  - number: {rng.randint(1, 200)}/20{rng.randint(10, 23)}/NĐ-CP\n    title: {words(rng, 8).capitalize()}\n"
        f"    date: 20{rng.randint(10, 23)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}\n    issuer: Chính phủ"
        for _ in range(3))
    yaml = (f"---\ncode: \"{fm['code']}\"\nname: {fm['name']}\nslug: {fm['slug']}\ndomain: {fm['domain']}\n"
            f"summary: {fm['summary']}\napplicants:\n" + "".join(f"  - {a}\n" for a in fm["applicants"]) +
            "online_service: mot-phan\nonline_url: https://dichvucong.gov.vn/thu-tuc/" + fm["code"] + "\n"
            "channels:\n  - channel: truc-tiep\n    time_limit: 3 ngày làm việc\n    fee: Miễn phí\n"
            "  - channel: truc-tuyen\n    time_limit: 3 ngày làm việc\n    fee: Miễn phí\n"
            f"documents:\n{papers}\nresult: {words(rng, 5)}\nlegal_basis:\n{legal}\n"
            f"keywords: [{words(rng, 2)}, {words(rng, 2)}]\n---\n")
    body = "\n".join(f"{n}. {words(rng, 25).capitalize()}." for n in range(1, 6))
    body += "\n\n| Trường hợp | Lệ phí |\n|---|---|\n" + "\n".join(
        f"| {words(rng, 4)} | {rng.randint(1, 50) * 1000} đồng |" for _ in range(4))
    body += "\n\n" + words(rng, 60).capitalize() + ".\n"
    return fm, yaml, body


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


SITE_YAML = """commune: Thử Nghiệm
authority: Ủy ban nhân dân xã Thử Nghiệm
district: huyện Mẫu
province: tỉnh Ví Dụ
base_url: https://bench.example.vn
contact:
  address: Thôn Một
  hotline: 0900 000 111
opening_hours:
  - days: Thứ Hai – Thứ Sáu
    hours: 7:30–17:00
# Hugo makes no PDFs: leave out the per-procedure PDF posters so both tools
# make comparable pages (the booklet and domain sheets are still made).
qr:
  poster_pdfs: false
"""

HUGO_LAYOUTS = {
    "_default/baseof.html": """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>{{ .Title }} – {{ .Site.Title }}</title>
<link rel="canonical" href="{{ .Permalink }}"><link rel="stylesheet" href="{{ "assets/site.css" | relURL }}"></head>
<body><a class="skip" href="#noi-dung">Bỏ qua</a><header><a href="{{ "" | relURL }}">{{ .Site.Title }}</a>
<nav><ul><li><a href="{{ "thu-tuc/" | relURL }}">Thủ tục</a></li></ul></nav></header>
<aside><p>Đường dây nóng: {{ .Site.Params.hotline }}</p></aside>
<main id="noi-dung">{{ block "main" . }}{{ end }}</main><footer>{{ .Site.Params.address }}</footer></body></html>
""",
    "_default/single.html": """{{ define "main" }}<article><h1>{{ .Title }}</h1>
<dl><dt>Mã thủ tục</dt><dd>{{ .Params.code }}</dd><dt>Lĩnh vực</dt><dd>{{ .Params.domain }}</dd></dl>
{{ with .Params.online_url }}<p><a class="button" href="{{ . }}">Nộp hồ sơ trực tuyến</a></p>{{ end }}
<section><h2>Thủ tục này dùng để làm gì</h2><p>{{ .Params.summary }}</p></section>
<section><h2>Ai được nộp hồ sơ</h2><ul>{{ range .Params.applicants }}<li>{{ . }}</li>{{ end }}</ul></section>
<section><h2>Giấy tờ cần mang theo</h2><ul>{{ range $i, $p := .Params.documents }}<li><input type="checkbox" id="g{{ $i }}">
<label for="g{{ $i }}">{{ $p.name }} (Bản chính: {{ $p.originals }} – Bản sao: {{ $p.copies }})</label></li>{{ end }}</ul></section>
<section><h2>Thời hạn và lệ phí</h2>{{ range .Params.channels }}<div><h3>{{ .channel }}</h3><dl><dt>Thời hạn</dt><dd>{{ .time_limit }}</dd>
<dt>Lệ phí</dt><dd>{{ .fee }}</dd></dl></div>{{ end }}</section>
<section><h2>Các bước thực hiện</h2>{{ .Content }}</section>
<section><h2>Kết quả</h2><p>{{ .Params.result }}</p></section>
<section><h2>Căn cứ pháp lý</h2><ul>{{ range .Params.legal_basis }}<li>{{ .number }} – {{ .title }}, {{ .issuer }} ({{ .date }})</li>{{ end }}</ul></section>
</article>{{ end }}
""",
    "_default/list.html": """{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.code }}</li>{{ end }}</ul>{{ end }}
""",
    "_default/terms.html": """{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
""",
    "index.html": """{{ define "main" }}<h1>{{ .Site.Title }}</h1><form action="{{ "tim-kiem/" | relURL }}"><input type="search" name="q"></form>
<ul>{{ range .Site.Taxonomies.domains }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> {{ .Count }}</li>{{ end }}</ul>{{ end }}
""",
}


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(n)
    ck, hugo = os.path.join(out, "congkhai"), os.path.join(out, "hugo")
    write(os.path.join(ck, "content/site.yaml"), SITE_YAML)
    write(os.path.join(ck, "procedures/domains.yaml"), "domains:\n" + "".join(
        f"  - slug: {s}\n    name: {d}\n    order: {i}\n" for i, (s, d) in enumerate(zip(DOMAIN_SLUGS, DOMAINS))))
    write(os.path.join(hugo, "config.yaml"),
          "baseURL: https://bench.example.vn/\ntitle: Ủy ban nhân dân xã Thử Nghiệm\nlanguageCode: vi\n"
          "disableKinds: [RSS]\ntaxonomies:\n  domain: domains\nparams:\n  hotline: 0900 000 111\n  address: Thôn Một\n")
    for rel, text in HUGO_LAYOUTS.items():
        write(os.path.join(hugo, "layouts", rel), text)
    write(os.path.join(hugo, "content/thu-tuc/_index.md"), "---\ntitle: Danh mục thủ tục hành chính\n---\n")
    for i in range(n):
        fm, yaml, body = procedure(rng, i)
        write(os.path.join(ck, "procedures", fm["domain"], fm["slug"] + ".md"), yaml + body)
        hugo_yaml = yaml.replace(f"domain: {fm['domain']}\n", f"domain: {fm['domain']}\ndomains: [{fm['domain']}]\ntitle: {fm['name']}\n", 1)
        write(os.path.join(hugo, "content/thu-tuc", fm["slug"] + ".md"), hugo_yaml + body)


if __name__ == "__main__":
    main()
