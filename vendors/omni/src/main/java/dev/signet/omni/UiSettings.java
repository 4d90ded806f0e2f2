package dev.signet.omni;

/** What of Omni's interface the embed shows. */
public record UiSettings(boolean showNavigation) {}
