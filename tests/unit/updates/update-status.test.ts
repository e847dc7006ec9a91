import { describe, expect, it } from "vitest";
import { updateStatusView } from "../../../lib/updates/list-updates";

const now = new Date("2026-12-06T21:00:00Z");

describe("an update's state as the organiser reads it", () => {
  it("says a scheduled update whose time has come is starting to send, not still waiting", () => {
    const pressed = new Date("2026-12-06T20:59:58Z");
    expect(updateStatusView({ status: "SCHEDULED", scheduledFor: pressed, sentAt: null }, now)).toEqual({ key: "STARTING", when: pressed });
  });

  it("gives a later time as scheduled, and a sent update its sending time", () => {
    const later = new Date("2026-12-07T09:00:00Z");
    expect(updateStatusView({ status: "SCHEDULED", scheduledFor: later, sentAt: null }, now)).toEqual({ key: "SCHEDULED", when: later });
    const sent = new Date("2026-12-06T20:00:00Z");
    expect(updateStatusView({ status: "SENT", scheduledFor: null, sentAt: sent }, now)).toEqual({ key: "SENT", when: sent });
  });
});
