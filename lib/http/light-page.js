// @ts-check
// The campaign page without Next.js's client. React and the App Router's runtime are about 120 kB
// of compressed JavaScript on every page, and with the page's own components 200 kB: most of what
// a phone on a slow link downloads to sign. The campaign page needs a script for little (the
// proof of work, the share channel, the live count), and works without one. So when a browser
// loads it (a plain GET, or the sign form posted without a script), the server in front of Next.js
// (scripts/serve.mjs) takes Next.js's answer, leaves out its scripts and the React payload that
// only they read, and names instead the page's one small script (lib/light-page/client.ts),
// built when the server starts. A navigation inside the app (an RSC request) still gets the page
// as React renders it, and so does the development server.
import { createHash } from "node:crypto";
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";
import { localeCodes } from "../i18n/locale-codes.js";

const campaignPage = new RegExp(`^/(?:${localeCodes.join("|")})/campaigns/[^/]+$`);
// Headers with which Next.js's client asks for the React payload, or posts a server action itself.
const clientHeaders = ["rsc", "next-action", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch"];
// Answers smaller than this are sent as they are.
const compressAbove = 1024;

/**
 * Whether a request is a browser's own load of the campaign page (or its form posted without a
 * script), which gets the light page.
 * @param {import("node:http").IncomingMessage} request
 */
export function wantsLightPage(request) {
  if (request.method !== "GET" && request.method !== "HEAD" && request.method !== "POST") return false;
  const url = new URL(request.url ?? "/", "http://localhost");
  if (!campaignPage.test(url.pathname) || url.searchParams.has("_rsc")) return false;
  return !clientHeaders.some((name) => request.headers[name] !== undefined);
}

// Every script of Next.js's (its chunks, its bootstrap, the React payload) and the hints that
// fetch them early. Structured data (application/ld+json) is not a script that runs, and stays.
const nextScript = /<script\b(?![^>]*type="application\/ld\+json")[^>]*>[\s\S]*?<\/script>/g;
const scriptHint = /<link\b[^>]*\bas="script"[^>]*\/?>|<link\b[^>]*\brel="modulepreload"[^>]*\/?>/g;

/**
 * The page's HTML without Next.js's scripts, with the light script instead.
 * @param {string} html
 * @param {string} scriptPath
 * @internal exported for its tests
 */
export function lightenPage(html, scriptPath) {
  const stripped = html.replace(nextScript, "").replace(scriptHint, "");
  return stripped.replace("</head>", `<script src="${scriptPath}" defer=""></script></head>`);
}

/**
 * The encoding to send an answer in, of those the request accepts: Brotli, else gzip, else none.
 * @param {string} acceptEncoding
 * @returns {"br" | "gzip" | null}
 */
export function encodingFor(acceptEncoding) {
  const accepted = acceptEncoding.toLowerCase();
  return /\bbr\b/.test(accepted) ? "br" : /\bgzip\b/.test(accepted) ? "gzip" : null;
}

/**
 * The body compressed as the request accepts it, with its Content-Encoding.
 * @param {Buffer} body
 * @param {string} acceptEncoding
 * @returns {{ body: Buffer; encoding: string | null }}
 * @internal exported for its tests
 */
export function compressFor(body, acceptEncoding) {
  const encoding = body.length < compressAbove ? null : encodingFor(acceptEncoding);
  if (encoding === "br") return { body: brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } }), encoding };
  if (encoding === "gzip") return { body: gzipSync(body), encoding };
  return { body, encoding: null };
}

/** @typedef {{ body: Buffer; encoding: string | null; tag: string }} Prepared */

// The page as last sent, per address and encoding: Next.js serves the same page from its cache
// for seconds at a time, so most requests find it here and compress nothing. The key's hash is of
// Next.js's answer; the tag (a strong validator: a browser that has the page is answered 304 with
// no body) is of what is sent.
/** @type {Map<string, { source: string; prepared: Prepared }>} */
const lastSent = new Map();
const lastSentMax = 1000;

/**
 * @param {string} key
 * @param {Buffer} source
 * @param {() => { body: Buffer; encoding: string | null }} prepare
 * @returns {Prepared}
 */
function prepared(key, source, prepare) {
  const hash = createHash("sha1").update(source).digest("base64url");
  const known = lastSent.get(key);
  if (known?.source === hash) return known.prepared;
  const made = prepare();
  const result = { ...made, tag: `"${createHash("sha256").update(made.body).digest("base64url").slice(0, 27)}"` };
  if (lastSent.size >= lastSentMax) lastSent.delete(/** @type {string} */ (lastSent.keys().next().value));
  lastSent.set(key, { source: hash, prepared: result });
  return result;
}

/**
 * Hands the request to Next.js and sends its answer, lightened, once it is whole. Next.js is asked
 * for the page uncompressed (this compresses it), and whatever it writes is held until it ends:
 * the page is served from Next.js's cache in one piece anyway, and is about 70 kB.
 * @param {import("node:http").IncomingMessage} request
 * @param {import("node:http").ServerResponse} response
 * @param {(request: import("node:http").IncomingMessage, response: import("node:http").ServerResponse) => Promise<void>} handle
 * @param {string} scriptPath
 */
export function serveLightPage(request, response, handle, scriptPath) {
  const acceptEncoding = String(request.headers["accept-encoding"] ?? "");
  delete request.headers["accept-encoding"];
  const ifNoneMatch = request.headers["if-none-match"];
  /** @type {Buffer[]} */
  const chunks = [];
  /** @type {any} the response's own methods, put back when Next.js has ended */
  const real = { writeHead: response.writeHead, write: response.write, end: response.end, flushHeaders: response.flushHeaders };
  /** @param {unknown} chunk @param {unknown} encoding */
  const hold = (chunk, encoding) => {
    if (chunk === undefined || chunk === null || typeof chunk === "function") return;
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? /** @type {BufferEncoding} */ (encoding) : "utf8") : Buffer.from(/** @type {Uint8Array} */ (chunk)));
  };
  /** @param {unknown[]} args */
  const callbackOf = (args) => args.find((arg) => typeof arg === "function");

  /** @type {any} */
  const held = response;
  held.writeHead = (/** @type {number} */ status, /** @type {unknown[]} */ ...rest) => {
    response.statusCode = status;
    if (typeof rest[0] === "string") response.statusMessage = rest[0];
    const headers = rest.find((arg) => arg && typeof arg === "object");
    if (headers && !Array.isArray(headers)) for (const [name, value] of Object.entries(headers)) if (value !== undefined) response.setHeader(name, /** @type {string} */ (value));
    return response;
  };
  held.flushHeaders = () => undefined;
  held.write = (/** @type {unknown} */ chunk, /** @type {unknown[]} */ ...rest) => {
    hold(chunk, rest[0]);
    const callback = callbackOf(rest);
    if (callback) process.nextTick(callback);
    return true;
  };
  held.end = (/** @type {unknown} */ chunk, /** @type {unknown[]} */ ...rest) => {
    hold(chunk, rest[0]);
    Object.assign(response, real);
    const source = Buffer.concat(chunks);
    const type = String(response.getHeader("content-type") ?? "");
    const html = response.statusCode === 200 && type.startsWith("text/html");
    const prepare = () => {
      const body = html ? Buffer.from(lightenPage(source.toString("utf8"), scriptPath)) : source;
      return type.startsWith("text/") ? compressFor(body, acceptEncoding) : { body, encoding: null };
    };
    // Only a GET's page is the same for everyone: a form's answer carries what its sender typed.
    const compressed = html && request.method === "GET" ? prepared(`${request.url} ${encodingFor(acceptEncoding)}`, source, prepare) : { ...prepare(), tag: null };
    response.removeHeader("transfer-encoding");
    response.removeHeader("content-encoding");
    const vary = String(response.getHeader("vary") ?? "");
    if (!/accept-encoding/i.test(vary)) response.setHeader("Vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
    if (compressed.encoding) response.setHeader("Content-Encoding", compressed.encoding);
    if (compressed.tag) {
      response.setHeader("ETag", compressed.tag);
      if (ifNoneMatch === compressed.tag) {
        response.statusCode = 304;
        response.removeHeader("content-length");
        response.removeHeader("content-type");
        return real.end.call(response, callbackOf(rest));
      }
    }
    if (request.method === "HEAD") return real.end.call(response, callbackOf(rest));
    response.setHeader("Content-Length", compressed.body.length);
    return real.end.call(response, compressed.body, callbackOf(rest));
  };
  return handle(request, response);
}
