// Event names as the receiving systems see them, and the message keys that name them for people.
export const eventMessageKeys = {
  "signature.confirmed": "signatureConfirmed",
  "milestone.reached": "milestoneReached",
  "digest.delivered": "digestDelivered",
  "webhook.test": "test",
} as const;

export function eventMessageKey(event: string): (typeof eventMessageKeys)[keyof typeof eventMessageKeys] | null {
  return (eventMessageKeys as Record<string, (typeof eventMessageKeys)[keyof typeof eventMessageKeys]>)[event] ?? null;
}
