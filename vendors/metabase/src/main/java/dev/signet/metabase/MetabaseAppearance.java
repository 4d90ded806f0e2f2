package dev.signet.metabase;

import dev.signet.annotations.Location;
import dev.signet.annotations.Param;
import dev.signet.annotations.Unsigned;
import java.util.Optional;

/**
 * The appearance options of a Metabase embed, after {@code #} in its URL: they are not signed (the
 * browser does not even send them to Metabase), so anyone holding the URL can change them, and they
 * decide nothing the token grants.
 */
public interface MetabaseAppearance {
  /** Whether the embed has a border: {@code bordered=true}. */
  @Unsigned
  @Param(in = Location.FRAGMENT)
  Optional<Boolean> bordered();

  /** Whether the title is shown: {@code titled=true}. */
  @Unsigned
  @Param(in = Location.FRAGMENT)
  Optional<Boolean> titled();

  /** The theme: {@code theme=night} or {@code theme=transparent}. */
  @Unsigned
  @Param(in = Location.FRAGMENT)
  Optional<MetabaseTheme> theme();

  /** Seconds between refreshes of a dashboard: {@code refresh=60}. */
  @Unsigned
  @Param(in = Location.FRAGMENT)
  Optional<Integer> refresh();

  /** The filters to hide, their slugs separated by commas: {@code hide_parameters=a,b}. */
  @Unsigned
  @Param(name = "hide_parameters", in = Location.FRAGMENT)
  Optional<String> hideParameters();
}
