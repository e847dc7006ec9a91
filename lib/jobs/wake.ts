import { EventEmitter } from "node:events";

// The queues that deliver work in the background.
export type QueueName = "mail" | "webhooks" | "updates";

// On globalThis, so a wake from a route's module graph reaches the worker started by the server's
// instrumentation, whichever bundle each was loaded from.
const state = globalThis as unknown as { nidaQueueWake?: EventEmitter };
const bus = (state.nidaQueueWake ??= new EventEmitter());

// Called after the transaction that queued work commits, so the queue's worker looks now rather
// than at its next poll (before the commit it would find nothing).
export function wakeQueue(name: QueueName): void {
  bus.emit(name);
}

export function onQueueWake(name: QueueName, listener: () => void): () => void {
  bus.on(name, listener);
  return () => bus.off(name, listener);
}
