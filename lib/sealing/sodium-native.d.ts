// The part of sodium-native's interface that sealing uses (it ships no types of its own).
declare module "sodium-native" {
  const sodium: {
    readonly crypto_aead_xchacha20poly1305_ietf_NPUBBYTES: number;
    readonly crypto_aead_xchacha20poly1305_ietf_ABYTES: number;
    readonly crypto_aead_xchacha20poly1305_ietf_KEYBYTES: number;
    // Writes ciphertext and tag into `ciphertext` (message length + ABYTES); returns its length.
    crypto_aead_xchacha20poly1305_ietf_encrypt(ciphertext: Buffer, message: Buffer, additionalData: Buffer | null, secretNonce: null, nonce: Buffer, key: Buffer): number;
    // Throws when the tag does not verify; returns the message's length.
    crypto_aead_xchacha20poly1305_ietf_decrypt(message: Buffer, secretNonce: null, ciphertext: Buffer, additionalData: Buffer | null, nonce: Buffer, key: Buffer): number;
    randombytes_buf(buffer: Buffer): void;
  };
  export default sodium;
}
