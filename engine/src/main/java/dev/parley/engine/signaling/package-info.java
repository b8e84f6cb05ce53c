/**
 * API (a service-provider interface). How signals travel between users:
 * {@link dev.parley.engine.signaling.SignalingChannel}, the {@link dev.parley.engine.signaling.Signal}
 * records of the QuickBlox wire protocol, and {@link dev.parley.engine.signaling.LocalSignalingHub}
 * for in-process calls. XMPP is in {@code dev.parley.engine.xmpp}.
 */
package dev.parley.engine.signaling;
