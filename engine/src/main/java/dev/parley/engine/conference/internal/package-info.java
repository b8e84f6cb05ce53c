/**
 * Not API. The Janus protocol over its WebSocket transport: JSON messages (Jackson), sessions,
 * plugin handles, transactions with timeouts, keep-alives, the server's events, and the video
 * room's requests in Parley's terms. Janus's JSON never leaves this package.
 */
package dev.parley.engine.conference.internal;
