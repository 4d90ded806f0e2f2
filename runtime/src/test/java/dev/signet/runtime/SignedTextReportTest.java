package dev.signet.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.signet.runtime.SignedTextReport.Line;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignedTextReportTest {
  private static final String TEXT = "https://h/p\nalice\nn0nce\n7";

  private static SignedTextReport report(String signedText) {
    return new SignedTextReport(
        List.of(
            new Line("request URL", "https://h/p"),
            new Line("name", "alice"),
            new Line("nonce", "n0nce"),
            new Line("count", "7")),
        signedText);
  }

  @Test
  void sameTextDiffersNowhere() {
    assertEquals(0, report(TEXT).firstDifferingLine(TEXT, "\n"));
    assertEquals(0, report("").firstDifferingLine("", "\n"));
  }

  @Test
  void theFirstLineThatDiffersCountingFromOne() {
    assertEquals(1, report(TEXT).firstDifferingLine("https://h/q\nalice\nn0nce\n7", "\n"));
    assertEquals(2, report(TEXT).firstDifferingLine("https://h/p\nAlice\nn0nce\n8", "\n"));
    assertEquals(4, report(TEXT).firstDifferingLine("https://h/p\nalice\nn0nce\n8", "\n"));
    // A line that is only longer or shorter differs.
    assertEquals(3, report(TEXT).firstDifferingLine("https://h/p\nalice\nn0nce \n7", "\n"));
  }

  @Test
  void aMissingOrExtraLineDiffersAfterTheLastSharedOne() {
    assertEquals(4, report(TEXT).firstDifferingLine("https://h/p\nalice\nn0nce", "\n"));
    assertEquals(5, report(TEXT).firstDifferingLine(TEXT + "\nextra", "\n"));
    // An empty last line is a line: trailing separators count.
    assertEquals(5, report(TEXT).firstDifferingLine(TEXT + "\n", "\n"));
    assertEquals(5, report(TEXT + "\n").firstDifferingLine(TEXT, "\n"));
    assertEquals(2, report("a").firstDifferingLine("a\n", "\n"));
  }

  @Test
  void theSeparatorIsTextNotAPattern() {
    String ours = "a|b.c|d";
    assertEquals(0, report(ours).firstDifferingLine(ours, "|"));
    assertEquals(2, report(ours).firstDifferingLine("a|bxc|d", "|"));
    assertEquals(3, report(ours).firstDifferingLine("a|b.c|e", "|"));
    // With "." as a regular expression, every character would split.
    assertEquals(2, report("x.y.z").firstDifferingLine("x.q.z", "."));
    // A separator of several characters.
    assertEquals(2, report("a::b::c").firstDifferingLine("a::B::c", "::"));
    assertEquals(0, report("a::b::c").firstDifferingLine("a::b::c", "::"));
  }

  @Test
  void toStringNumbersAndLabelsEachLine() {
    assertEquals(
        "1 request URL: https://h/p\n2 name: alice\n3 nonce: n0nce\n4 count: 7\n",
        report(TEXT).toString());
    assertEquals("", new SignedTextReport(List.of(), "").toString());
  }

  @Test
  void linesAreACopyThatCannotChange() {
    List<Line> lines = new ArrayList<>(List.of(new Line("request URL", "https://h/p")));
    SignedTextReport report = new SignedTextReport(lines, "https://h/p");
    lines.add(new Line("name", "x"));
    assertEquals(1, report.lines().size());
    assertThrows(UnsupportedOperationException.class, () -> report.lines().add(new Line("a", "b")));
    assertThrows(NullPointerException.class, () -> new SignedTextReport(null, ""));
  }
}
