package dev.signet.benchmarks.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import javax.imageio.ImageIO;

/**
 * Draws a PNG from JMH's JSON results with the JDK alone (java.awt in headless mode): for each
 * benchmark, its throughput at each thread count with JMH's 99.9% error as a whisker, and, when the
 * run had {@code -prof gc}, the bytes it allocates per operation.
 *
 * <pre>java -Djava.awt.headless=true -cp benchmarks/target/benchmarks.jar \
 *     dev.signet.benchmarks.report.JmhChart CHART.png RESULTS.json... [--title TITLE]</pre>
 */
public final class JmhChart {
  private static final int WIDTH = 1560;
  private static final int LABEL_WIDTH = 300;
  private static final int VALUE_WIDTH = 470;
  private static final int BAR_HEIGHT = 22;
  private static final int MARGIN = 30;
  private static final Color[] SERIES = {
    new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0x9467bd)
  };
  private static final Color ALLOCATION = new Color(0x8c564b);
  private static final String FLOOR = "SignBenchmark.hmacFloor";

  private JmhChart() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: JmhChart CHART.png RESULTS.json... [--title TITLE]");
      System.exit(2);
    }
    System.setProperty("java.awt.headless", "true");
    String title = "Signet: signing and verifying Omni's example embed login (JMH)";
    List<JmhResult> results = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      if (args[i].equals("--title")) {
        title = args[++i];
      } else {
        results.addAll(JmhResult.read(Paths.get(args[i])));
      }
    }
    draw(results, title, Paths.get(args[0]));
  }

  /** Draws {@code results} into a PNG at {@code png}. */
  public static void draw(List<JmhResult> results, String title, Path png) throws IOException {
    Map<String, Map<Integer, JmhResult>> byBenchmark = new LinkedHashMap<>();
    TreeSet<Integer> threadCounts = new TreeSet<>();
    for (JmhResult result : results) {
      byBenchmark
          .computeIfAbsent(result.benchmark(), b -> new LinkedHashMap<>())
          .put(result.threads(), result);
      threadCounts.add(result.threads());
    }
    List<String> benchmarks = new ArrayList<>(byBenchmark.keySet());
    // Each cost is also shown relative to the floor's at the same thread count, when there is one.
    Map<Integer, JmhResult> floors = byBenchmark.getOrDefault(FLOOR, Map.of());
    boolean hasAllocation = results.stream().anyMatch(r -> !Double.isNaN(r.allocatedBytesPerOp()));
    String unit = results.isEmpty() ? "" : results.get(0).unit();

    int groupHeight = threadCounts.size() * BAR_HEIGHT + 14;
    int throughputHeight = benchmarks.size() * groupHeight;
    int allocationHeight = hasAllocation ? benchmarks.size() * (BAR_HEIGHT + 16) : 0;
    int height =
        MARGIN
            + 40
            + 30
            + throughputHeight
            + 50
            + (hasAllocation ? 70 + allocationHeight + 40 : 0)
            + 40;

    BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, height);
    Font plain = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    Font bold = new Font(Font.SANS_SERIF, Font.BOLD, 20);
    Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

    int y = MARGIN + 10;
    g.setColor(Color.BLACK);
    g.setFont(bold);
    g.drawString(title, MARGIN, y + 10);
    y += 40;

    // Throughput.
    g.setFont(plain.deriveFont(Font.BOLD));
    g.drawString(
        "Throughput, "
            + unit
            + " of all threads: JMH's score (mean), whisker its 99.9% error; higher is better",
        MARGIN,
        y);
    int legendX = MARGIN;
    y += 22;
    g.setFont(small);
    int series = 0;
    for (int threads : threadCounts) {
      g.setColor(SERIES[series++ % SERIES.length]);
      g.fillRect(legendX, y - 11, 14, 12);
      g.setColor(Color.BLACK);
      String legend = threads + (threads == 1 ? " thread" : " threads");
      g.drawString(legend, legendX + 20, y);
      legendX += 40 + g.getFontMetrics().stringWidth(legend);
    }
    y += 14;
    double maxThroughput = 0;
    for (JmhResult result : results) {
      maxThroughput = Math.max(maxThroughput, result.score() + nanToZero(result.error()));
    }
    int plotX = MARGIN + LABEL_WIDTH;
    int plotWidth = WIDTH - plotX - VALUE_WIDTH - MARGIN;
    y = drawAxis(g, plotX, plotWidth, y, throughputHeight, maxThroughput, small);
    for (String benchmark : benchmarks) {
      g.setFont(plain);
      g.setColor(Color.BLACK);
      drawLabel(g, benchmark, MARGIN, y + (threadCounts.size() * BAR_HEIGHT) / 2 + 5);
      series = 0;
      for (int threads : threadCounts) {
        Color color = SERIES[series++ % SERIES.length];
        JmhResult result = byBenchmark.get(benchmark).get(threads);
        if (result != null) {
          int barWidth = scale(result.score(), maxThroughput, plotWidth);
          g.setColor(color);
          g.fillRect(plotX, y + 2, barWidth, BAR_HEIGHT - 4);
          drawWhisker(
              g,
              plotX,
              y + BAR_HEIGHT / 2,
              result.score(),
              result.error(),
              maxThroughput,
              plotWidth);
          g.setColor(Color.BLACK);
          g.setFont(small);
          double microsPerOp = result.threads() * 1e6 / result.score();
          JmhResult floor = floors.get(threads);
          String relative =
              floor == null || floor == result
                  ? ""
                  : String.format(
                      Locale.ROOT, ", %.1f× hmacFloor's cost", floor.score() / result.score());
          g.drawString(
              String.format(
                  Locale.ROOT,
                  "%,.0f %s%s, %s/op per thread%s",
                  result.score(),
                  result.unit(),
                  errorText(result.score(), result.error()),
                  duration(microsPerOp),
                  relative),
              plotX + plotWidth + 10,
              y + BAR_HEIGHT - 6);
        }
        y += BAR_HEIGHT;
      }
      y += 14;
    }
    y += 36;

    if (hasAllocation) {
      g.setColor(Color.BLACK);
      g.setFont(plain.deriveFont(Font.BOLD));
      g.drawString(
          "Bytes allocated per operation, gc.alloc.rate.norm (lower is better; fewest threads)",
          MARGIN,
          y);
      y += 20;
      double maxBytes = 0;
      for (JmhResult result : results) {
        maxBytes = Math.max(maxBytes, nanToZero(result.allocatedBytesPerOp()));
      }
      y = drawAxis(g, plotX, plotWidth, y, allocationHeight, maxBytes, small);
      for (String benchmark : benchmarks) {
        JmhResult result = byBenchmark.get(benchmark).get(threadCounts.first());
        if (result == null) {
          result = byBenchmark.get(benchmark).values().iterator().next();
        }
        g.setFont(plain);
        g.setColor(Color.BLACK);
        drawLabel(g, benchmark, MARGIN, y + BAR_HEIGHT / 2 + 7);
        if (!Double.isNaN(result.allocatedBytesPerOp())) {
          g.setColor(ALLOCATION);
          g.fillRect(
              plotX,
              y + 2,
              scale(result.allocatedBytesPerOp(), maxBytes, plotWidth),
              BAR_HEIGHT - 4);
          g.setColor(Color.BLACK);
          g.setFont(small);
          g.drawString(
              String.format(Locale.ROOT, "%,.0f B/op", result.allocatedBytesPerOp()),
              plotX + plotWidth + 10,
              y + BAR_HEIGHT - 6);
        }
        y += BAR_HEIGHT + 16;
      }
      y += 30;
    }

    g.setFont(small);
    g.setColor(Color.DARK_GRAY);
    JmhResult first = results.isEmpty() ? null : results.get(0);
    if (first != null) {
      g.drawString(
          String.format(
              Locale.ROOT,
              "%d fork(s), %d measurement iterations in all per bar; drawn by dev.signet.benchmarks.report.JmhChart from JMH's JSON",
              first.forks(),
              first.iterations()),
          MARGIN,
          height - 20);
    }
    g.dispose();
    ImageIO.write(image, "png", png.toFile());
  }

  private static int drawAxis(
      Graphics2D g, int x, int width, int y, int plotHeight, double max, Font font) {
    g.setFont(font);
    FontMetrics metrics = g.getFontMetrics();
    double step = niceStep(max / 5);
    for (double tick = 0; tick <= max * 1.0001 && step > 0; tick += step) {
      int tx = x + scale(tick, max, width);
      g.setColor(new Color(0xdddddd));
      g.drawLine(tx, y + 6, tx, y + 6 + plotHeight);
      g.setColor(Color.DARK_GRAY);
      String label = compact(tick);
      g.drawString(label, tx - metrics.stringWidth(label) / 2, y + 2);
    }
    g.setColor(Color.GRAY);
    g.drawLine(x, y + 6, x, y + 6 + plotHeight);
    return y + 8;
  }

  private static void drawWhisker(
      Graphics2D g, int x, int y, double score, double error, double max, int width) {
    if (Double.isNaN(error)) {
      return;
    }
    int low = x + scale(Math.max(0, score - error), max, width);
    int high = x + scale(score + error, max, width);
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke(1.5f));
    g.drawLine(low, y, high, y);
    g.drawLine(low, y - 5, low, y + 5);
    g.drawLine(high, y - 5, high, y + 5);
  }

  private static void drawLabel(Graphics2D g, String benchmark, int x, int y) {
    int dot = benchmark.indexOf('.');
    String type = benchmark.substring(0, dot);
    String method = benchmark.substring(dot + 1);
    Font font = g.getFont();
    g.setFont(font.deriveFont(Font.BOLD));
    g.drawString(method, x, y - 7);
    g.setFont(font.deriveFont(12f));
    g.setColor(Color.DARK_GRAY);
    g.drawString(type, x, y + 9);
    g.setFont(font);
    g.setColor(Color.BLACK);
  }

  private static int scale(double value, double max, int width) {
    return max <= 0 ? 0 : (int) Math.round(value / max * width);
  }

  private static double nanToZero(double value) {
    return Double.isNaN(value) ? 0 : value;
  }

  private static double niceStep(double rough) {
    if (rough <= 0) {
      return 0;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
    double fraction = rough / magnitude;
    double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
    return nice * magnitude;
  }

  private static String compact(double value) {
    if (value >= 1e6) {
      return trim(value / 1e6) + "M";
    }
    if (value >= 1e3) {
      return trim(value / 1e3) + "k";
    }
    return trim(value);
  }

  private static String trim(double value) {
    return value == Math.rint(value)
        ? String.valueOf((long) value)
        : String.format(Locale.ROOT, "%.1f", value);
  }

  private static String errorText(double score, double error) {
    return Double.isNaN(error) ? "" : String.format(Locale.ROOT, " ± %.1f%%", 100 * error / score);
  }

  private static String duration(double micros) {
    return micros >= 1
        ? String.format(Locale.ROOT, "%.2f µs", micros)
        : String.format(Locale.ROOT, "%.0f ns", micros * 1000);
  }
}
