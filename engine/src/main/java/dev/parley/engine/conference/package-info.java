/**
 * API, in progress: conferences through a Janus WebRTC server (its video room plugin), as
 * QuickBlox's Conference API. For now {@link dev.parley.engine.conference.JanusException}, the
 * error every Janus failure becomes; the sessions and publishers follow.
 */
package dev.parley.engine.conference;
