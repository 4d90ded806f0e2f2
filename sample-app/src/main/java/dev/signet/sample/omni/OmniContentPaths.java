package dev.signet.sample.omni;

import dev.signet.runtime.InvalidParameterException;

/** The content paths an Omni embed login can open. */
public final class OmniContentPaths {
  /** The user's own documents. */
  public static final String MY = "/my";
  /** The folder shared by the user's entity. */
  public static final String ENTITY_FOLDER = "/entity-folder";
  /** The root of the organization's documents. */
  public static final String ROOT = "/root";

  private OmniContentPaths() {}

  /** The dashboard with the given id (the id in the dashboard's own URL). */
  public static String dashboard(String id) {
    return "/dashboards/" + checkId(id);
  }

  /** A workbook: the embed opens a copy of it for the user. */
  public static String workbook(String id) {
    return "/w/" + checkId(id) + "/duplicate";
  }

  private static String checkId(String id) {
    if (id.isEmpty() || !id.chars().allMatch(c -> c > ' ' && c < 0x7f && c != '/' && c != '?' && c != '#')) {
      throw new InvalidParameterException(
          "contentPath", "a document id must be non-empty and hold no /, ?, # or spaces");
    }
    return id;
  }
}
