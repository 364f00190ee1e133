#!/usr/bin/env python3
"""Writes a synthetic commune site of N procedures in congkhai's format and the
same content as a Hugo site with equivalent templates, for benchmarks: the
procedures, news posts (one per 100 procedures, at least 12) and 24 months of
results.

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

TAGS = ["Cải cách hành chính", "Chuyển đổi số", "Tuyên truyền", "Văn bản"]


def post(rng, i):
    """A news post: front matter and body."""
    month, day = 1 + i % 12, 1 + i % 28
    title = f"{words(rng, 6).capitalize()} số {i}"
    yaml = (f"---\ntitle: {title}\ndate: {2020 + i // 336}-{month:02d}-{day:02d}T08:00\n"
            f"summary: {words(rng, 20).capitalize()}.\ntags:\n  - {TAGS[i % len(TAGS)]}\n"
            "author: Văn phòng UBND xã\n---\n")
    body = "\n\n".join(words(rng, 40).capitalize() + "." for _ in range(4)) + "\n"
    return f"{2020 + i // 336}-{month:02d}-{day:02d}-tin-{i}", title, yaml, body


def results_month(rng, index, carried_over):
    """A month of results whose figures add up; returns the file and what it
    leaves in progress for the next month."""
    year, month = 2024 + index // 12, 1 + index % 12
    received = rng.randint(150, 400)
    online = rng.randint(received // 2, received)
    in_progress, paused = rng.randint(5, 30), rng.randint(0, 3)
    resolved = carried_over + received - in_progress - paused
    late = rng.randint(0, 3)
    on_time = rng.randint(0, resolved - late)
    fee_bearing = rng.randint(received // 3, received)
    answered = rng.randint(received // 2, received)
    shares = [rng.randint(1, 10) for _ in DOMAIN_SLUGS[:5]]
    per_domain = [received * s // sum(shares) for s in shares]
    per_domain[0] += received - sum(per_domain)
    text = (f"---\nmonth: {year}-{month:02d}\nreceived:\n  total: {received}\n  online: {online}\n"
            f"  direct: {received - online}\n  carried_over: {carried_over}\n"
            f"resolved:\n  total: {resolved}\n  early: {resolved - on_time - late}\n  on_time: {on_time}\n"
            f"  late: {late}\nin_progress:\n  within_limit: {in_progress}\n  overdue: 0\npaused: {paused}\n"
            f"digitized:\n  on_receipt: {rng.randint(received * 9 // 10, received)}\n"
            f"  results: {rng.randint(resolved * 8 // 10, resolved)}\n"
            f"online_payment:\n  paid: {rng.randint(0, fee_bearing)}\n  fee_bearing: {fee_bearing}\n"
            f"survey:\n  answered: {answered}\n  satisfied: {rng.randint(answered * 9 // 10, answered)}\n"
            "complaints:\n  received: 0\n  resolved: 0\ndomains:\n" +
            "".join(f"  - domain: {slug}\n    received: {count}\n" for slug, count in zip(DOMAIN_SLUGS, per_domain)) +
            "---\n" + words(rng, 30).capitalize() + ".\n")
    return f"{year}-{month:02d}", text, in_progress + paused


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
    "tin-tuc/single.html": """{{ define "main" }}<article><h1>{{ .Title }}</h1><p>{{ .Date.Format "02/01/2006" }} – {{ .Params.author }}</p>
<p>{{ .Params.summary }}</p>{{ .Content }}<ul>{{ range .Params.tags }}<li>{{ . }}</li>{{ end }}</ul></article>{{ end }}
""",
    "tin-tuc/list.html": """{{ define "main" }}<h1>{{ .Title }}</h1>{{ range (.Paginate .Pages.ByDate.Reverse).Pages }}<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
<p>{{ .Params.summary }}</p></article>{{ end }}{{ template "_internal/pagination.html" . }}{{ end }}
""",
    "ket-qua/single.html": """{{ define "main" }}<article><h1>{{ .Title }}</h1><table>
<tr><th>Tiếp nhận</th><td>{{ .Params.received.total }}</td><td>{{ .Params.received.online }}</td></tr>
<tr><th>Đã giải quyết</th><td>{{ .Params.resolved.total }}</td><td>{{ .Params.resolved.on_time }}</td></tr>
<tr><th>Số hóa</th><td>{{ .Params.digitized.on_receipt }}</td><td>{{ .Params.digitized.results }}</td></tr>
<tr><th>Hài lòng</th><td>{{ .Params.survey.answered }}</td><td>{{ .Params.survey.satisfied }}</td></tr></table>
<ul>{{ range .Params.domains }}<li>{{ .domain }}: {{ .received }}</li>{{ end }}</ul>{{ .Content }}</article>{{ end }}
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
    write(os.path.join(hugo, "content/tin-tuc/_index.md"), "---\ntitle: Tin tức\n---\n")
    for i in range(max(12, n // 100)):
        name, title, yaml, body = post(rng, i)
        write(os.path.join(ck, "content/news", name + ".md"), yaml + body)
        write(os.path.join(hugo, "content/tin-tuc", name + ".md"), yaml + body)
    write(os.path.join(hugo, "content/ket-qua/_index.md"), "---\ntitle: Kết quả giải quyết hồ sơ\n---\n")
    carried_over = 20
    for index in range(24):
        name, text, carried_over = results_month(rng, index, carried_over)
        write(os.path.join(ck, "content/results", name + ".md"), text)
        write(os.path.join(hugo, "content/ket-qua", name + ".md"),
              text.replace("---\n", f"---\ntitle: Kết quả tháng {name}\n", 1))


if __name__ == "__main__":
    main()
