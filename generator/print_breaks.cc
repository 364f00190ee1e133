#include "print_breaks.h"

#include <algorithm>
#include <iterator>
#include <limits>
#include <map>
#include <vector>

#include "unicode.h"

namespace ck {
namespace {

// Words of two syllables (folded, see fold_diacritics) that procedure names
// and the standard domains use most: a break between their syllables reads
// as two words.
constexpr std::string_view kWords[] = {
    "ho tich",     "khai sinh",  "khai tu",    "ket hon",     "ly hon",        "giam ho",     "chung thuc",
    "ban sao",     "ban chinh",  "giay to",    "hop dong",    "giao dich",     "dat dai",     "tai san",
    "nha o",       "cap xa",     "xa hoi",     "tro cap",     "ho tro",        "co cong",     "thu tuc",
    "dang ky",     "dang ki",    "xac nhan",   "hon nhan",    "tinh trang",    "con nuoi",    "nuoi con",
    "khen thuong", "cong dan",   "khieu nai",  "to cao",      "giai quyet",    "hoa giai",    "co so",
    "tin nguong",  "ton giao",   "van hoa",    "the thao",    "nong nghiep",   "phong chong", "tham nhung",
    "thi dua",     "trich luc",  "su dung",    "chu ky",      "chu ki",        "diem chi",    "co quan",
    "to chuc",     "tham quyen", "viet nam",   "lan dau",     "sai sot",       "di chuc",     "quoc tich",
    "thuong tru",  "tam tru",    "cu tru",     "bao tro",     "tre em",        "cao tuoi",    "khuyet tat",
    "mai tang",    "ho ngheo",   "can ngheo",  "thuong binh", "liet si",       "gia dinh",    "than nhan",
    "dan toc",     "hanh chinh", "dich vu",    "truc tuyen",  "giay phep",     "kinh doanh",  "xay dung",
    "moi truong",  "tai nguyen", "thu hoi",    "boi thuong",  "chuyen nhuong", "thua ke",     "tang cho",
    "the chap",    "dieu chinh", "bo sung",    "cap lai",     "cap doi",       "thay doi",    "cai chinh",
    "dan su",      "ghi chu",    "nuoc ngoai", "yeu to",      "quyet dinh",    "van ban",     "ho so",
    "lien quan",   "hoc sinh",   "sinh vien",  "benh binh",   "huong dan",     "nghia vu",    "quan su",
    "thong tin",   "lao dong",   "viec lam",   "tiep nhan",   "doan the",      "thon xom",    "khu pho",
    "chinh sach",  "phu cap",    "dong bao",   "ve sinh",     "an toan",       "thuc pham",   "gia suc",
    "thuy san",    "lam nghiep", "thuy loi",   "phuong tien", "giao thong",    "dien luc",    "ket hop",
    "che do",      "giai vien",  "tai nan",    "rui ro",      "le hoi",        "cau lac",     "lac bo",
    "gan lien",    "so huu",     "cong dong",  "dan cu",      "dinh cu",       "tranh chap",  "hoat dong",
    "sinh hoat",   "tap trung",  "thu lao",    "chi phi",     "doi tuong",     "hang thang",  "cham soc",
    "nuoi duong",  "xac dinh",   "muc do",     "chien binh",  "tho cung",      "cong nhan",   "thong bao",
    "thanh toan",  "thuc hien",  "to truong",  "trong nuoc",  "kinh phi",      "cham dut",    "xu ly",
    "uy ban",      "nhan dan",   "chu tich",   "nhiem vu",    "chinh tri",     "chuyen doi",  "co cau",
    "cay trong",   "kham chua",  "chua benh",  "luc luong",   "xung kich",     "bao hiem",    "y te",
    "giai trinh",  "suc khoe",   "tinh mang",  "tham gia",    "thien tai",     "dong san",    "chung nhan",
    "yeu cau",     "truong hop"};

// Words a phrase begins with: breaking before one keeps the phrase whole.
constexpr std::string_view kPhraseStarts[] = {
    "cua", "cho",  "tai", "va",  "voi",  "theo",  "trong", "tu",    "do",    "doi",  "thuoc", "tren",
    "khi", "hoac", "ve",  "den", "giua", "nhung", "sau",   "truoc", "ngoai", "bang", "qua",   "o"};

constexpr double kInWord = 100;

bool is_punctuation_end(std::string_view word) {
  return !word.empty() && std::string_view(",;:)").find(word.back()) != std::string_view::npos;
}

bool in(std::string_view word, const auto& list) {
  return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

// Words' widths, which labels share ("Đăng", "ký" …): measured once per
// style by each thread.
double word_width(PdfDocument& doc, const std::string& word, const PdfTextStyle& style) {
  thread_local std::map<std::string, double> widths;
  const std::string key = std::to_string(style.size_pt) + (style.bold ? "b " : " ") + word;
  auto found = widths.find(key);
  if (found != widths.end()) return found->second;
  return widths[key] = doc.width(word, style);
}

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  for (std::size_t start = 0; start <= text.size();) {
    std::size_t end = std::min(text.find(' ', start), text.size());
    if (end > start) words.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

// The fewest lines words of these widths take, greedily.
std::size_t fewest_lines(const std::vector<double>& widths, double space, double width) {
  std::size_t lines = 1;
  double line = 0;
  for (std::size_t i = 0; i < widths.size(); ++i) {
    const double with = i == 0 || line == 0 ? widths[i] : line + space + widths[i];
    if (line > 0 && with > width) {
      ++lines;
      line = widths[i];
    } else {
      line = with;
    }
  }
  return lines;
}

// The cost of breaking before each word (joins[0] unused).
std::vector<double> join_costs(const std::vector<std::string>& words) {
  std::vector<double> joins(words.size(), 0);
  for (std::size_t i = 1; i < words.size(); ++i) joins[i] = break_cost(words[i - 1], words[i]);
  return joins;
}

constexpr double kNever = std::numeric_limits<double>::infinity();

// The least cost of `lines` lines for words of `widths`, and where each line
// begins (in `starts`, last line first); infinite when they do not fit.
double best_breaks(const std::vector<double>& joins, const std::vector<double>& widths, double space,
                   double width, std::size_t lines, std::vector<std::size_t>& starts) {
  const std::size_t n = widths.size();
  // cost[k][i]: the least cost of the first i words on k lines; from[k][i]:
  // where that last line begins.
  std::vector<std::vector<double>> cost(lines + 1, std::vector<double>(n + 1, kNever));
  std::vector<std::vector<std::size_t>> from(lines + 1, std::vector<std::size_t>(n + 1, 0));
  cost[0][0] = 0;
  for (std::size_t k = 1; k <= lines; ++k)
    for (std::size_t end = 1; end <= n; ++end) {
      double line = -space;
      for (std::size_t begin = end; begin-- > 0;) {
        line += widths[begin] + space;
        if (line > width && begin + 1 < end) break;
        if (cost[k - 1][begin] == kNever) continue;
        // The last line may be short, as in greedy breaking.
        const double slack = end < n ? std::max(0.0, width - line) / width : 0;
        const double total = cost[k - 1][begin] + 20 * slack * slack + (end < n ? joins[end] : 0);
        if (total < cost[k][end]) cost[k][end] = total, from[k][end] = begin;
      }
    }
  starts.clear();
  if (cost[lines][n] == kNever) return kNever;
  for (std::size_t k = lines, end = n; k > 0; end = from[k][end], --k) starts.push_back(from[k][end]);
  return cost[lines][n];
}

// How many of the lines beginning at `starts` begin inside a word.
std::size_t cut_words(const std::vector<double>& joins, const std::vector<std::size_t>& starts) {
  return std::count_if(starts.begin(), starts.end(),
                       [&](std::size_t i) { return i > 0 && joins[i] >= kInWord; });
}

}  // namespace

double break_cost(std::string_view before, std::string_view after) {
  if (is_punctuation_end(before) || after.starts_with("(")) return 0;
  const std::string next = fold_diacritics(after);
  if (in(next, kPhraseStarts)) return 2;
  if (in(fold_diacritics(std::string(before) + " " + std::string(after)), kWords)) return kInWord;
  return 6;
}

std::string with_line_breaks(PdfDocument& doc, std::string_view text, const PdfTextStyle& style,
                             double width) {
  if (text.find('\n') != std::string_view::npos) return std::string(text);
  const std::vector<std::string> words = words_of(text);
  if (words.size() < 2) return std::string(text);
  std::vector<double> widths;
  for (const std::string& word : words) widths.push_back(word_width(doc, word, style));
  const double space = word_width(doc, "n n", style) - 2 * word_width(doc, "n", style);
  const std::size_t lines = fewest_lines(widths, space, width);
  if (lines == 1) return std::string(text);
  const std::vector<double> joins = join_costs(words);
  // A line or two more, each only when it keeps a word more whole.
  std::vector<std::size_t> starts, longer;
  best_breaks(joins, widths, space, width, lines, starts);
  std::size_t cut = cut_words(joins, starts);
  for (std::size_t more = lines + 1; cut > 0 && more <= std::min(lines + 2, words.size()); ++more)
    if (best_breaks(joins, widths, space, width, more, longer) < kNever && cut_words(joins, longer) < cut)
      cut = cut_words(joins, longer), starts = longer;
  if (starts.empty()) return std::string(text);
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += std::find(starts.begin(), starts.end(), i) != starts.end() ? '\n' : ' ';
    out += words[i];
  }
  return out;
}

}  // namespace ck
