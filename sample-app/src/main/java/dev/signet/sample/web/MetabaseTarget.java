package dev.signet.sample.web;

import dev.signet.metabase.MetabaseDashboard;
import dev.signet.runtime.Secret;
import dev.signet.runtime.SiteUrl;

/**
 * The Metabase the app signs for: its site URL (the embed URLs start with it; it is not signed),
 * the embedding secret key, and the dashboard the Metabase page embeds.
 *
 * @param isStandin whether it is the local stand-in, whose secret is the app's own; the real
 *     Metabase's secret never reaches a browser
 */
record MetabaseTarget(
    SiteUrl siteUrl, Secret secret, MetabaseDashboard dashboard, boolean isStandin) {}
