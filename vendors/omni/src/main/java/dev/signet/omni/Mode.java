package dev.signet.omni;

/** Whether the embed shows Omni's application around the content, or the content alone. */
public enum Mode {
  APPLICATION,
  SINGLE_CONTENT
}
