// QR codes: the libqrencode wrapper, the SVG and PNG drawings, the site's
// payloads and settings, and the messages for codes that cannot be made.
#include <gtest/gtest.h>
#include <png.h>

#include <map>

#include "load.h"
#include "png_writer.h"
#include "print.h"
#include "qr.h"
#include "qr_codes.h"
#include "qr_image.h"
#include "test_site.h"
#include "theme.h"

namespace ck {
namespace {

TEST(Qr, ShortUrlGivesASmallCodeWithAQuietZoneOfFourModules) {
  QrResult r = encode_qr("https://quangkhai.example.vn/tthc/1.001193/", {});
  ASSERT_TRUE(r.matrix);
  const QrMatrix& m = *r.matrix;
  EXPECT_EQ(m.quiet_zone(), 4);
  EXPECT_EQ(m.symbol_size(), 17 + 4 * m.version());
  EXPECT_EQ(m.size(), m.symbol_size() + 8);
  EXPECT_LE(m.version(), 4);
  for (int i = 0; i < m.size(); ++i) {
    EXPECT_FALSE(m.dark(i, 0));
    EXPECT_FALSE(m.dark(0, i));
    EXPECT_FALSE(m.dark(i, m.size() - 1));
  }
  // The top-left finder pattern starts right after the quiet zone.
  EXPECT_TRUE(m.dark(4, 4));
  EXPECT_TRUE(m.dark(10, 4));
  EXPECT_FALSE(m.dark(5, 5));
}

TEST(Qr, LevelQNeedsALargerCodeThanLevelM) {
  std::string url = "https://quangkhai.example.vn/tthc/1.001193.000.00.00.H35/";
  QrOptions q;
  q.level = QrLevel::Q;
  EXPECT_LT(encode_qr(url, {}).matrix->version(), encode_qr(url, q).matrix->version());
}

TEST(Qr, PayloadBeyondTheMaximumVersionIsTooLong) {
  QrOptions options;
  EXPECT_EQ(qr_capacity(options), 213);  // version 10, level M
  EXPECT_TRUE(encode_qr(std::string(213, 'a'), options).matrix);
  QrResult r = encode_qr(std::string(214, 'a'), options);
  EXPECT_FALSE(r.matrix);
  EXPECT_EQ(r.error, QrError::too_long);
  options.level = QrLevel::Q;
  EXPECT_EQ(qr_capacity(options), 151);
  EXPECT_EQ(encode_qr(std::string(152, 'a'), options).error, QrError::too_long);
  EXPECT_EQ(encode_qr("", options).error, QrError::empty);
}

TEST(QrImage, SvgIsOnePathInModulesWithATitle) {
  QrMatrix m = *encode_qr("https://a.example.vn/tthc/1/", {}).matrix;
  std::string svg = qr_svg(m, "Mã QR <&>");
  std::string n = std::to_string(m.size());
  EXPECT_NE(svg.find("viewBox=\"0 0 " + n + " " + n + "\""), std::string::npos);
  EXPECT_NE(svg.find("shape-rendering=\"crispEdges\""), std::string::npos);
  EXPECT_NE(svg.find("role=\"img\""), std::string::npos);
  EXPECT_NE(svg.find("<title>Mã QR &lt;&amp;&gt;</title>"), std::string::npos);
  EXPECT_EQ(svg.find("<path"), svg.rfind("<path"));
  // The first dark run is the top row of the finder pattern, after the quiet zone.
  EXPECT_NE(svg.find("d=\"M4 4h7v1h-7z"), std::string::npos) << svg;
}

TEST(QrImage, PngIsAtLeast1200PixelsAndTheSameBytesEveryTime) {
  QrMatrix m = *encode_qr("https://a.example.vn/tthc/1/", {}).matrix;
  std::string png = qr_png(m);
  ASSERT_GT(png.size(), 24u);
  EXPECT_EQ(png.substr(1, 3), "PNG");
  auto be32 = [&](std::size_t at) {
    return (static_cast<unsigned char>(png[at]) << 24) | (static_cast<unsigned char>(png[at + 1]) << 16) |
           (static_cast<unsigned char>(png[at + 2]) << 8) | static_cast<unsigned char>(png[at + 3]);
  };
  EXPECT_GE(be32(16), 1200u);
  EXPECT_EQ(be32(16) % m.size(), 0u);  // whole pixels per module
  EXPECT_EQ(png[24], 1);                // 1 bit per pixel
  EXPECT_EQ(png.find("tIME"), std::string::npos);
  EXPECT_EQ(qr_png(m), png);
}

// Decodes a PNG with libpng's reader: one byte per pixel, 0 for black.
std::vector<std::uint8_t> decode_png(const std::string& png, int& width, int& height) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_memory(&image, png.data(), png.size())) return {};
  image.format = PNG_FORMAT_GRAY;
  std::vector<std::uint8_t> pixels(PNG_IMAGE_SIZE(image));
  if (!png_image_finish_read(&image, nullptr, pixels.data(), 0, nullptr)) return {};
  width = static_cast<int>(image.width);
  height = static_cast<int>(image.height);
  return pixels;
}

TEST(QrImage, PngDecodesToTheModulesOfTheCode) {
  QrMatrix m = *encode_qr("https://a.example.vn/tthc/1.000001/", {}).matrix;
  for (int min_width : {1, 100, 1200}) {  // one pixel per module, and rows repeated
    int width = 0, height = 0;
    std::vector<std::uint8_t> pixels = decode_png(qr_png(m, min_width), width, height);
    ASSERT_FALSE(pixels.empty()) << min_width;
    const int scale = width / m.size();
    ASSERT_EQ(width, m.size() * scale);
    ASSERT_EQ(height, width);
    int wrong = 0;
    for (int y = 0; y < height; ++y)
      for (int x = 0; x < width; ++x)
        wrong += (pixels[static_cast<std::size_t>(y) * width + x] == 0) != m.dark(x / scale, y / scale);
    EXPECT_EQ(wrong, 0) << "scale " << scale;
  }
}

TEST(QrImage, PngOfAWidthThatIsNotAWholeNumberOfBytes) {
  BilevelImage image;
  image.width = 11;  // two bytes a row, five bits of padding
  image.height = 9;
  image.repeat = 3;
  image.black = {0xff, 0xe0, 0x00, 0x00, 0xaa, 0x80};
  int width = 0, height = 0;
  std::vector<std::uint8_t> pixels = decode_png(encode_png(image), width, height);
  ASSERT_EQ(pixels.size(), 99u);
  for (int y = 0; y < 9; ++y)
    for (int x = 0; x < 11; ++x) {
      const bool black = image.black[static_cast<std::size_t>(y / 3) * 2 + x / 8] & (0x80 >> (x % 8));
      EXPECT_EQ(pixels[static_cast<std::size_t>(y) * 11 + x] == 0, black) << x << "," << y;
    }
}

// Runs longer than one deflate match (258 bytes), runs of every short
// length, and rows too wide to be copied from one row back (32 KB).
TEST(QrImage, PngOfLongRunsAndWideRows) {
  for (int width : {8 * 259, 8 * 520 + 3, 8 * 40000}) {
    for (int repeat : {1, 2, 3, 5}) {
      BilevelImage image;
      image.width = width;
      image.repeat = repeat;
      const std::size_t row_bytes = image.row_bytes();
      std::vector<std::uint8_t> runs;
      for (std::size_t length = 1; runs.size() < row_bytes; length = length % 263 + 1)
        runs.insert(runs.end(), length, runs.empty() || runs.back() == 0x00 ? 0xff : 0x00);
      runs.resize(row_bytes);
      // The first row is the second with a byte in every 40 changed: the
      // second is partly copied from it.
      image.black = runs;
      for (std::size_t x = 0; x < row_bytes; x += 40) image.black[x] = static_cast<std::uint8_t>(x);
      image.black.insert(image.black.end(), runs.begin(), runs.end());
      image.height = 2 * repeat;
      int decoded_width = 0, height = 0;
      std::vector<std::uint8_t> pixels = decode_png(encode_png(image), decoded_width, height);
      ASSERT_EQ(pixels.size(), static_cast<std::size_t>(width) * image.height) << width << " " << repeat;
      int wrong = 0;
      for (int y = 0; y < image.height; ++y)
        for (int x = 0; x < width; ++x) {
          const bool black =
              image.black[static_cast<std::size_t>(y / repeat) * row_bytes + x / 8] & (0x80 >> (x % 8));
          wrong += (pixels[static_cast<std::size_t>(y) * width + x] == 0) != black;
        }
      EXPECT_EQ(wrong, 0) << width << " " << repeat;
    }
  }
}

// The site's payloads and checks, on the in-memory test site.
class QrSiteTest : public ::testing::Test {
 protected:
  Site build(MemoryDisk disk) {
    Site site = build_model(load_sources({}, disk, diags_), diags_);
    check_qr_codes(site, diags_);
    return site;
  }
  Diagnostics diags_;
};

TEST_F(QrSiteTest, CodesEncodeTheShortUrlByDefault) {
  Site site = build(testing::small_site());
  ASSERT_FALSE(diags_.has_errors()) << format_all(diags_, Lang::en);
  auto payload = procedure_qr_payload(site, *site.find_procedure("1.001193"));
  ASSERT_TRUE(payload);
  EXPECT_EQ(payload->url, "https://thu.example.vn/tthc/1.001193/");
  EXPECT_EQ(payload->origin.file, "procedures/ho-tich/khai-sinh.md");
  EXPECT_EQ(payload->origin.line, 2);
}

TEST_F(QrSiteTest, OnlineUrlSiteWideFallsBackToShortUrlWithoutOne) {
  MemoryDisk disk = testing::small_site();
  disk.files["content/site.yaml"] += "qr:\n  encode: online-url\n  error_correction: Q\n  poster_pdfs: false\n";
  disk.files["procedures/ho-tich/khai-sinh.md"] = testing::procedure(
      "1.001193", "Đăng ký khai sinh", "ho-tich", "online_url: https://dichvucong.gov.vn/x?ma=1.001193\n");
  Site site = build(disk);
  ASSERT_FALSE(diags_.has_errors()) << format_all(diags_, Lang::en);
  EXPECT_EQ(site.config.qr.level, QrLevel::Q);
  EXPECT_FALSE(site.config.qr.poster_pdfs);
  EXPECT_EQ(procedure_qr_payload(site, *site.find_procedure("1.001193"))->url,
            "https://dichvucong.gov.vn/x?ma=1.001193");
  EXPECT_EQ(procedure_qr_payload(site, *site.find_procedure("2.000815"))->url,
            "https://thu.example.vn/tthc/2.000815/");
}

TEST_F(QrSiteTest, ProcedureCanAskForItsShortUrlAgainstTheSiteSetting) {
  MemoryDisk disk = testing::small_site();
  disk.files["content/site.yaml"] += "qr:\n  encode: online-url\n";
  disk.files["procedures/ho-tich/khai-sinh.md"] = testing::procedure(
      "1.001193", "Đăng ký khai sinh", "ho-tich", "online_url: https://dichvucong.gov.vn/x\nqr_encode: short-url\n");
  Site site = build(disk);
  EXPECT_EQ(procedure_qr_payload(site, *site.find_procedure("1.001193"))->url, "https://thu.example.vn/tthc/1.001193/");
}

TEST_F(QrSiteTest, ProcedureWithoutCodeGetsNoQrCode) {
  MemoryDisk disk = testing::small_site();
  disk.files["procedures/ho-tich/khai-sinh.md"] =
      "---\nname: Đăng ký khai sinh\ndomain: ho-tich\nchannels:\n  - channel: truc-tiep\n"
      "    time_limit: Trong ngày\n    fee: Miễn phí\n---\n";
  Site site = build(disk);
  EXPECT_FALSE(diags_.has_errors());
  EXPECT_EQ(diags_.warning_count(), 1);  // from the model: no code, no short URL, no QR code
  const Procedure& p = site.procedures.front();
  ASSERT_TRUE(p.code.empty());
  EXPECT_FALSE(procedure_qr_payload(site, p));
  EXPECT_FALSE(QrCodes(site).procedure(p));
  ASSERT_FALSE(site.domains.empty());
  EXPECT_TRUE(coded_procedures(site, *site.find_domain("ho-tich")).empty());
}

TEST_F(QrSiteTest, TooLongUrlIsReportedAtItsField) {
  MemoryDisk disk = testing::small_site();
  disk.files["procedures/ho-tich/khai-sinh.md"] = testing::procedure(
      "1.001193", "Đăng ký khai sinh", "ho-tich",
      "online_url: https://dichvucong.gov.vn/" + std::string(200, 'x') + "\nqr_encode: online-url\n");
  build(disk);
  ASSERT_EQ(diags_.error_count(), 1) << format_all(diags_, Lang::en);
  Diagnostic d = diags_.sorted().front();
  EXPECT_EQ(d.pos.file, "procedures/ho-tich/khai-sinh.md");
  EXPECT_EQ(d.pos.line, 9);  // online_url, after the helper's name, domain and channel lines
  EXPECT_NE(d.message.en.find("too long for a QR code at error correction level M (at most 213)"), std::string::npos);
}

TEST_F(QrSiteTest, SurveyUrlMustBeAWebAddress) {
  MemoryDisk disk = testing::small_site();
  disk.files["content/site.yaml"] += "survey_url: \"javascript:alert(1)\"\n";
  Site site = build(disk);
  ASSERT_EQ(diags_.error_count(), 1);
  EXPECT_EQ(diags_.sorted().front().pos.line, 12);
  EXPECT_TRUE(site.config.survey_url.empty());
  EXPECT_FALSE(QrCodes(site).survey());
}

TEST_F(QrSiteTest, PrintPlanSkipsPosterPdfsWhenTurnedOff) {
  MemoryDisk disk = testing::small_site();
  disk.files["content/site.yaml"] += "survey_url: https://khaosat.example.vn/x\nqr:\n  poster_pdfs: false\n";
  Site site = build(disk);
  RealDisk real;
  auto theme = Theme::load({CONGKHAI_THEMES_DIR, "default", "vi", ""}, real, diags_);
  ASSERT_TRUE(theme);
  RenderContext ctx(site, *theme);
  std::vector<RenderJob> jobs;
  plan_print(ctx, jobs);
  std::vector<std::string> paths;
  for (const RenderJob& job : jobs) paths.push_back(job.path);
  auto has = [&](const std::string& path) { return std::find(paths.begin(), paths.end(), path) != paths.end(); };
  EXPECT_TRUE(has("thu-tuc/dang-ky-khai-sinh/qr.svg"));
  EXPECT_TRUE(has("thu-tuc/dang-ky-khai-sinh/qr.png"));
  EXPECT_TRUE(has("in-an/thu-tuc/dang-ky-khai-sinh/index.html"));
  EXPECT_FALSE(has("in-an/thu-tuc/dang-ky-khai-sinh.pdf"));
  EXPECT_TRUE(has("in-an/linh-vuc/ho-tich.pdf"));
  EXPECT_TRUE(has("in-an/tat-ca.pdf"));
  EXPECT_TRUE(has("in-an/khao-sat.pdf"));
  EXPECT_TRUE(has("in-an/khao-sat/qr.svg"));
}

// A news post, a results month or a page changes `inputs`, not `print`: the
// PDFs keep their keys (and are not drawn again) while the pages are remade.
TEST_F(QrSiteTest, PdfKeysFollowThePrintKeyAloneNotTheOtherInputs) {
  MemoryDisk disk = testing::small_site();
  Site site = build(disk);
  RealDisk real;
  auto theme = Theme::load({CONGKHAI_THEMES_DIR, "default", "vi", ""}, real, diags_);
  ASSERT_TRUE(theme);
  auto keys = [&](InputKeys input_keys) {
    RenderContext ctx(site, *theme, input_keys);
    std::vector<RenderJob> jobs;
    plan_print(ctx, jobs);
    std::map<std::string, std::uint64_t> by_path;
    for (const RenderJob& job : jobs) by_path[job.path] = job.key;
    return by_path;
  };
  auto before = keys({1, 10, 100});
  auto news_edited = keys({1, 11, 100});
  auto theme_edited = keys({1, 12, 101});
  for (const std::string pdf :
       {"in-an/tat-ca.pdf", "in-an/linh-vuc/ho-tich.pdf", "in-an/thu-tuc/dang-ky-khai-sinh.pdf"}) {
    ASSERT_TRUE(before.count(pdf)) << pdf;
    EXPECT_EQ(before[pdf], news_edited[pdf]) << pdf;
    EXPECT_NE(before[pdf], theme_edited[pdf]) << pdf;
  }
  // The poster's page, like the procedure's, follows the print key too.
  const std::string page = "in-an/thu-tuc/dang-ky-khai-sinh/index.html";
  EXPECT_EQ(before[page], news_edited[page]);
  EXPECT_NE(before[page], theme_edited[page]);
}

}  // namespace
}  // namespace ck
