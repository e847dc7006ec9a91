// @ts-check
// The light campaign page's script (lib/light-page/client.ts), bundled when the server starts and
// served by it from memory under a name that changes with its content, so browsers keep it for a
// year and never ask again. esbuild bundles it in a few milliseconds.
import { createHash } from "node:crypto";
import { join } from "node:path";
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";
import { build } from "esbuild";
import { encodingFor } from "./light-page.js";

/** @typedef {{ path: string; identity: Buffer; br: Buffer; gzip: Buffer }} LightScript */

/**
 * @param {string} root the project's folder
 * @returns {Promise<LightScript>}
 */
export async function buildLightScript(root) {
  const result = await build({
    entryPoints: [join(root, "lib", "light-page", "client.ts")],
    tsconfig: join(root, "tsconfig.json"),
    bundle: true,
    minify: true,
    format: "iife",
    target: ["es2020"],
    legalComments: "none",
    write: false,
    logLevel: "silent",
  });
  const identity = Buffer.from(result.outputFiles[0].contents);
  const hash = createHash("sha256").update(identity).digest("base64url").slice(0, 12);
  return {
    path: `/_light/campaign.${hash}.js`,
    identity,
    br: brotliCompressSync(identity, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }),
    gzip: gzipSync(identity, { level: 9 }),
  };
}

/**
 * Answers a request for the script; false if the request is for something else.
 * @param {import("node:http").IncomingMessage} request
 * @param {import("node:http").ServerResponse} response
 * @param {LightScript} script
 */
export function answerLightScript(request, response, script) {
  if (request.url !== script.path || (request.method !== "GET" && request.method !== "HEAD")) return false;
  const encoding = encodingFor(String(request.headers["accept-encoding"] ?? ""));
  const body = encoding ? script[encoding] : script.identity;
  response.writeHead(200, {
    "Content-Type": "text/javascript; charset=utf-8",
    "Content-Length": body.length,
    "Cache-Control": "public, max-age=31536000, immutable",
    "X-Content-Type-Options": "nosniff",
    Vary: "Accept-Encoding",
    ...(encoding ? { "Content-Encoding": encoding } : {}),
  });
  response.end(request.method === "HEAD" ? undefined : body);
  return true;
}
