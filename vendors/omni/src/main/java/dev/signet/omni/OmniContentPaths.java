package dev.signet.omni;

import dev.signet.runtime.InvalidParameterException;

/**
 * The content paths an Omni embed login can open: {@code /dashboards/ID}, {@code
 * /embed/dashboards/ID}, {@code /w/ID/duplicate}, {@code /my}, {@code /entity-folder} and {@code
 * /root}, where an ID is made of letters, digits, {@code -} and {@code _}.
 */
public final class OmniContentPaths {
  /** The user's own documents. */
  public static final String MY = "/my";

  /** The folder shared by the user's entity. */
  public static final String ENTITY_FOLDER = "/entity-folder";

  /** The root of the organization's documents. */
  public static final String ROOT = "/root";

  /** The forms {@link #check} accepts, for messages. */
  public static final String FORMS =
      "/dashboards/ID, /embed/dashboards/ID, /w/ID/duplicate, /my, /entity-folder or /root"
          + " (an ID is letters, digits, - and _)";

  private static final String DASHBOARD = "/dashboards/";
  private static final String EMBED_DASHBOARD = "/embed/dashboards/";
  private static final String WORKBOOK = "/w/";
  private static final String DUPLICATE = "/duplicate";

  private OmniContentPaths() {}

  /** The dashboard with the given id (the id in the dashboard's own URL). */
  public static String dashboard(String id) {
    return DASHBOARD + checkId(id);
  }

  /** A workbook: the embed opens a copy of it for the user. */
  public static String workbook(String id) {
    return WORKBOOK + checkId(id) + DUPLICATE;
  }

  /**
   * {@code path} itself when it is one of Omni's content paths. Anything else, such as a full URL
   * or a path with {@code ..} in it, would have the embed sign a login that opens something other
   * than a document of the organization's, so it is refused.
   *
   * @throws InvalidParameterException naming {@code contentPath} and listing the forms allowed
   */
  public static String check(String path) {
    if (path.equals(MY) || path.equals(ENTITY_FOLDER) || path.equals(ROOT)) {
      return path;
    }
    String id = null;
    if (path.startsWith(DASHBOARD)) {
      id = path.substring(DASHBOARD.length());
    } else if (path.startsWith(EMBED_DASHBOARD)) {
      id = path.substring(EMBED_DASHBOARD.length());
    } else if (path.startsWith(WORKBOOK)
        && path.endsWith(DUPLICATE)
        && path.length() >= WORKBOOK.length() + DUPLICATE.length()) {
      id = path.substring(WORKBOOK.length(), path.length() - DUPLICATE.length());
    }
    if (id == null || !isId(id)) {
      throw new InvalidParameterException("contentPath", "must be " + FORMS);
    }
    return path;
  }

  private static String checkId(String id) {
    if (!isId(id)) {
      throw new InvalidParameterException(
          "contentPath", "a document id must be non-empty and made of letters, digits, - and _");
    }
    return id;
  }

  private static boolean isId(String id) {
    return !id.isEmpty()
        && id.chars()
            .allMatch(
                c ->
                    (c >= 'a' && c <= 'z')
                        || (c >= 'A' && c <= 'Z')
                        || (c >= '0' && c <= '9')
                        || c == '-'
                        || c == '_');
  }
}
