// Opens N idle Server-Sent Events connections to one live article, then adds one entry through the
// editorial API and measures how long the entry takes to reach every connection.
// Usage: node bench/sse.mjs <api base> <article slug> <article id> <bearer token> <connections>
import http from 'node:http';

const [base, slug, id, token, countArg] = process.argv.slice(2);
const count = Number(countArg || 1000);
const url = new URL(`/api/v1/articles/${slug}/live-entries/stream`, base);
const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
let connected = 0;
const received = [];
let sentAt = 0;

function open() {
  return new Promise((resolve) => {
    const req = http.get(url, { agent, headers: { Accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) {
        console.error(`stream answered ${res.statusCode}`);
        res.resume();
        resolve();
        return;
      }
      connected++;
      resolve();
      let buffer = '';
      let done = false;
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        buffer += chunk;
        if (!done && sentAt && /^event: ?entry$/m.test(buffer)) {
          done = true;
          received.push(Number(process.hrtime.bigint() - sentAt) / 1e6);
        }
      });
    });
    req.on('error', (e) => { console.error('connection failed:', e.message); resolve(); });
  });
}

const started = Date.now();
for (let i = 0; i < count; i += 200) {
  await Promise.all(Array.from({ length: Math.min(200, count - i) }, open));
}
console.log(`connected ${connected}/${count} in ${Date.now() - started} ms`);
await new Promise((r) => setTimeout(r, 2000));

const body = JSON.stringify({ title: 'Benchmark', body: [{ type: 'paragraph', text: 'Entry for the fan-out benchmark.' }] });
sentAt = process.hrtime.bigint();
await new Promise((resolve, reject) => {
  const req = http.request(new URL(`/api/v1/admin/articles/${id}/live-entries`, base), {
    method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
  }, (res) => {
    let text = '';
    res.on('data', (c) => { text += c; });
    res.on('end', () => { if (res.statusCode !== 201) console.error(`adding the entry: ${res.statusCode} ${text}`); resolve(); });
  });
  req.on('error', reject);
  req.end(body);
});
const deadline = Date.now() + 30000;
while (received.length < connected && Date.now() < deadline) {
  await new Promise((r) => setTimeout(r, 20));
}
received.sort((a, b) => a - b);
const pct = (p) => received[Math.min(received.length - 1, Math.floor(received.length * p))]?.toFixed(1);
console.log(JSON.stringify({ connections: connected, delivered: received.length, first_ms: pct(0), p50_ms: pct(0.5),
  p99_ms: pct(0.99), last_ms: received.length ? received[received.length - 1].toFixed(1) : null }));
process.exit(0);
