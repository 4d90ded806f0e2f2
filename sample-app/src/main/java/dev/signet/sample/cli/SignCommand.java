package dev.signet.sample.cli;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sign VENDOR --jsonl}: signs one case a line, as the vendor's test vectors give them, with
 * the vendor's module. Each vendor is a subcommand, so that {@code sign VENDOR --help} lists that
 * vendor's fields.
 */
@Command(
    name = "sign",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Signs vendors' embed requests, one JSON case a line: sign VENDOR --jsonl.")
final class SignCommand implements Callable<Integer> {
  /** Every vendor that {@code sign} knows, in the order {@code sign --help} lists them. */
  static final List<CaseSigner> SIGNERS =
      List.of(
          new OmniSigner(),
          new LookerSigner(),
          new ModeSigner(),
          new SigmaSigner(),
          new MetabaseSigner(),
          new LightdashSigner(),
          new TableauSigner());

  @Spec CommandSpec spec;

  /** Set only when it names no vendor: the vendors are subcommands. */
  @Parameters(arity = "0..1", paramLabel = "VENDOR", hidden = true)
  String unknownVendor;

  /** Taken here too, so that {@code sign NOT-A-VENDOR --jsonl} is told about the vendor. */
  @Option(names = "--jsonl", hidden = true)
  boolean jsonLines;

  /** The {@code sign} command with a subcommand per vendor. */
  static CommandLine commandLine() {
    CommandLine sign = new CommandLine(new SignCommand());
    for (CaseSigner signer : SIGNERS) {
      CommandLine vendor = new CommandLine(new VendorCommand(signer));
      vendor
          .getCommandSpec()
          .usageMessage()
          .description(signer.summary() + ".", "One JSON object a line on standard input:")
          .footer(
              signer.fields().stream()
                  .map(field -> "  " + field.name() + ": " + field.meaning())
                  .toArray(String[]::new));
      sign.addSubcommand(signer.vendor(), vendor);
    }
    return sign;
  }

  @Override
  public Integer call() {
    // The unknown name is not repeated: it may be a secret given in the wrong place.
    throw new ParameterException(
        spec.commandLine(),
        (unknownVendor == null
                ? "name a vendor: "
                : "that is not a vendor sign knows; name one of: ")
            + SIGNERS.stream().map(CaseSigner::vendor).collect(Collectors.joining(", ")));
  }

  /** {@code sign VENDOR}: answers each line of standard input with the vendor's signer. */
  @Command(mixinStandardHelpOptions = true, versionProvider = Main.Version.class)
  static final class VendorCommand implements Callable<Integer> {
    private final CaseSigner signer;

    @Spec CommandSpec spec;

    @Option(
        names = "--jsonl",
        required = true,
        description =
            "Read one case a line from standard input; answer each with one line: the signed URL"
                + " (or token), or error: MESSAGE.")
    boolean jsonLines;

    VendorCommand(CaseSigner signer) {
      this.signer = signer;
    }

    @Override
    public Integer call() throws IOException {
      JsonLines.answerEach(System.in, spec.commandLine().getOut(), signer::sign);
      return 0;
    }
  }
}
