/**
 * API: conferences through a Janus WebRTC server (its video room plugin), as QuickBlox's
 * Conference API. {@link dev.parley.engine.conference.ConferenceClient} connects a user to
 * Janus, {@link dev.parley.engine.conference.ConferenceSession} is that user in one room
 * (publish, subscribe, leave), {@link dev.parley.engine.conference.ConferenceListener} reports
 * what happens, and every Janus failure is a {@link dev.parley.engine.conference.JanusException}.
 */
package dev.parley.engine.conference;
