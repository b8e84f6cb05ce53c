// Drives QuickBlox JS SDK pages (and janus.js video room pages) in Debian's Chromium for Parley's interoperability tests and
// benchmarks. Protocol: one JSON object per line on stdin, one reply per line on stdout.
//   {"id":1,"op":"open","page":"js1"}                       open a page (own browser context)
//   {"id":1,"op":"open","page":"r1","path":"janus.html"}    open the janus.js video room page instead
//   {"id":2,"op":"call","page":"js1","fn":"login","args":[333,"pw"]}   await window.peer.fn(...args)
//   {"id":3,"op":"close","page":"js1"}
// Replies: {"id":1,"ok":true,"result":...} or {"id":1,"ok":false,"error":"..."}. The first line
// written is {"ready":true,"browser":"<version>"}. EOF on stdin closes the browser and exits.
// Page console output goes to stderr, prefixed with the page name. The fake microphone plays 440 Hz.
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFile, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createInterface } from 'node:readline';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const files = {
  '/': ['page/index.html', 'text/html'],
  '/peer.js': ['page/peer.js', 'text/javascript'],
  '/tones.js': ['page/tones.js', 'text/javascript'],
  '/quickblox.min.js': ['vendor/quickblox.min.js', 'text/javascript'],
  '/janus.html': ['page/janus.html', 'text/html'],
  '/janus-peer.js': ['page/janus-peer.js', 'text/javascript'],
  '/janus.es.js': ['node_modules/janus-gateway/dist/janus.es.js', 'text/javascript'],
  '/adapter.js': ['node_modules/webrtc-adapter/out/adapter.js', 'text/javascript'],
};

const server = createServer(async (req, res) => {
  const file = files[req.url];
  if (!file) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': file[1] }).end(await readFile(join(here, file[0])));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}/`;

// The fake microphone plays a 440 Hz sine (Chromium loops the file), so that tests can tell what
// a Parley user hears from the page. With PARLEY_FAKE_MIC=bursts it plays 250 ms of the sine
// every 2 s instead, for latency measurements.
const bursts = process.env.PARLEY_FAKE_MIC === 'bursts';
const toneFile = join(tmpdir(), `parley-fake-mic-440-${bursts ? 'bursts-' : ''}${process.pid}.wav`);
await writeFile(toneFile, sineWav(440, 48000, 2, bursts ? 0.25 : 2));

function sineWav(hz, rate, seconds, soundingSeconds) {
  const samples = rate * seconds;
  const sounding = rate * soundingSeconds;
  const wav = Buffer.alloc(44 + samples * 2);
  wav.write('RIFF', 0); wav.writeUInt32LE(36 + samples * 2, 4); wav.write('WAVE', 8);
  wav.write('fmt ', 12); wav.writeUInt32LE(16, 16); wav.writeUInt16LE(1, 20); wav.writeUInt16LE(1, 22);
  wav.writeUInt32LE(rate, 24); wav.writeUInt32LE(rate * 2, 28); wav.writeUInt16LE(2, 32); wav.writeUInt16LE(16, 34);
  wav.write('data', 36); wav.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++) {
    const sample = i < sounding ? Math.round(0.3 * 32767 * Math.sin(2 * Math.PI * hz * i / rate)) : 0;
    wav.writeInt16LE(sample, 44 + i * 2);
  }
  return wav;
}

const browser = await chromium.launch({
  executablePath: process.env.PARLEY_CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--use-fake-ui-for-media-stream',
    // PARLEY_FAKE_CAMERA_FPS sets the fake camera's rate (Chromium's default otherwise)
    process.env.PARLEY_FAKE_CAMERA_FPS ? `--use-fake-device-for-media-stream=fps=${Number(process.env.PARLEY_FAKE_CAMERA_FPS)}`
      : '--use-fake-device-for-media-stream', '--autoplay-policy=no-user-gesture-required',
    `--use-file-for-fake-audio-capture=${toneFile}`],
});

const pages = new Map();
const reply = (message) => process.stdout.write(JSON.stringify(message) + '\n');

async function handle(request) {
  switch (request.op) {
    case 'open': {
      if (pages.has(request.page)) throw new Error(`page ${request.page} is already open`);
      const context = await browser.newContext({ permissions: ['camera', 'microphone'] });
      const page = await context.newPage();
      page.on('console', (m) => process.stderr.write(`[${request.page}] ${m.text()}\n`));
      page.on('pageerror', (e) => process.stderr.write(`[${request.page}] page error: ${e.message}\n`));
      // the QuickBlox JS SDK's page by default; "path": "janus.html" for the janus.js room peer
      await page.goto(origin + (request.path || ''));
      await page.waitForFunction((quickblox) => window.peer && (!quickblox || window.QB), !request.path);
      pages.set(request.page, { context, page });
      return true;
    }
    case 'call': {
      const entry = pages.get(request.page);
      if (!entry) throw new Error(`no page ${request.page}`);
      return await entry.page.evaluate(({ fn, args }) => window.peer[fn](...args),
        { fn: request.fn, args: request.args || [] });
    }
    case 'close': {
      const entry = pages.get(request.page);
      if (entry) {
        pages.delete(request.page);
        await entry.context.close();
      }
      return true;
    }
    default:
      throw new Error(`unknown op ${request.op}`);
  }
}

async function shutDown() {
  for (const { context } of pages.values()) await context.close().catch(() => {});
  await browser.close().catch(() => {});
  server.close();
  await unlink(toneFile).catch(() => {});
  process.exit(0);
}

reply({ ready: true, browser: browser.version() });
const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  let request;
  try {
    request = JSON.parse(line);
  } catch (e) {
    reply({ ok: false, error: `not JSON: ${line}` });
    return;
  }
  handle(request).then(
    (result) => reply({ id: request.id, ok: true, result: result === undefined ? null : result }),
    (error) => reply({ id: request.id, ok: false, error: String(error && error.message || error) }));
});
lines.on('close', shutDown);
process.on('SIGTERM', shutDown);
