/**
 * Signet's annotations, read at compile time by {@code signet-processor}. They have class-file
 * retention, so a module that uses them needs them at compile time only: {@code requires static
 * dev.signet.annotations;}.
 */
module dev.signet.annotations {
  exports dev.signet.annotations;
}
