// One QuickBlox JS SDK user in a page, driven through window.peer by driver.mjs.
// Every SDK callback is recorded as an event with a wall-clock time in milliseconds
// (performance.timeOrigin + performance.now(), comparable across pages and with the JVM).
'use strict';

(function () {
  const events = [];
  const waiters = [];
  let session = null;          // the current call session (outgoing or incoming)

  function now() {
    return performance.timeOrigin + performance.now();
  }

  function record(type, details) {
    const event = Object.assign({ type: type, t: now() }, details || {});
    events.push(event);
    for (const w of waiters.slice()) {
      if (w.matches(event)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(event);
      }
    }
  }

  function plain(info) {
    return info ? JSON.parse(JSON.stringify(info)) : {};
  }

  function media(callType) {
    return new Promise((resolve, reject) => {
      session.getUserMedia({ audio: true, video: callType === 1, elemId: 'local' }, (err, stream) => {
        if (err) reject(new Error('getUserMedia failed: ' + JSON.stringify(err)));
        else resolve(stream);
      });
    });
  }

  function listen() {
    // The SDK itself rejects calls while busy (autoReject); what reaches us is a new session.
    QB.webrtc.onCallListener = (s, extension) => {
      session = s;
      record('call', { sessionId: s.ID, initiatorId: s.initiatorID, opponentIds: s.opponentsIDs,
        callType: Number(s.callType), userInfo: plain(extension) });
    };
    QB.webrtc.onAcceptCallListener = (s, userId, extension) =>
      record('accepted', { sessionId: s.ID, userId: userId, userInfo: plain(extension) });
    QB.webrtc.onRejectCallListener = (s, userId, extension) =>
      record('rejected', { sessionId: s.ID, userId: userId, userInfo: plain(extension) });
    QB.webrtc.onStopCallListener = (s, userId, extension) =>
      record('hungUp', { sessionId: s.ID, userId: userId, userInfo: plain(extension) });
    QB.webrtc.onUserNotAnswerListener = (s, userId) =>
      record('notAnswered', { sessionId: s.ID, userId: userId });
    QB.webrtc.onSessionCloseListener = (s) => record('closed', { sessionId: s.ID });
    QB.webrtc.onSessionConnectionStateChangedListener = (s, userId, state) =>
      record('connectionState', { sessionId: s.ID, userId: userId, state: state,
        connected: state === QB.webrtc.SessionConnectionState.CONNECTED });
    QB.webrtc.onReconnectListener = (s, userId, state) =>
      record('reconnect', { sessionId: s.ID, userId: userId, state: state });
    QB.webrtc.onRemoteStreamListener = (s, userId, stream) => {
      let video = document.getElementById('remote-' + userId);
      if (!video) {
        video = document.createElement('video');
        video.id = 'remote-' + userId;
        video.autoplay = true;
        video.muted = true;
        video.playsInline = true;
        document.getElementById('remotes').appendChild(video);
      }
      video.srcObject = stream;
      record('remoteStream', { sessionId: s.ID, userId: userId,
        videoTracks: stream.getVideoTracks().length, audioTracks: stream.getAudioTracks().length });
    };
  }

  window.peer = {
    init(appId, domain, websocketUrl) {
      QB.init(appId, 'x', 'x', 'x', {
        endpoints: { api: '127.0.0.1:1', chat: domain },
        chatProtocol: { active: 2, websocket: websocketUrl },
        webrtc: { iceServers: [], answerTimeInterval: 60, dialingTimeInterval: 5, disconnectTimeInterval: 30 },
        debug: { mode: 0 }
      });
      listen();
      return true;
    },

    login(userId, password) {
      return new Promise((resolve, reject) => {
        const started = now();
        QB.chat.connect({ userId: userId, password: password }, (err) => {
          if (err) reject(new Error('chat login failed: ' + JSON.stringify(err)));
          else resolve(now() - started);
        });
      });
    },

    async call(opponentIds, callType, userInfo) {
      session = QB.webrtc.createNewSession(opponentIds, callType);
      await media(callType);
      const started = now();
      session.call(userInfo || {}, () => {});
      return { sessionId: session.ID, startedAt: started };
    },

    async accept(userInfo) {
      if (!session) throw new Error('no incoming call to accept');
      await media(Number(session.callType));
      const acceptedAt = now();
      session.accept(userInfo || {});
      return { sessionId: session.ID, acceptedAt: acceptedAt };
    },

    reject(userInfo) {
      if (!session) throw new Error('no incoming call to reject');
      session.reject(userInfo || {});
      return true;
    },

    hangUp(userInfo) {
      if (!session) throw new Error('no call to hang up');
      session.stop(userInfo || {});
      return true;
    },

    events() {
      return events;
    },

    /**
     * From now on the page's camera is a 640x480 canvas at fps frames per second that carries
     * its frame number as 16 binary cells where Parley's test pattern has them (white is 1, most
     * significant first, along the bottom); when each number was drawn is kept for stamps().
     * The microphone stays the fake one.
     */
    stampCamera(fps) {
      const canvas = document.createElement('canvas');
      canvas.width = 640;
      canvas.height = 480;
      const g = canvas.getContext('2d');
      const cell = 20;
      let n = 0;
      window.stampsSent = {};
      setInterval(() => {
        g.fillStyle = '#808080';
        g.fillRect(0, 0, 640, 480);
        g.fillStyle = '#202020';
        g.fillRect(0, 480 - cell - 4, 640, cell + 4);
        for (let bit = 0; bit < 16; bit++) {
          g.fillStyle = ((n >> (15 - bit)) & 1) ? '#ebebeb' : '#101010';
          g.fillRect(2 + bit * cell * 2, 480 - cell - 2, cell, cell);
        }
        window.stampsSent[n] = now();
        n = (n + 1) & 0xffff;
      }, 1000 / fps);
      const stamped = canvas.captureStream(fps);
      const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
      navigator.mediaDevices.getUserMedia = async (constraints) => {
        const tracks = [];
        if (constraints && constraints.audio) {
          tracks.push(...(await original({ audio: constraints.audio })).getAudioTracks());
        }
        if (constraints && constraints.video) {
          tracks.push(stamped.getVideoTracks()[0]);
        }
        return new MediaStream(tracks);
      };
      return true;
    },

    /**
     * Reads the frame number of every frame the page presents from userId's video
     * (requestVideoFrameCallback, then the pixels of the presented frame) and keeps when it
     * was presented, for stamps().
     */
    watchStamps(userId) {
      const video = document.getElementById('remote-' + userId);
      if (!video) throw new Error('no video from ' + userId);
      const canvas = document.createElement('canvas');
      canvas.width = 640;
      canvas.height = 480;
      const g = canvas.getContext('2d', { willReadFrequently: true });
      window.stampsSeen = [];
      let last = -1;
      const onFrame = (presented) => {
        g.drawImage(video, 0, 0, 640, 480);
        const row = g.getImageData(0, 480 - 12, 640, 1).data;
        let n = 0;
        for (let bit = 0; bit < 16; bit++) {
          n = (n << 1) | (row[(2 + bit * 40 + 10) * 4 + 1] > 128 ? 1 : 0);
        }
        if (n !== last) {
          window.stampsSeen.push([n, performance.timeOrigin + presented]);
          last = n;
        }
        video.requestVideoFrameCallback(onFrame);
      };
      video.requestVideoFrameCallback(onFrame);
      return true;
    },

    /** {sent: {number: ms}, seen: [[number, ms], ...]} of stampCamera and watchStamps, on the shared clock. */
    stamps() {
      return { sent: window.stampsSent || {}, seen: window.stampsSeen || [] };
    },

    /** Resolves with the first event (past or future) of this type whose fields match. */
    waitFor(type, fields, timeoutMs) {
      const matches = (e) => e.type === type && Object.entries(fields || {}).every(([k, v]) => e[k] === v);
      const past = events.find(matches);
      if (past) return Promise.resolve(past);
      return new Promise((resolve, reject) => {
        const waiter = { matches: matches, resolve: resolve };
        waiters.push(waiter);
        setTimeout(() => {
          const i = waiters.indexOf(waiter);
          if (i >= 0) {
            waiters.splice(i, 1);
            reject(new Error('no ' + type + ' event ' + JSON.stringify(fields || {}) + ' within ' + timeoutMs
              + ' ms; events: ' + JSON.stringify(events.map((e) => e.type + (e.state ? ':' + e.state : '')))));
          }
        }, timeoutMs);
      });
    },

    /** What the page shows of userId's video: element size, frames decoded by the peer connection. */
    async remoteVideo(userId) {
      const video = document.getElementById('remote-' + userId);
      const result = { width: video ? video.videoWidth : 0, height: video ? video.videoHeight : 0,
        framesDecoded: 0, framesShown: 0 };
      if (video && video.getVideoPlaybackQuality) {
        result.framesShown = video.getVideoPlaybackQuality().totalVideoFrames;
      }
      const peer = session && session.peerConnections[userId];
      if (peer && peer._pc) {
        const stats = await peer._pc.getStats();
        stats.forEach((r) => {
          if (r.type === 'inbound-rtp' && r.kind === 'video') result.framesDecoded += r.framesDecoded || 0;
        });
      }
      return result;
    },

    /** RGB (0xRRGGBB) of the video from userId at points given as fractions of its width and height. */
    remoteVideoColors(userId, points) {
      const video = document.getElementById('remote-' + userId);
      if (!video || !video.videoWidth) return [];
      const canvas = document.createElement('canvas');
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      const g = canvas.getContext('2d', { willReadFrequently: true });
      g.drawImage(video, 0, 0);
      return points.map(([fx, fy]) => {
        const d = g.getImageData(Math.floor(fx * canvas.width), Math.floor(fy * canvas.height), 1, 1).data;
        return (d[0] << 16) | (d[1] << 8) | d[2];
      });
    },

    /**
     * The tones in userId's audio as the page hears it, through WebAudio: the loudest frequency,
     * the level at hz and the loudest level farther than 30 Hz from it (dB of the analyser).
     */
    async remoteAudioTone(userId, hz) {
      const video = document.getElementById('remote-' + userId);
      if (!video || !video.srcObject || !video.srcObject.getAudioTracks().length) return null;
      let player = document.getElementById('audio-' + userId);
      if (!player) {
        player = document.createElement('audio');
        player.id = 'audio-' + userId;
        player.autoplay = true;
        player.srcObject = video.srcObject;
        document.body.appendChild(player);
      }
      return window.toneIn(video.srcObject, player, hz);
    },

    /**
     * Starts noting when sound begins in a stream: 'local' (this page's microphone) or a user id
     * (what the page receives from that user). Every 2 ms the last 256 samples are read from an
     * analyser; an onset is the first window louder than -40 dBFS after at least 300 ms of quiet,
     * noted in wall-clock milliseconds (as events are). For latency benchmarks.
     */
    async watchOnsets(source) {
      const stream = source === 'local' ? session && session.localStream
        : document.getElementById('remote-' + source) && document.getElementById('remote-' + source).srcObject;
      if (!stream || !stream.getAudioTracks().length) throw new Error('no audio from ' + source);
      if (!window.audioContext) window.audioContext = new AudioContext();
      const context = window.audioContext;
      await context.resume();
      if (source !== 'local' && !document.getElementById('audio-' + source)) {
        // Chromium feeds a remote track to WebAudio only while a media element plays it.
        const player = document.createElement('audio');
        player.id = 'audio-' + source;
        player.autoplay = true;
        player.srcObject = stream;
        document.body.appendChild(player);
      }
      const analyser = context.createAnalyser();
      analyser.fftSize = 256;
      context.createMediaStreamSource(stream).connect(analyser);
      const samples = new Float32Array(analyser.fftSize);
      const threshold = Math.pow(10, -40 / 20);
      const found = [];
      let quietSince = now();
      const timer = setInterval(() => {
        analyser.getFloatTimeDomainData(samples);
        let sum = 0;
        for (const v of samples) sum += v * v;
        const t = now();
        if (Math.sqrt(sum / samples.length) > threshold) {
          if (quietSince !== null && t - quietSince >= 300) found.push(t);
          quietSince = null;
        } else if (quietSince === null) {
          quietSince = t;
        }
      }, 2);
      window.onsetWatches = window.onsetWatches || {};
      window.onsetWatches[source] = { found: found, timer: timer };
      return true;
    },

    /** The onsets noted so far in source's stream, and stops watching it. */
    onsets(source) {
      const watch = window.onsetWatches && window.onsetWatches[source];
      if (!watch) throw new Error('not watching ' + source);
      clearInterval(watch.timer);
      return watch.found;
    },

    sessionState() {
      return session ? session.state : null;
    }
  };
})();
