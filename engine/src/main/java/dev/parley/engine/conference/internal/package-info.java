/**
 * Not API. The Janus protocol over its WebSocket transport: JSON messages (Jackson), sessions,
 * plugin handles, transactions with timeouts, keep-alives and the server's events. Janus's JSON
 * never leaves this package.
 */
package dev.parley.engine.conference.internal;
