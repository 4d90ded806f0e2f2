package dev.signet.runtime;

import java.util.List;

/**
 * The signed text a verifier rebuilt from what it received, line by line with the name of the
 * parameter each line comes from, so that a developer can see which line differs from the text
 * their signer signed.
 *
 * @param lines the lines before normalization, in signed order; absent parameters have none
 * @param signedText the text that was signed after the scheme's normalization
 */
public record SignedTextReport(List<Line> lines, String signedText) {

  /**
   * One line: the parameter it comes from ({@code request URL}, or {@code host} and {@code path},
   * for the first; {@code URL as written} for a scheme that signs that) and its text.
   */
  public record Line(String source, String text) {}

  public SignedTextReport {
    lines = List.copyOf(lines);
  }

  /**
   * The 1-based number of the first line of the normalized signed text that differs from the same
   * line of {@code theirs}, or 0 when the two are the same.
   */
  public int firstDifferingLine(String theirs, String separator) {
    String[] ours = signedText.split(java.util.regex.Pattern.quote(separator), -1);
    String[] other = theirs.split(java.util.regex.Pattern.quote(separator), -1);
    for (int i = 0; i < Math.max(ours.length, other.length); i++) {
      if (i >= ours.length || i >= other.length || !ours[i].equals(other[i])) {
        return i + 1;
      }
    }
    return 0;
  }

  /** The lines, numbered and labelled, one per line of text. */
  @Override
  public String toString() {
    StringBuilder report = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      Line line = lines.get(i);
      report
          .append(i + 1)
          .append(' ')
          .append(line.source())
          .append(": ")
          .append(line.text())
          .append('\n');
    }
    return report.toString();
  }
}
