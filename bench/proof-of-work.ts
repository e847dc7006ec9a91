// The sign form's proof of work in Chromium (/usr/bin/chromium, or CHROMIUM_PATH): how long signers
// wait for it at the difficulty the server asks, over many addresses (the work per address varies a
// lot: the number of tries follows a geometric distribution), and how fast the browser hashes with
// the hand-rolled SHA-256 the form uses and with Web Crypto, one `crypto.subtle.digest` per try.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { chromium } from "@playwright/test";
import ts from "typescript";
import { proofOfWorkBits } from "../lib/abuse/proof-of-work";
import { formatCount, formatMs, type Figure } from "./support/report";
import type { Benchmark } from "./support/runner";

declare global {
  interface Window {
    nidaProof: typeof import("../lib/abuse/proof-of-work");
  }
}

// The module exactly as the form runs it, as plain JavaScript for a <script type="module">.
function moduleSource(): string {
  const source = readFileSync(new URL("../lib/abuse/proof-of-work.ts", import.meta.url), "utf8");
  return ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText;
}

export const proofOfWorkBenchmark: Benchmark = {
  name: "proof",
  async run(context, args) {
    const runsArg = args.indexOf("--proofs");
    const runs = runsArg >= 0 ? Number(args[runsArg + 1]) : args.includes("--quick") ? 20 : 60;
    const html = `<!doctype html><meta charset="utf-8"><script type="module">${moduleSource().replace(/^export /gm, "")}
window.nidaProof = { solveProof, proofSeed, searchNonces };</script>`;
    const server = createServer((_request, response) => response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html)).listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    // Secure context (Web Crypto needs one): the loopback address counts as one.
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const browser = await chromium.launch({ executablePath: await context.chromium(), args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
    try {
      const page = await browser.newPage();
      await page.goto(url);
      await page.waitForFunction(() => "nidaProof" in window);
      const solved = await page.evaluate(async (count) => {
        const out: { ms: number; tries: number }[] = [];
        for (let i = 0; i < count; i++) {
          const began = performance.now();
          const nonce = await window.nidaProof.solveProof({ campaignSlug: "protect-civilians-northwest-syria", email: `signer${i}.${Math.random().toString(36).slice(2)}@example.org` });
          out.push({ ms: performance.now() - began, tries: Number(nonce) + 1 });
        }
        return out;
      }, runs);
      const rates = await page.evaluate(async () => {
        const seed = window.nidaProof.proofSeed("c", "someone@example.org");
        let began = performance.now();
        // 33 bits: never found, so exactly this many tries.
        window.nidaProof.searchNonces(seed, 0, 1 << 20, 33);
        const handRolled = (1 << 20) / ((performance.now() - began) / 1000);
        const block = new Uint8Array(36);
        const view = new DataView(block.buffer);
        began = performance.now();
        for (let nonce = 0; nonce < 50_000; nonce++) {
          view.setUint32(32, nonce);
          await crypto.subtle.digest("SHA-256", block);
        }
        const webCrypto = 50_000 / ((performance.now() - began) / 1000);
        return { handRolled, webCrypto };
      });
      const times = solved.map((one) => one.ms).sort((a, b) => a - b);
      const at = (share: number) => times[Math.min(times.length - 1, Math.floor(share * times.length))]!;
      const mean = times.reduce((sum, ms) => sum + ms, 0) / times.length;
      const tries = solved.reduce((sum, one) => sum + one.tries, 0) / solved.length;
      const benchmark = "proof of work";
      return [
        { benchmark, figure: `time to solve at ${proofOfWorkBits} bits, ${runs} addresses: median / mean`, value: `${formatMs(at(0.5))} / ${formatMs(mean)}`, target: "≤ 1 s on this machine" },
        { benchmark, figure: "time to solve: 90th percentile / slowest", value: `${formatMs(at(0.9))} / ${formatMs(times[times.length - 1]!)}` },
        { benchmark, figure: "tries per proof, mean (2^bits expected)", value: `${formatCount(tries)} (${formatCount(2 ** proofOfWorkBits)})` },
        { benchmark, figure: "SHA-256 in Chromium, hand-rolled (the form's)", value: `${formatCount(rates.handRolled)}/s` },
        { benchmark, figure: "SHA-256 in Chromium, Web Crypto (one await per try)", value: `${formatCount(rates.webCrypto)}/s` },
      ] satisfies Figure[];
    } finally {
      await browser.close();
      server.close();
    }
  },
};
