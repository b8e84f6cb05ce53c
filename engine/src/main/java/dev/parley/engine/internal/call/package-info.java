/**
 * Not API: may change in any release. The call logic, with no native code: the client's
 * sessions and the admission of incoming calls ({@code ClientCore}, {@code Admission}), a
 * session's links, mesh and state ({@code SessionCore}), and the rules of one connection
 * ({@code PeerLink}): states, timers and reconnection. It reaches media only through
 * {@code SessionMedia} and {@code PeerConnectionPort}, which {@code internal.rtc} implements and
 * tests replace with stand-ins, so these rules are tested without WebRTC.
 */
package dev.parley.engine.internal.call;
