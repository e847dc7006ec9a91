import type { Prisma } from "../generated/prisma/client";

// Which signatures each moderation action applies to, in one place for the actions, their previews
// and the trending flags' page.

// An invalidation takes these out of the count (or out of the queue for review).
export const invalidatableStates = ["CONFIRMED", "PENDING", "HELD", "FRAUDULENT"] as const;

// A restore takes these back: invalidated by an organiser, or held for review (HELD, and
// FRAUDULENT from before HELD existed).
export const restorableStates = ["INVALIDATED", "HELD", "FRAUDULENT"] as const;
export type RestorableState = (typeof restorableStates)[number];
export const heldStates = ["HELD", "FRAUDULENT"] as const satisfies readonly RestorableState[];

// The states the organisers' pages count and filter by, in this order, each named alike on every
// page; "held for review" takes in the FRAUDULENT rows from before HELD.
export const organiserStates = ["CONFIRMED", "PENDING", "HELD", "INVALIDATED"] as const;

// FRAUDULENT rows from before HELD never got `confirmedAt`; their signers confirmed when every
// confirmation token is gone (only confirming or anonymising removes them, and an anonymised row
// is marked).
export const fraudulentConfirmedBefore: Prisma.SignatureWhereInput = { state: "FRAUDULENT", confirmedAt: null, anonymisedAt: null, supporterId: { not: null }, tokens: { none: {} } };

// Confirmed by their signers: `confirmedAt` is set by the signer confirming, whatever the state,
// and kept by invalidation; or a FRAUDULENT row from before, as above.
export const confirmedByTheirSigner: Prisma.SignatureWhereInput = { OR: [{ confirmedAt: { not: null } }, fraudulentConfirmedBefore] };
