package dev.signet.sample.cli;

import dev.signet.sample.web.ServeCommand;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** {@code java -jar signet-sample.jar COMMAND}: the sample's commands. */
@Command(
    name = "signet-sample",
    mixinStandardHelpOptions = true,
    subcommands = {OmniUrlCommand.class, ServeCommand.class},
    description = "Signet's sample: signed embed requests for Omni, and a host app that embeds Omni and Codatum.")
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    CommandLine commandLine = new CommandLine(new Main());
    commandLine.setParameterExceptionHandler(Main::reportUsageError);
    System.exit(commandLine.execute(args));
  }

  /**
   * Reports a command line that cannot be parsed. Unknown arguments are not repeated, only their
   * positions: after a mistyped {@code --secret} the next argument is the secret itself, and a
   * secret can start with {@code -}.
   */
  static int reportUsageError(ParameterException error, String[] args) {
    CommandLine commandLine = error.getCommandLine();
    String message =
        error instanceof UnmatchedArgumentException unmatched
            ? "argument " + position(args, unmatched.getUnmatched()) + " is not an option of "
                + commandLine.getCommandName() + " (arguments are not repeated here, since one may"
                + " be a secret)"
            : error.getArgSpec() instanceof OptionSpec option
                ? "the value given to " + option.longestName() + " is not valid (expected "
                    + option.type().getSimpleName() + ")"
                : error.getMessage();
    commandLine.getErr().println("error: " + message);
    commandLine.getErr().println("Run with --help to see the options.");
    return commandLine.getCommandSpec().exitCodeOnInvalidInput();
  }

  /** The 1-based position of the first of {@code unmatched} in {@code args}. */
  private static String position(String[] args, List<String> unmatched) {
    for (int i = 0; i < args.length; i++) {
      if (!unmatched.isEmpty() && args[i].equals(unmatched.get(0))) {
        return "number " + (i + 1);
      }
    }
    return "(unknown position)";
  }
}
