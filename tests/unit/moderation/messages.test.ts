import { describe, expect, it } from "vitest";
import { messages } from "../../../lib/i18n/translator";
import { bulkActions, invalidationReasons, moderationErrorKeys, selectorKinds, signatureStates } from "../../../lib/moderation/schema";

// Keys the moderation pages build from domain values: each must have a message in both languages.
describe("moderation messages", () => {
  for (const locale of ["en", "ar"] as const) {
    const moderation = messages[locale].Moderation as unknown as Record<string, Record<string, unknown>>;
    const states = messages[locale].SignatureStates as unknown as Record<string, unknown>;

    it(`has a message for every error, state, reason, selector and action (${locale})`, () => {
      for (const key of moderationErrorKeys) expect(moderation.errors![key], key).toEqual(expect.any(String));
      // Every page names a state with the one word the organisers' pages share.
      for (const state of signatureStates) expect(states[state], state).toEqual(expect.any(String));
      for (const reason of invalidationReasons) expect(moderation.reasons![reason], reason).toEqual(expect.any(String));
      for (const kind of selectorKinds) expect((moderation.bulk!.kinds as Record<string, unknown>)[kind], kind).toEqual(expect.any(String));
      for (const action of bulkActions) {
        expect((moderation.bulk!.actions as Record<string, unknown>)[action], action).toEqual(expect.any(String));
        expect(moderation.preview![action], action).toEqual(expect.any(String));
        expect(moderation.done![action], action).toEqual(expect.any(String));
      }
    });
  }
});
