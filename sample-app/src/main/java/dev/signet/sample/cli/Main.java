package dev.signet.sample.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar signet-sample.jar COMMAND}: the sample's commands. */
@Command(
    name = "signet-sample",
    mixinStandardHelpOptions = true,
    subcommands = {OmniUrlCommand.class},
    description = "Signet's sample: signed embed requests for Omni.")
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }
}
