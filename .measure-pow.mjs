// Times the sign form's proof of work in Chromium: the module as the browser runs it, at the real
// difficulty, for many addresses; and the raw rates of the hand-rolled SHA-256 and of Web Crypto.
import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { loadavg, cpus } from "node:os";
const bundle = readFileSync("/tmp/shared-conn-scratch/pow.iife.js", "utf8");
const html = `<!doctype html><meta charset="utf-8"><script>${bundle}</script>`;
const server = createServer((req, res) => { res.setHeader("content-type", "text/html"); res.end(html); }).listen(0, "127.0.0.1");
await new Promise((r) => server.once("listening", r));
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const page = await browser.newPage();
await page.goto(`http://127.0.0.1:${server.address().port}/`);
const runs = Number(process.argv[2] ?? 40);
console.log(`load average ${loadavg().map((x) => x.toFixed(1)).join(" / ")}, ${cpus().length} × ${cpus()[0].model}`);
const times = await page.evaluate(async (runs) => {
  const out = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const nonce = await nidaProof.solveProof({ campaignSlug: "protect-civilians-northwest-syria", email: `signer${i}.${Math.random().toString(36).slice(2)}@example.org` });
    out.push({ ms: performance.now() - t, nonce: Number(nonce) });
  }
  return out;
}, runs);
const ms = times.map((t) => t.ms).sort((a, b) => a - b);
const pct = (p) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))];
const hashes = times.reduce((s, t) => s + t.nonce + 1, 0);
const total = times.reduce((s, t) => s + t.ms, 0);
console.log(`solveProof at 18 bits, ${runs} addresses: median ${pct(0.5).toFixed(0)} ms, mean ${(total / runs).toFixed(0)} ms, p90 ${pct(0.9).toFixed(0)} ms, max ${ms[ms.length - 1].toFixed(0)} ms; ${Math.round(hashes / total * 1000)} hashes/s including pauses; mean tries ${Math.round(hashes / runs)}`);
const raw = await page.evaluate(async () => {
  const seed = nidaProof.proofSeed("c", "a@b.org");
  let t = performance.now(); nidaProof.searchNonces(seed, 0, 1 << 20, 33); const hand = (1 << 20) / (performance.now() - t) * 1000;
  const buf = new Uint8Array(36); const v = new DataView(buf.buffer);
  t = performance.now(); for (let n = 0; n < 50000; n++) { v.setUint32(32, n); await crypto.subtle.digest("SHA-256", buf); } const subtle = 50000 / (performance.now() - t) * 1000;
  return { hand, subtle };
});
console.log(`raw rate: hand-rolled ${Math.round(raw.hand)} hashes/s, Web Crypto (crypto.subtle.digest, one await each) ${Math.round(raw.subtle)} hashes/s`);
await browser.close(); server.close();
