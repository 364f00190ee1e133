// A small in-memory site for tests: two domains, two procedures, one page.
#pragma once

#include <string>

#include "disk.h"

namespace ck::testing {

inline const char* kSiteYaml =
    "commune: Thử\nauthority: UBND xã Thử\ndistrict: huyện A\nprovince: tỉnh B\n"
    "base_url: https://thu.example.vn/\ncontact:\n  address: Thôn 1\n  hotline: 0900 000 000\n"
    "opening_hours:\n  - days: Thứ Hai – Thứ Sáu\n    hours: 7:30–17:00\n";

inline const char* kDomainsYaml =
    "domains:\n  - slug: ho-tich\n    name: Hộ tịch\n    order: 1\n"
    "  - slug: chung-thuc\n    name: Chứng thực\n    order: 2\n";

inline std::string procedure(const std::string& code, const std::string& name,
                             const std::string& domain, const std::string& extra = "") {
  return "---\ncode: \"" + code + "\"\nname: " + name + "\ndomain: " + domain +
         "\nchannels:\n  - channel: truc-tiep\n    time_limit: Trong ngày\n    fee: Miễn phí\n" + extra +
         "---\nBước 1: nộp hồ sơ.\n";
}

// Adds procedures "<name> 0" to "<name> <count - 1>" in `domain`, coded
// 9.000000 onwards; the one numbered `renamed` has `suffix` after its name.
inline void add_numbered_procedures(MemoryDisk& disk, const std::string& domain, const std::string& name,
                                    int count, int renamed = -1, const std::string& suffix = "") {
  for (int i = 0; i < count; ++i) {
    const std::string n = std::to_string(i);
    disk.files["procedures/" + domain + "/tt-" + n + ".md"] = procedure(
        "9." + std::string(6 - n.size(), '0') + n, name + " " + n + (i == renamed ? suffix : ""), domain);
  }
}

inline MemoryDisk small_site() {
  MemoryDisk disk;
  disk.files["content/site.yaml"] = kSiteYaml;
  disk.files["procedures/domains.yaml"] = kDomainsYaml;
  disk.files["procedures/ho-tich/khai-sinh.md"] = procedure("1.001193", "Đăng ký khai sinh", "ho-tich");
  disk.files["procedures/chung-thuc/ban-sao.md"] =
      procedure("2.000815", "Chứng thực bản sao từ bản chính", "chung-thuc");
  disk.files["content/pages/gioi-thieu.md"] = "---\ntitle: Giới thiệu\nmenu: 1\n---\nXã Thử.\n";
  return disk;
}

}  // namespace ck::testing
