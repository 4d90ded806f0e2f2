package dev.signet.omni;

/** A role on an entity's shared folder. */
public enum ContentRole {
  MANAGER,
  EDITOR,
  VIEWER,
  NO_ACCESS
}
