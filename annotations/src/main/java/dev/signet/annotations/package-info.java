/**
 * The annotations that declare a signed request. They are read at compile time by Signet's
 * processor; class-file retention lets it read them from compiled dependencies too.
 */
package dev.signet.annotations;
