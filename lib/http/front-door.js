// @ts-check
// What the HTTP server in front of Next.js (scripts/serve.mjs) settles before a request reaches
// the app. Plain JavaScript, because that server runs without a compiler.

// Route handlers and server actions get no socket from Next.js: the server writes the address of
// the connection into this header, over any value a client sent under that name.
export const peerAddressHeader = "x-nida-peer-address";

// The largest body a page reads: a server action's, or a form posted without JavaScript (the
// campaign editor's two long Markdown bodies and up to 40 demands are the largest).
export const pageBodyMaxBytes = 512 * 1024;

// The largest body any route reads, with room to tell a page's too-large body from one that fits.
// A request that declares more is answered before any of its body is read.
/** @internal exported for its tests */
export const maxRequestBodyBytes = 1024 * 1024;
const lingerMs = 1000;

// The methods Nida's routes answer. Next.js cannot turn TRACE into a fetch Request and fails with
// a 500; no route answers PUT, PATCH, DELETE or WebDAV's methods. (Node.js's parser itself answers
// 400 to methods it does not know, such as TRACK.)
const servedMethods = ["GET", "HEAD", "POST", "OPTIONS"];
const methodNotAllowed = { error: "METHOD_NOT_ALLOWED", message: "method not allowed" };

/**
 * @param {import("node:http").ServerResponse} response
 * @param {number} status
 * @param {string} error
 * @param {string} message
 * @param {Record<string, string>} headers
 */
function refuse(response, status, error, message, headers) {
  response.writeHead(status, { "Content-Type": "application/json", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", ...headers });
  response.end(JSON.stringify({ error, message }));
}

/**
 * Answers a request that no route may see, or marks it with its connection's address.
 * @param {import("node:http").IncomingMessage} request
 * @param {import("node:http").ServerResponse} response
 * @returns {boolean} whether the request goes on to the app
 */
export function admitRequest(request, response) {
  if (!servedMethods.includes(request.method ?? "")) {
    refuse(response, 405, methodNotAllowed.error, methodNotAllowed.message, { Allow: servedMethods.join(", ") });
    return false;
  }
  const length = request.headers["content-length"];
  if (length !== undefined && Number(length) > maxRequestBodyBytes) {
    refuse(response, 413, "PAYLOAD_TOO_LARGE", "request body too large", {});
    // A client that sends its body without waiting must not lose the answer to a reset connection:
    // what arrives is discarded for a second while the answer reaches it, then the connection is
    // closed (unless the body has ended by then).
    const linger = setTimeout(() => request.socket.destroy(), lingerMs).unref();
    request.on("end", () => clearTimeout(linger));
    request.resume();
    return false;
  }
  request.headers[peerAddressHeader] = request.socket.remoteAddress ?? "";
  return true;
}

/**
 * While the server shuts down: the health check says so (a load balancer then stops sending
 * requests here), and every other answer closes its connection, so none is left for the
 * balancer to reuse as the server stops accepting.
 * @param {import("node:http").IncomingMessage} request
 * @param {import("node:http").ServerResponse} response
 * @returns {boolean} whether the request goes on
 */
export function answerWhileDraining(request, response) {
  response.setHeader("Connection", "close");
  if (request.url === "/api/health" || request.url?.startsWith("/api/health?")) {
    response.writeHead(503, { "Content-Type": "application/json", "Cache-Control": "no-store", "Retry-After": "5" });
    response.end(JSON.stringify({ status: "draining" }));
    return false;
  }
  return true;
}

/**
 * A CONNECT (a request to tunnel) reaches no route: Node.js hands over the bare connection, which
 * gets the same 405 and is closed.
 * @param {import("node:stream").Duplex} socket
 */
export function refuseTunnel(socket) {
  const body = JSON.stringify(methodNotAllowed);
  socket.end(
    `HTTP/1.1 405 Method Not Allowed\r\nAllow: ${servedMethods.join(", ")}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
