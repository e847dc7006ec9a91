// A digest as both delivery logs show it: what it said (period, counts, fingerprint) and what
// became of it at the provider.
export const digestDeliverySelect = {
  id: true,
  kind: true,
  periodKey: true,
  newSignatures: true,
  totalSignatures: true,
  fingerprint: true,
  paperSignatures: true,
  paperFingerprint: true,
  status: true,
  queuedAt: true,
  sentAt: true,
  deliveredAt: true,
  bouncedAt: true,
  failedAt: true,
} as const;
