/**
 * API. Signaling over XMPP on the QuickBlox wire ({@link dev.parley.engine.xmpp.XmppSignaling},
 * {@link dev.parley.engine.xmpp.XmppSettings}), built on Smack; docs/signaling.md says what
 * goes over the wire. The only package that uses Smack; its package-private classes are not
 * API.
 */
package dev.parley.engine.xmpp;
