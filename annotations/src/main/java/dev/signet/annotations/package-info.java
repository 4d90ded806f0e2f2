/**
 * The annotations that declare a vendor's requests: signed URLs ({@link
 * dev.signet.annotations.SignedUrl}) and JSON requests ({@link
 * dev.signet.annotations.JsonRequest}); a vendor's module may bring annotations of its own, read by
 * a kind it adds to the processor. They are read at compile time by Signet's processor; class-file
 * retention lets it read them from compiled dependencies too.
 */
package dev.signet.annotations;
