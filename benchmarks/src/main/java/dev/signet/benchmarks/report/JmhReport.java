package dev.signet.benchmarks.report;

import java.io.IOException;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Prints JMH's JSON results as the Markdown tables of BENCHMARKS.md, and checks them against the
 * targets of the performance issue. Ratios are taken between medians of the measurement iterations;
 * every figure is JMH's, none is a single run.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.signet.benchmarks.report.JmhReport RESULTS.json...
 * </pre>
 */
public final class JmhReport {
  private JmhReport() {}

  public static void main(String[] args) throws IOException {
    if (args.length == 0) {
      System.err.println("usage: JmhReport RESULTS.json...");
      System.exit(2);
    }
    List<JmhResult> results = new ArrayList<>();
    for (String arg : args) {
      results.addAll(JmhResult.read(Paths.get(arg)));
    }
    System.out.print(table(results));
    System.out.println();
    System.out.print(targets(results));
    String parts = parts(results);
    if (!parts.isEmpty()) {
      System.out.println();
      System.out.print(parts);
    }
  }

  /** The figures, a row per benchmark and thread count. */
  public static String table(List<JmhResult> results) {
    StringBuilder out = new StringBuilder();
    out.append(
        "| benchmark | threads | median ops/s | mean ± 99.9% error, ops/s | µs/op per thread (median) | B/op (gc.alloc.rate.norm) | forks × iterations |\n");
    out.append("|---|---:|---:|---:|---:|---:|---:|\n");
    for (JmhResult r : results) {
      out.append(
          String.format(
              Locale.ROOT,
              "| `%s` | %d | %,.0f | %,.0f ± %s | %.3f | %s | %d × %d |%n",
              r.benchmark(),
              r.threads(),
              r.median(),
              r.score(),
              Double.isNaN(r.error())
                  ? "n/a"
                  : String.format(
                      Locale.ROOT, "%,.0f (%.1f%%)", r.error(), 100 * r.error() / r.score()),
              cost(r),
              Double.isNaN(r.allocatedBytesPerOp())
                  ? "n/a"
                  : String.format(
                      Locale.ROOT,
                      "%,.0f ± %,.0f",
                      r.allocatedBytesPerOp(),
                      nanToZero(r.allocatedBytesPerOpError())),
              r.forks(),
              r.forks() == 0 ? r.iterations() : r.iterations() / r.forks()));
    }
    return out.toString();
  }

  /** Each target of the issue: the figure, the bound, and whether it is met. */
  public static String targets(List<JmhResult> results) {
    StringBuilder out = new StringBuilder();
    out.append("| target | figure | bound | met |\n|---|---:|---:|---|\n");
    Optional<JmhResult> signet = find(results, "SignBenchmark.signet", 1);
    Optional<JmhResult> floor = find(results, "SignBenchmark.hmacFloor", 1);
    Optional<JmhResult> hand = find(results, "SignBenchmark.handWritten", 1);
    Optional<JmhResult> verify = find(results, "VerifyBenchmark.verify", 1);
    if (signet.isPresent() && floor.isPresent()) {
      row(
          out,
          "`signet` cost / `hmacFloor` cost (1 thread)",
          floor.get().median() / signet.get().median(),
          "≤ 1.5×",
          true,
          1.5);
    }
    if (signet.isPresent() && hand.isPresent()) {
      row(
          out,
          "`signet` speed / `handWritten` speed (1 thread)",
          signet.get().median() / hand.get().median(),
          "≥ 4×",
          false,
          4);
    }
    if (verify.isPresent() && floor.isPresent()) {
      row(
          out,
          "`verify` cost / `hmacFloor` cost (1 thread)",
          floor.get().median() / verify.get().median(),
          "≤ 2×",
          true,
          2);
    }
    if (signet.isPresent() && !Double.isNaN(signet.get().allocatedBytesPerOp())) {
      out.append(
          String.format(
              Locale.ROOT,
              "| bytes allocated per signed URL (`signet`) | %,.0f B | ≤ 3 KB (3,072 B) | %s |%n",
              signet.get().allocatedBytesPerOp(),
              signet.get().allocatedBytesPerOp() <= 3072 ? "yes" : "**no**"));
    }
    for (String benchmark :
        List.of("SignBenchmark.signet", "VerifyBenchmark.verify", "SignBenchmark.hmacFloor")) {
      Optional<JmhResult> one = find(results, benchmark, 1);
      Optional<JmhResult> two = find(results, benchmark, 2);
      if (one.isPresent() && two.isPresent()) {
        boolean target = !benchmark.endsWith("hmacFloor");
        String name =
            "`"
                + benchmark.substring(benchmark.indexOf('.') + 1)
                + "` throughput, 2 threads / 1 thread";
        if (target) {
          row(out, name, two.get().median() / one.get().median(), "≥ 1.8×", false, 1.8);
        } else {
          out.append(
              String.format(
                  Locale.ROOT,
                  "| %s (the floor's own scaling, for context) | %.2f× | – | – |%n",
                  name,
                  two.get().median() / one.get().median()));
        }
      }
    }
    return out.toString();
  }

  /**
   * Where the time of {@code signet} and {@code verify} goes (1 thread): the parts {@code
   * PartsBenchmark} and {@code hmacPrecomputed} run alone, and what is left of each whole.
   */
  public static String parts(List<JmhResult> results) {
    Optional<JmhResult> signet = find(results, "SignBenchmark.signet", 1);
    Optional<JmhResult> verify = find(results, "VerifyBenchmark.verify", 1);
    Optional<JmhResult> mac = find(results, "SignBenchmark.hmacPrecomputed", 1);
    Optional<JmhResult> textAndMac = find(results, "PartsBenchmark.signedTextAndMac", 1);
    Optional<JmhResult> query = find(results, "PartsBenchmark.queryRead", 1);
    Optional<JmhResult> json = find(results, "PartsBenchmark.userAttributesRead", 1);
    Optional<JmhResult> scanFloor = find(results, "PartsBenchmark.queryScanFloor", 1);
    if (signet.isEmpty()
        || verify.isEmpty()
        || mac.isEmpty()
        || textAndMac.isEmpty()
        || query.isEmpty()
        || json.isEmpty()) {
      return "";
    }
    double signetCost = cost(signet.get());
    double verifyCost = cost(verify.get());
    StringBuilder out = new StringBuilder();
    out.append("| part (1 thread) | µs/op | of `signet` | of `verify` |\n|---|---:|---:|---:|\n");
    part(out, "`signet`, whole", signetCost, signetCost, Double.NaN);
    part(out, "`verify`, whole", verifyCost, Double.NaN, verifyCost);
    part(
        out,
        "`hmacPrecomputed`: the MAC alone over the prebuilt text, in base64url",
        cost(mac.get()),
        signetCost,
        verifyCost);
    part(
        out,
        "`signedTextAndMac`: the text written, and its MAC",
        cost(textAndMac.get()),
        signetCost,
        verifyCost);
    part(
        out,
        "`signet` − `signedTextAndMac`: the URL and its signature written",
        signetCost - cost(textAndMac.get()),
        signetCost,
        Double.NaN);
    part(out, "`queryRead`: the query read", cost(query.get()), Double.NaN, verifyCost);
    scanFloor.ifPresent(
        floor ->
            part(
                out,
                "`queryScanFloor`, not Signet's code: the least any reader of the query does (its"
                    + " bytes copied, each looked at once, the values made strings)",
                cost(floor),
                Double.NaN,
                verifyCost));
    part(
        out,
        "`userAttributesRead`: of the rest, the one JSON value read",
        cost(json.get()),
        Double.NaN,
        verifyCost);
    part(
        out,
        "`verify` − `queryRead` − `signedTextAndMac`: the request read from the texts and checked,"
            + " its texts written and compared, the nonce",
        verifyCost - cost(query.get()) - cost(textAndMac.get()),
        Double.NaN,
        verifyCost);
    return out.toString();
  }

  /** Microseconds per operation per thread, from the median throughput of all threads. */
  private static double cost(JmhResult result) {
    return result.threads() * 1e6 / result.median();
  }

  private static void part(
      StringBuilder out, String name, double cost, double signetCost, double verifyCost) {
    out.append(
        String.format(
            Locale.ROOT,
            "| %s | %.3f | %s | %s |%n",
            name,
            cost,
            Double.isNaN(signetCost)
                ? "–"
                : String.format(Locale.ROOT, "%.0f%%", 100 * cost / signetCost),
            Double.isNaN(verifyCost)
                ? "–"
                : String.format(Locale.ROOT, "%.0f%%", 100 * cost / verifyCost)));
  }

  private static void row(
      StringBuilder out, String name, double figure, String bound, boolean atMost, double limit) {
    boolean met = atMost ? figure <= limit : figure >= limit;
    out.append(
        String.format(
            Locale.ROOT,
            "| %s | %.2f× | %s | %s |%n",
            name,
            figure,
            bound,
            met ? "yes" : "**no**"));
  }

  private static Optional<JmhResult> find(List<JmhResult> results, String benchmark, int threads) {
    return results.stream()
        .filter(r -> r.benchmark().equals(benchmark) && r.threads() == threads)
        .findFirst();
  }

  private static double nanToZero(double value) {
    return Double.isNaN(value) ? 0 : value;
  }
}
