#include "html_escape.h"

#include <gtest/gtest.h>

#include <string>

namespace pif::report_render {
namespace {

TEST(ReportEscapeHtml, MarkupCharactersBecomeCharacterReferences) {
  EXPECT_EQ(EscapeHtml("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
  EXPECT_EQ(EscapeHtml("&amp;"), "&amp;amp;");
}

TEST(ReportEscapeHtml, ValidUtf8PassesThroughWhole) {
  EXPECT_EQ(EscapeHtml("Gàidhlig \u00D3ban \u20AC5 \U0001F600"),
            "Gàidhlig \u00D3ban \u20AC5 \U0001F600");
  EXPECT_EQ(EscapeHtml("line one\nline two\ttab"), "line one\nline two\ttab");
}

TEST(ReportEscapeHtml, InvalidBytesAndControlCharactersBecomeReplacementCharacters) {
  EXPECT_EQ(EscapeHtml(std::string("a\xFF"
                                   "b")),
            "a\uFFFDb");
  EXPECT_EQ(EscapeHtml(std::string("a\xC3")), "a\uFFFD");                    // cut sequence
  EXPECT_EQ(EscapeHtml(std::string("\xC0\xBC")), "\uFFFD\uFFFD");            // overlong '<'
  EXPECT_EQ(EscapeHtml(std::string("\xED\xA0\x80")), "\uFFFD\uFFFD\uFFFD");  // surrogate
  EXPECT_EQ(EscapeHtml(std::string("a\0b", 3)), "a\uFFFDb");
  EXPECT_EQ(EscapeHtml("a\x1b[31mb"), "a\uFFFD[31mb");
  EXPECT_EQ(EscapeHtml("\u0085"), "\uFFFD");
}

}  // namespace
}  // namespace pif::report_render
