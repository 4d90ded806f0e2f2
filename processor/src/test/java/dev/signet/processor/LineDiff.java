package dev.signet.processor;

import java.util.ArrayList;
import java.util.List;

/** A unified diff of two texts, line by line, for assertion messages. */
public final class LineDiff {
  private static final int CONTEXT = 3;

  private LineDiff() {}

  /** The 1-based number of the first line where the texts differ, or 0 when they are equal. */
  public static int firstDifference(List<String> expected, List<String> actual) {
    int common = Math.min(expected.size(), actual.size());
    for (int i = 0; i < common; i++) {
      if (!expected.get(i).equals(actual.get(i))) {
        return i + 1;
      }
    }
    return expected.size() == actual.size() ? 0 : common + 1;
  }

  /** {@code diff -u}'s hunks turning {@code expected} into {@code actual}. */
  public static String unified(List<String> expected, List<String> actual) {
    List<Edit> edits = edits(expected, actual);
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < edits.size()) {
      if (edits.get(i).kind == ' ') {
        i++;
        continue;
      }
      // A hunk: from CONTEXT lines before this change to CONTEXT lines after the last change
      // that is no more than 2 * CONTEXT unchanged lines from the one before it.
      int start = Math.max(0, i - CONTEXT);
      int end = i;
      int unchanged = 0;
      for (int j = i; j < edits.size(); j++) {
        if (edits.get(j).kind == ' ') {
          if (++unchanged > 2 * CONTEXT) {
            break;
          }
        } else {
          unchanged = 0;
          end = j;
        }
      }
      end = Math.min(edits.size() - 1, end + CONTEXT);
      int expectedStart = edits.get(start).expectedLine;
      int actualStart = edits.get(start).actualLine;
      int expectedCount = 0;
      int actualCount = 0;
      StringBuilder hunk = new StringBuilder();
      for (int j = start; j <= end; j++) {
        Edit edit = edits.get(j);
        hunk.append(edit.kind).append(edit.text).append('\n');
        expectedCount += edit.kind == '+' ? 0 : 1;
        actualCount += edit.kind == '-' ? 0 : 1;
      }
      out.append("@@ -")
          .append(expectedStart)
          .append(',')
          .append(expectedCount)
          .append(" +")
          .append(actualStart)
          .append(',')
          .append(actualCount)
          .append(" @@\n")
          .append(hunk);
      i = end + 1;
    }
    return out.toString();
  }

  /** One line of the diff, with the 1-based line it is at (or before) in each text. */
  private record Edit(char kind, String text, int expectedLine, int actualLine) {}

  /** The edits of a longest common subsequence of lines. */
  private static List<Edit> edits(List<String> expected, List<String> actual) {
    int n = expected.size();
    int m = actual.size();
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] =
            expected.get(i).equals(actual.get(j))
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<Edit> edits = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && expected.get(i).equals(actual.get(j))) {
        edits.add(new Edit(' ', expected.get(i), i + 1, j + 1));
        i++;
        j++;
      } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
        edits.add(new Edit('-', expected.get(i), i + 1, j + 1));
        i++;
      } else {
        edits.add(new Edit('+', actual.get(j), i + 1, j + 1));
        j++;
      }
    }
    return edits;
  }
}
