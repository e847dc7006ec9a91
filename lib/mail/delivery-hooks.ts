import type { Tx } from "../db";
import type { TemplateName } from "./templates";

// A message's outcome, once final: handed to the provider (or kept in the development mailbox),
// or given up.
export type DeliveryOutcome = { template: string; outboxKey: string; sent: { providerId: string; kept: boolean } | null };

type DeliveryHook = (tx: Tx, outcome: DeliveryOutcome) => Promise<void>;

const hooks = new Map<string, DeliveryHook>();

// What a message's outcome means to the module that sent it (a digest's status), registered by
// that module. Run in the transaction that records the outcome, so both commit together.
export function onDelivery(template: TemplateName, hook: DeliveryHook): void {
  hooks.set(template, hook);
}

export async function runDeliveryHooks(tx: Tx, outcome: DeliveryOutcome): Promise<void> {
  await hooks.get(outcome.template)?.(tx, outcome);
}
