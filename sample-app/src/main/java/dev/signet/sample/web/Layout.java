package dev.signet.sample.web;

import dev.signet.sample.server.Html;

/**
 * The host app's page chrome: a navigation bar, the signed-in user, and which vendors are in use.
 */
final class Layout {
  private static final String STYLE =
      "<style>"
          + "nav{background:#1d2330;color:#fff;padding:.5rem 1.5rem;display:flex;gap:1.1rem;align-items:center;flex-wrap:wrap}"
          + "nav a{color:#cfd6ff;text-decoration:none}nav a.active{color:#fff;font-weight:600;border-bottom:2px solid #8da2ff}"
          + "nav .brand{color:#fff;font-weight:700}nav form{margin:0 0 0 auto}"
          + "nav button{background:none;border:1px solid #6b7490;color:#fff;border-radius:4px;cursor:pointer}"
          + "iframe{width:100%;border:1px solid #c6cbd8;border-radius:6px;background:#fff}"
          + "footer{padding:.6rem 1.5rem;color:#5b6475;font-size:.85rem}"
          + "#events{font-family:'DejaVu Sans Mono',monospace;font-size:.82rem;background:#fff;"
          + "border:1px solid #d8dce6;padding:.5rem 2rem;max-height:14rem;overflow:auto}"
          + "#events .ignored{color:#b42318}#events .error{color:#b42318;font-weight:600}#events .saved{color:#146c2e}"
          + "form.grid{display:grid;grid-template-columns:max-content 1fr;gap:.3rem .8rem;align-items:center;max-width:62rem}"
          + "form.grid input[type=text],form.grid input[type=password],form.grid select{width:100%;max-width:36rem}"
          + "textarea{width:100%;max-width:62rem}.hint{color:#5b6475;font-size:.82rem}"
          // Tall enough for the notebook's params and its first results on a small screen, taller
          // on a tall one, and the user can make it taller still.
          + "iframe.notebook{height:max(64rem,calc(100vh - 12rem));resize:vertical}"
          // Phones: one column, and nothing wider than the screen.
          + "input,select,textarea{box-sizing:border-box}main{overflow-wrap:anywhere}"
          + "@media (max-width:40rem){main{padding:.8rem}form.grid{grid-template-columns:minmax(0,1fr)}"
          + "form.grid label{margin-top:.5rem}table{display:block;overflow-x:auto}}"
          + "</style>";

  private Layout() {}

  /** A page of the host app; {@code user} null when no one is signed in. */
  static String page(String title, String active, DemoUser user, String vendors, String body) {
    StringBuilder nav = new StringBuilder("<nav><span class=\"brand\">Signet sample</span>");
    link(nav, "/", "Home", active);
    link(nav, "/omni", "Omni dashboard", active);
    link(nav, "/looker", "Looker dashboard", active);
    link(nav, "/metabase", "Metabase dashboard", active);
    for (NotebookPage page : NotebookPage.values()) {
      // Named as the page's own title, so that the link and the page it opens agree.
      link(nav, "/notebook/" + page.slug(), page.title(), active);
    }
    link(nav, "/builder", "Embed URL builder", active);
    link(nav, "/inspector", "Inspector", active);
    if (user != null) {
      nav.append("<form method=\"post\" action=\"/signout\"><span id=\"signed-in\">")
          .append(Html.escape(user.name()))
          .append("</span> <button type=\"submit\">Sign out</button></form>");
    }
    nav.append("</nav>");
    return Html.page(
        title + " · Signet sample",
        STYLE,
        nav + "<main>" + body + "</main><footer>" + vendors + "</footer>");
  }

  private static void link(StringBuilder nav, String href, String label, String active) {
    nav.append("<a href=\"")
        .append(href)
        .append('"')
        .append(href.equals(active) ? " class=\"active\"" : "")
        .append('>')
        .append(Html.escape(label))
        .append("</a>");
  }
}
