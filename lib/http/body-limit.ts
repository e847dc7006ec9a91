// Route handlers read small bodies only: anything bigger than they could need is refused before
// it is read, whatever it claims to be. A body sent without a length is cut off at the limit.
function declaredBodyTooLarge(request: Request, maxBytes: number): boolean {
  const length = request.headers.get("content-length");
  return length !== null && (!/^\d+$/.test(length) || Number(length) > maxBytes);
}

export function payloadTooLargeResponse(): Response {
  return Response.json({ error: "PAYLOAD_TOO_LARGE", message: "request body too large" }, { status: 413, headers: { "Cache-Control": "no-store" } });
}

// Whether the body is larger than maxBytes, counted as it is read when its length is not declared.
// For a copy of the body (proxy.ts reads Next.js's): the original stays unread.
export async function bodyExceeds(request: Request, maxBytes: number): Promise<boolean> {
  if (declaredBodyTooLarge(request, maxBytes)) return true;
  if (request.headers.has("content-length") || !request.body) return false;
  const reader = request.body.getReader();
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return false;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return true;
    }
  }
}

// Reads at most maxBytes of the body; null when there is more.
export async function readLimitedBytes(request: Request, maxBytes: number): Promise<Uint8Array | null> {
  if (declaredBodyTooLarge(request, maxBytes)) return null;
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

// Reads at most maxBytes of the body as text; null when there is more.
export async function readLimitedText(request: Request, maxBytes: number): Promise<string | null> {
  const bytes = await readLimitedBytes(request, maxBytes);
  return bytes === null ? null : new TextDecoder().decode(bytes);
}

// The body as JSON, read as readLimitedText reads it. `value` is undefined when the body is not JSON.
export async function readLimitedJson(request: Request, maxBytes: number): Promise<{ tooLarge: true } | { tooLarge: false; value: unknown }> {
  const text = await readLimitedText(request, maxBytes);
  if (text === null) return { tooLarge: true };
  try {
    return { tooLarge: false, value: JSON.parse(text) as unknown };
  } catch {
    return { tooLarge: false, value: undefined };
  }
}
