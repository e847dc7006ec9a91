import { lookup, type LookupAddress, type LookupOptions } from "node:dns";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP } from "node:net";
import { isPrivateAddress } from "./endpoint-url";

export type PostOutcome = { ok: true; status: number } | { ok: false; status: number | null; error: string };

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

// Resolves like the system does, then refuses private addresses: a public name that points at
// the server's own network is caught at the moment of connecting, whatever it resolved to before.
function publicOnlyLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const refused = addresses.find((entry) => isPrivateAddress(entry.address));
    if (refused) return callback(Object.assign(new Error(`${hostname} resolves to a private address`), { code: "EPRIVATE" }), []);
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
}

// One POST of a delivery: the status code, or why there was none. Redirects are not followed
// (a receiver must answer at the address it registered); the response body is not read.
export function postWebhook(options: { url: string; body: string; headers: Record<string, string>; timeoutMs: number; allowPrivate: boolean }): Promise<PostOutcome> {
  return new Promise((resolve) => {
    let url: URL;
    try {
      url = new URL(options.url);
    } catch {
      return resolve({ ok: false, status: null, error: "invalid URL" });
    }
    if (!options.allowPrivate && isIP(url.hostname.replace(/^\[|\]$/g, "")) && isPrivateAddress(url.hostname)) {
      return resolve({ ok: false, status: null, error: "private address refused" });
    }
    const send = url.protocol === "https:" ? httpsRequest : url.protocol === "http:" ? httpRequest : null;
    if (!send) return resolve({ ok: false, status: null, error: "only http and https are delivered" });

    const signal = AbortSignal.timeout(options.timeoutMs);
    const request = send(
      url,
      {
        method: "POST",
        headers: { ...options.headers, "Content-Length": String(Buffer.byteLength(options.body)) },
        signal,
        ...(options.allowPrivate ? {} : { lookup: publicOnlyLookup }),
      },
      (response) => {
        const status = response.statusCode ?? 0;
        response.resume();
        response.on("error", () => undefined);
        resolve(status >= 200 && status < 300 ? { ok: true, status } : { ok: false, status, error: `HTTP ${status}` });
      },
    );
    request.on("error", (error) => {
      const message = signal.aborted ? `no answer within ${options.timeoutMs} ms` : error.message || String(error);
      resolve({ ok: false, status: null, error: message.slice(0, 500) });
    });
    request.end(options.body);
  });
}
