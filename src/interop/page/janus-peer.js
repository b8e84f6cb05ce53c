// A Janus video room participant in the page, with Meetecho's janus.js (npm janus-gateway) as a
// browser application would use it: publishes the fake camera and microphone, subscribes to
// feeds, and tells the test what it receives. Driven through window.peer by driver.mjs.
import Janus from '/janus.es.js';

const events = [];
const feeds = new Map();
let janus = null;
let publisher = null;
let room = 0;

function log(type, fields) {
  events.push(Object.assign({ type: type, at: performance.now() }, fields || {}));
}

function attach(callbacks) {
  return new Promise((resolve, reject) => {
    janus.attach(Object.assign({
      plugin: 'janus.plugin.videoroom',
      success: resolve,
      error: (e) => reject(new Error('attach: ' + e)),
    }, callbacks));
  });
}

function reportPublishers(msg) {
  for (const p of msg.publishers || []) log('publisher', { id: p.id });
  if (msg.leaving !== undefined) log('left', { id: msg.leaving });
  if (msg.unpublished !== undefined && msg.unpublished !== 'ok') log('left', { id: msg.unpublished });
}

window.peer = {
  /** Connects to Janus at url, joins room as publisher id and publishes camera and microphone. */
  async join(url, roomId, id) {
    room = roomId;
    await new Promise((resolve) => Janus.init({ debug: false, callback: resolve }));
    janus = await new Promise((resolve, reject) => {
      const session = new Janus({ server: url, success: () => resolve(session),
        error: (e) => reject(new Error('janus: ' + e)), destroyed: () => log('destroyed') });
    });
    let published;
    const done = new Promise((resolve, reject) => { published = { resolve, reject }; });
    publisher = await attach({
      onmessage: (msg, jsep) => {
        if (msg.error) {
          published.reject(new Error('videoroom: ' + msg.error));
          return;
        }
        reportPublishers(msg);
        if (msg.videoroom === 'joined') {
          publisher.createOffer({
            tracks: [{ type: 'audio', capture: true, recv: false }, { type: 'video', capture: true, recv: false }],
            success: (offer) => publisher.send({ message: { request: 'configure', audio: true, video: true }, jsep: offer }),
            error: (e) => published.reject(new Error('offer: ' + e)),
          });
        }
        if (jsep) {
          publisher.handleRemoteJsep({ jsep: jsep });
        }
      },
      webrtcState: (up) => {
        log('webrtc', { up: up });
        if (up) published.resolve(true);
      },
      onlocaltrack: (track, on) => {
        if (on && track.kind === 'video') document.getElementById('local').srcObject = new MediaStream([track]);
      },
    });
    publisher.send({ message: { request: 'join', room: room, ptype: 'publisher', id: id, display: 'browser ' + id } });
    return await done;
  },

  /** Receives feed's media on a subscriber handle of its own. */
  async subscribe(feed) {
    const stream = new MediaStream();
    const video = document.createElement('video');
    video.id = 'remote-' + feed;
    video.autoplay = true;
    video.playsInline = true;
    video.muted = false;
    video.srcObject = stream;
    document.getElementById('remotes').appendChild(video);
    let started;
    const done = new Promise((resolve, reject) => { started = { resolve, reject }; });
    const handle = await attach({
      onmessage: (msg, jsep) => {
        if (msg.error) {
          started.reject(new Error('videoroom: ' + msg.error));
          return;
        }
        if (jsep) {
          handle.createAnswer({
            jsep: jsep,
            tracks: [{ type: 'data' }],
            success: (answer) => handle.send({ message: { request: 'start', room: room }, jsep: answer }),
            error: (e) => started.reject(new Error('answer: ' + e)),
          });
        }
      },
      webrtcState: (up) => {
        if (up) started.resolve(true);
      },
      onremotetrack: (track, mid, on) => {
        if (!on) return;
        if (track.kind === 'audio') {
          // an element of its own: Chromium does not always play a track added to a stream
          // that an element already plays, and stats give a level only for audio played out
          const audio = document.createElement('audio');
          audio.id = 'remote-audio-' + feed;
          audio.autoplay = true;
          audio.srcObject = new MediaStream([track]);
          document.body.appendChild(audio);
        } else {
          stream.addTrack(track);
          video.srcObject = stream;
        }
        log('track', { feed: feed, kind: track.kind });
      },
    });
    feeds.set(feed, handle);
    handle.send({ message: { request: 'join', room: room, ptype: 'subscriber', streams: [{ feed: feed }] } });
    return await done;
  },

  /** What the page receives from feed: video size and frames decoded, audio packets and level. */
  async received(feed) {
    const video = document.getElementById('remote-' + feed);
    const result = { width: video ? video.videoWidth : 0, height: video ? video.videoHeight : 0,
      framesDecoded: 0, audioPackets: 0, audioLevel: 0 };
    const handle = feeds.get(feed);
    const pc = handle && handle.webrtcStuff && handle.webrtcStuff.pc;
    if (pc) {
      (await pc.getStats()).forEach((r) => {
        if (r.type === 'inbound-rtp' && r.kind === 'video') result.framesDecoded += r.framesDecoded || 0;
        if (r.type === 'inbound-rtp' && r.kind === 'audio') {
          result.audioPackets += r.packetsReceived || 0;
          result.audioLevel = Math.max(result.audioLevel, r.audioLevel || 0);
        }
      });
    }
    // Chromium measures a received voice only while it plays out: an element that did not start
    // (or stopped) is started again, as a person would press play
    const audio = document.getElementById('remote-audio-' + feed);
    result.audioPaused = audio ? audio.paused : null;
    if (audio && audio.paused) {
      audio.play().catch((e) => log('play', { feed: feed, error: String(e) }));
    }
    return result;
  },

  /** The tones in feed's audio as the page hears it (see tones.js), or null before it arrives. */
  async remoteAudioTone(feed, hz) {
    const player = document.getElementById('remote-audio-' + feed);
    if (!player || !player.srcObject) return null;
    return window.toneIn(player.srcObject, player, hz);
  },

  /** Leaves the room and ends the Janus session. */
  async leave() {
    await new Promise((resolve) => janus.destroy({ success: resolve, error: resolve }));
    return true;
  },

  events() {
    return events;
  },
};
