package dev.signet.codatum;

/** How much of a notebook's SQL the embed shows. */
public enum SqlDisplay {
  SHOW,
  RESULT_ONLY,
  HIDE
}
