/**
 * What only the classes that Signet generates call: the checks their builders run, the reading back
 * of received values, a signed-URL type's scheme, the redaction of credentials. Exported so that
 * generated code in users' modules can call it; it is not API, and changes from one release to the
 * next as the generated code does.
 */
package dev.signet.runtime.internal;
