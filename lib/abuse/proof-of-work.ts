// The sign form's proof of work, computed in the signer's browser (no third party, no widget): find
// a 32-bit number `nonce` such that SHA-256(seed ‖ nonce, 4 bytes big-endian) starts with
// `proofOfWorkBits` zero bits, where seed = SHA-256 of the campaign and the e-mail address. Bound to
// one address on one campaign, a proof is worth one signature (one signature per campaign per
// address), so it needs no challenge from the server and no record of spent proofs. The server
// checks it with Node's own SHA-256 (verify-proof.ts); this file is the browser's side.

// About 2^18 hashes on average: a second or so on a modest phone, a fraction of a second on a
// computer (README, "Shared connections"). The page and the server must agree on it.
export const proofOfWorkBits = 18;

// The address as the server sees it after validation: trimmed, and compared without case.
export function proofSeedText(campaignSlug: string, email: string): string {
  return `nida-proof:1:${campaignSlug}:${email.trim().toLowerCase()}`;
}

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
  0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
  0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
  0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const H0 = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);

// One SHA-256 compression of the block in w[0..15] (w has room for 64 words) into `state`.
// Written for speed in a browser: one shape of array, plain 32-bit arithmetic.
function compress(state: Int32Array, w: Int32Array): void {
  for (let i = 16; i < 64; i++) {
    const x = w[i - 15]!;
    const y = w[i - 2]!;
    w[i] = (w[i - 16]! + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + w[i - 7]! + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
  }
  let a = state[0]!, b = state[1]!, c = state[2]!, d = state[3]!, e = state[4]!, f = state[5]!, g = state[6]!, h = state[7]!;
  for (let i = 0; i < 64; i++) {
    const t1 = (h + (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))) + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) | 0;
    const t2 = ((((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  state[0] = (state[0]! + a) | 0;
  state[1] = (state[1]! + b) | 0;
  state[2] = (state[2]! + c) | 0;
  state[3] = (state[3]! + d) | 0;
  state[4] = (state[4]! + e) | 0;
  state[5] = (state[5]! + f) | 0;
  state[6] = (state[6]! + g) | 0;
  state[7] = (state[7]! + h) | 0;
}

// SHA-256 of any bytes, as eight 32-bit words (signed, as JavaScript's bit operations give them).
/** @internal exported for its tests */
export function sha256Words(bytes: Uint8Array): Int32Array {
  const blocks = Math.ceil((bytes.length + 9) / 64);
  const padded = new Uint8Array(blocks * 64);
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bytes.length / 2 ** 29));
  view.setUint32(padded.length - 4, (bytes.length * 8) >>> 0);
  const state = new Int32Array(H0);
  const w = new Int32Array(64);
  for (let block = 0; block < blocks; block++) {
    for (let i = 0; i < 16; i++) w[i] = view.getInt32(block * 64 + i * 4);
    compress(state, w);
  }
  return state;
}

/** @internal exported for its tests */
export function proofSeed(campaignSlug: string, email: string): Int32Array {
  return sha256Words(new TextEncoder().encode(proofSeedText(campaignSlug, email)));
}

// Tries the nonces start, start + 1, … for at most `count` of them (never past 2^32 - 1): the first
// that meets `bits`, or null. Each try is one block: the seed's 32 bytes, the nonce's 4, padding.
/** @internal exported for its tests */
export function searchNonces(seed: Int32Array, start: number, count: number, bits = proofOfWorkBits): number | null {
  const w = new Int32Array(64);
  const state = new Int32Array(8);
  const end = Math.min(start + count, 2 ** 32);
  // compress() writes only w[16..63]: the block's other words stay as set here.
  w.set(seed);
  w[9] = 0x80000000 | 0;
  w[15] = 36 * 8;
  for (let nonce = start; nonce < end; nonce++) {
    w[8] = nonce | 0;
    state.set(H0);
    compress(state, w);
    if (Math.clz32(state[0]!) >= bits) return nonce;
  }
  return null;
}

// Gives the page back between slices of work, so typing and scrolling stay smooth (a message
// channel is not slowed down the way nested timers are).
function pause(): Promise<void> {
  if (typeof MessageChannel === "undefined") return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

// Solves in slices of about 30 ms. Resolves with the nonce as the form sends it (decimal), or null
// if `signal` aborted first.
export async function solveProof(options: { campaignSlug: string; email: string; signal?: AbortSignal; bits?: number }): Promise<string | null> {
  const seed = proofSeed(options.campaignSlug, options.email);
  let slice = 4096;
  for (let start = 0; start < 2 ** 32; start += slice) {
    if (options.signal?.aborted) return null;
    const began = performance.now();
    const found = searchNonces(seed, start, slice, options.bits);
    if (found !== null) return String(found);
    const took = performance.now() - began;
    // Slices of about 30 ms whatever the device's speed.
    if (took < 15) slice *= 2;
    else if (took > 60 && slice > 1024) slice /= 2;
    await pause();
  }
  return null;
}
