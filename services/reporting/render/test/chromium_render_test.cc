// The HTML rendering opened in headless Chromium (Debian's `chromium`, installed by
// deploy/install-deps.sh): the page Chromium builds holds the key figures and the same structure
// as the markup, a screenshot of an A4-shaped window is saved for a person to look at, and the
// page prints to A4 pages. Everything lands in report-render-e2e/ of the build folder:
// report.html, report.dom.html, report.png, report.pdf and chromium.log.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "fixture_report.h"
#include "pif/report_render/render.h"

namespace pif::report_render {
namespace {

using testing::Occurrences;

namespace fs = std::filesystem;

constexpr auto kChromiumTimeout = std::chrono::seconds(120);

// A4 at 150 pixels per inch: 210 mm x 297 mm.
constexpr int kWindowWidth = 1240;
constexpr int kWindowHeight = 1754;

// A screenshot of this window with nothing on it is about 10 KB; the report's first screen,
// full of text, tables and charts, is many times that.
constexpr int64_t kSmallestScreenshotBytes = 60 * 1024;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

// The chromium executable: $PIF_CHROMIUM, else `chromium` on the PATH; empty when neither.
std::string FindChromium() {
  if (const char* chosen = std::getenv("PIF_CHROMIUM"); chosen != nullptr && *chosen != '\0') {
    return chosen;
  }
  const char* path = std::getenv("PATH");
  for (absl::string_view dir : absl::StrSplit(path == nullptr ? "" : path, ':')) {
    const fs::path candidate = fs::path(std::string(dir)) / "chromium";
    if (!dir.empty() && access(candidate.c_str(), X_OK) == 0) return candidate.string();
  }
  return "";
}

// The big-endian 32-bit number at `at` of `bytes` (PNG's byte order).
uint32_t BigEndian32(const std::string& bytes, size_t at) {
  uint32_t value = 0;
  for (size_t i = 0; i < 4; ++i) value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
  return value;
}

class ReportChromiumTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    out_dir_ = new fs::path(PIF_RENDER_E2E_DIR);
    fs::create_directories(*out_dir_);
    fs::remove(*out_dir_ / "chromium.log");
    absl::StatusOr<std::string> html =
        RenderReport(testing::FixtureReport(), reporting::v1::RENDER_FORMAT_HTML);
    ASSERT_TRUE(html.ok()) << html.status();
    html_ = new std::string(*html);
    std::ofstream(*out_dir_ / "report.html", std::ios::binary) << *html_;
  }

  static void TearDownTestSuite() {
    delete out_dir_;
    delete html_;
  }

  void SetUp() override {
    chromium_ = FindChromium();
    ASSERT_FALSE(chromium_.empty())
        << "chromium not found on the PATH (set PIF_CHROMIUM, or run deploy/install-deps.sh)";
    char profile[] = "/tmp/pif-chromium-XXXXXX";
    ASSERT_NE(mkdtemp(profile), nullptr);
    profile_ = profile;
  }

  void TearDown() override {
    if (!profile_.empty()) {
      std::error_code ignored;
      fs::remove_all(profile_, ignored);
    }
  }

  // Runs headless chromium on the report with `extra` arguments, its stdout to `stdout_file`; its
  // own process group is killed when it runs longer than kChromiumTimeout. Returns its exit
  // status, or -1 on timeout.
  int RunChromium(const std::vector<std::string>& extra, const fs::path& stdout_file) {
    std::vector<std::string> args = {chromium_,
                                     "--headless",
                                     "--no-sandbox",
                                     "--disable-gpu",
                                     "--disable-quic",
                                     "--no-first-run",
                                     "--disable-background-networking",
                                     "--disable-component-update",
                                     "--disable-sync",
                                     "--disable-dev-shm-usage",
                                     "--hide-scrollbars",
                                     absl::StrCat("--user-data-dir=", profile_)};
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back(absl::StrCat("file://", (*out_dir_ / "report.html").string()));
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    // The environment with HOME in the fresh profile, so nothing is written to the real home;
    // built before fork, as the child may only make async-signal-safe calls.
    std::vector<std::string> environment;
    for (char** entry = environ; *entry != nullptr; ++entry) {
      if (!absl::StartsWith(*entry, "HOME=")) environment.push_back(*entry);
    }
    environment.push_back(absl::StrCat("HOME=", profile_));
    std::vector<char*> envp;
    for (std::string& entry : environment) envp.push_back(entry.data());
    envp.push_back(nullptr);
    const fs::path log = *out_dir_ / "chromium.log";

    const pid_t pid = fork();
    if (pid == 0) {
      setpgid(0, 0);
      const int out = open(stdout_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      const int err = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
      if (out < 0 || err < 0) _exit(126);
      dup2(out, STDOUT_FILENO);
      dup2(err, STDERR_FILENO);
      execve(argv[0], argv.data(), envp.data());
      _exit(127);
    }
    if (pid < 0) return -2;
    setpgid(pid, pid);
    const auto deadline = std::chrono::steady_clock::now() + kChromiumTimeout;
    for (;;) {
      int status = 0;
      const pid_t done = waitpid(pid, &status, WNOHANG);
      if (done == pid) {
        kill(-pid, SIGKILL);  // helpers it may have left behind, by its own group id
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
      if (std::chrono::steady_clock::now() > deadline) {
        kill(-pid, SIGKILL);
        waitpid(pid, &status, 0);
        return -1;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }

  // The DOM chromium built from the page.
  std::string DumpDom() {
    const fs::path dom = *out_dir_ / "report.dom.html";
    EXPECT_EQ(RunChromium({"--dump-dom"}, dom), 0) << "see " << (*out_dir_ / "chromium.log");
    return ReadFile(dom);
  }

  static fs::path* out_dir_;
  static std::string* html_;
  std::string chromium_;
  std::string profile_;
};

fs::path* ReportChromiumTest::out_dir_ = nullptr;
std::string* ReportChromiumTest::html_ = nullptr;

TEST_F(ReportChromiumTest, RenderedPageHoldsTheKeyFiguresAndTheWholeStructure) {
  const std::string dom = DumpDom();
  ASSERT_FALSE(dom.empty());
  const reporting::v1::Report report = testing::FixtureReport();
  EXPECT_TRUE(absl::StrContains(dom, "<html lang=\"en-GB\">"));
  EXPECT_TRUE(absl::StrContains(
      dom,
      "<h1>Performance Improvement Framework report: S12000099, 1 August 2023 to 31 July "
      "2024</h1>"));
  for (const auto& question : report.key_questions()) {
    EXPECT_TRUE(absl::StrContains(
        dom, absl::StrCat("Key question ", question.number(), ": ", question.question(), "</h2>")))
        << question.question();
    for (const auto& area : question.areas()) {
      EXPECT_TRUE(absl::StrContains(
          dom, absl::StrCat("Area ", area.number(), ": ", area.title(), "</h3>")));
    }
  }
  // The same elements as the markup: nothing swallowed by a broken tag.
  for (const char* element : {"<article", "<table", "<svg", "<section", "<h5", "<tr"}) {
    EXPECT_EQ(Occurrences(dom, element), Occurrences(*html_, element)) << element;
  }
  EXPECT_EQ(Occurrences(dom, "<article class=\"indicator\""), testing::kIndicatorCount);
  // Key figures.
  EXPECT_TRUE(absl::StrContains(dom, "<span class=\"headline\">12.5%</span>"));  // 1 S.1
  EXPECT_TRUE(absl::StrContains(dom, "<span class=\"headline\">13.1%</span>"));  // 1 N.1
  EXPECT_TRUE(absl::StrContains(dom, "<span class=\"headline\">8.4</span>"));    // 7.3a
  EXPECT_TRUE(absl::StrContains(dom, "<span class=\"headline\">75.0%</span>"));  // 9.1
  EXPECT_TRUE(absl::StrContains(dom, "<td>4.8 years</td>"));                     // 7.1 median
  EXPECT_TRUE(absl::StrContains(dom, "Median grade of the evaluated areas: <strong>4.5"));
  EXPECT_TRUE(absl::StrContains(dom, "Areas evaluated: <strong>8 of 10</strong>"));
  // The council's free text is text in the page, not an element.
  EXPECT_FALSE(absl::StrContains(dom, "<script"));
  EXPECT_TRUE(absl::StrContains(dom, "review &lt;script&gt;alert('pif')&lt;/script&gt;"));
  EXPECT_FALSE(absl::StrContains(dom, "<b>North"));
}

TEST_F(ReportChromiumTest, ScreenshotOfTheFirstPageIsSavedAndNotBlank) {
  const fs::path png = *out_dir_ / "report.png";
  fs::remove(png);
  ASSERT_EQ(RunChromium({absl::StrCat("--screenshot=", png.string()),
                         absl::StrCat("--window-size=", kWindowWidth, ",", kWindowHeight)},
                        *out_dir_ / "chromium.out"),
            0)
      << "see " << (*out_dir_ / "chromium.log");
  ASSERT_TRUE(fs::exists(png)) << png;
  const std::string bytes = ReadFile(png);
  ASSERT_GE(bytes.size(), 24u);
  EXPECT_EQ(bytes.substr(0, 8), "\x89PNG\r\n\x1a\n");
  EXPECT_EQ(bytes.substr(12, 4), "IHDR");
  EXPECT_EQ(BigEndian32(bytes, 16), static_cast<uint32_t>(kWindowWidth));
  EXPECT_EQ(BigEndian32(bytes, 20), static_cast<uint32_t>(kWindowHeight));
  EXPECT_GT(static_cast<int64_t>(bytes.size()), kSmallestScreenshotBytes) << png << " looks blank";
}

TEST_F(ReportChromiumTest, PagePrintsOnA4Pages) {
  const fs::path pdf = *out_dir_ / "report.pdf";
  fs::remove(pdf);
  ASSERT_EQ(RunChromium({"--no-pdf-header-footer", absl::StrCat("--print-to-pdf=", pdf.string())},
                        *out_dir_ / "chromium.out"),
            0)
      << "see " << (*out_dir_ / "chromium.log");
  const std::string bytes = ReadFile(pdf);
  ASSERT_TRUE(absl::StartsWith(bytes, "%PDF-")) << pdf;
  // Every page is A4 (595 x 842 points), whatever the printer's default, because of @page.
  const int pages = Occurrences(bytes, "/MediaBox [");
  EXPECT_GT(pages, 6);  // the key questions start on a page of their own
  EXPECT_EQ(Occurrences(bytes, "/MediaBox [0 0 594.95996 841.91998]"), pages);
}

}  // namespace
}  // namespace pif::report_render
