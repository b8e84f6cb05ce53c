// What both test pages share: the tones in a received audio track, heard through WebAudio.
// Independent of Chromium's audio output: stats give a received voice's level only while the
// output plays it out, and the test sound server's devices come and go between tests.

/**
 * The tones in stream's audio as the page hears it: the loudest frequency, the level at hz and
 * the loudest level farther than 30 Hz from it (dB of the analyser). Chromium feeds a remote
 * track to WebAudio only while a media element plays it: player is that element.
 */
window.toneIn = async function toneIn(stream, player, hz) {
  if (!window.audioContext) window.audioContext = new AudioContext();
  const context = window.audioContext;
  await context.resume();
  if (player.paused) player.play().catch(() => {});
  const analyser = context.createAnalyser();
  analyser.fftSize = 8192;
  analyser.smoothingTimeConstant = 0;
  const source = context.createMediaStreamSource(stream);
  source.connect(analyser);
  await new Promise((resolve) => setTimeout(resolve, 600));
  const bins = new Float32Array(analyser.frequencyBinCount);
  analyser.getFloatFrequencyData(bins);
  source.disconnect();
  const binHz = context.sampleRate / analyser.fftSize;
  let loudest = 0;
  let at = -Infinity;
  let other = -Infinity;
  bins.forEach((db, i) => {
    const f = i * binHz;
    if (f < 100 || f > 4000) return;
    if (db > bins[loudest] || loudest === 0) loudest = i;
    if (Math.abs(f - hz) <= 30) at = Math.max(at, db);
    else other = Math.max(other, db);
  });
  return { dominantHz: loudest * binHz, levelDb: at, otherDb: other };
};
