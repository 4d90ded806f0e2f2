/**
 * The annotations that declare a vendor's requests: signed URLs ({@link
 * dev.signet.annotations.SignedUrl}), JSON requests ({@link dev.signet.annotations.JsonRequest}),
 * and Codatum notebook parameters ({@code dev.signet.codatum.NotebookParams}, in signet-codatum). They are read at
 * compile time by Signet's processor; class-file retention lets it read them from compiled
 * dependencies too.
 */
package dev.signet.annotations;
