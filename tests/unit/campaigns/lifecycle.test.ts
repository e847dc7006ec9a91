import { describe, expect, it } from "vitest";
import { campaignPhase, isClosed, isOpen, isPublic, isUpcoming } from "../../../lib/campaigns/lifecycle";

const now = new Date("2026-12-10T12:00:00Z");
const before = new Date("2026-12-01T00:00:00Z");
const after = new Date("2026-12-20T00:00:00Z");

const cases = [
  { name: "a draft", campaign: { status: "DRAFT", opensAt: null, closesAt: null }, phase: "draft" },
  { name: "a draft whose dates have come", campaign: { status: "DRAFT", opensAt: before, closesAt: before }, phase: "draft" },
  { name: "published without dates", campaign: { status: "OPEN", opensAt: null, closesAt: null }, phase: "open" },
  { name: "published, between its dates", campaign: { status: "OPEN", opensAt: before, closesAt: after }, phase: "open" },
  { name: "published, before its opening date", campaign: { status: "OPEN", opensAt: after, closesAt: null }, phase: "upcoming" },
  { name: "published, past its closing date", campaign: { status: "OPEN", opensAt: null, closesAt: before }, phase: "closed" },
  { name: "published, opening exactly now", campaign: { status: "OPEN", opensAt: now, closesAt: null }, phase: "open" },
  { name: "published, closing exactly now", campaign: { status: "OPEN", opensAt: null, closesAt: now }, phase: "closed" },
  { name: "closed by an organiser before its closing date", campaign: { status: "CLOSED", opensAt: null, closesAt: after }, phase: "closed" },
  { name: "closed by an organiser before it opened", campaign: { status: "CLOSED", opensAt: after, closesAt: null }, phase: "closed" },
] as const;

describe("campaign lifecycle", () => {
  it.each(cases)("$name is $phase", ({ campaign, phase }) => {
    expect(campaignPhase(campaign, now)).toBe(phase);
    expect(isPublic(campaign)).toBe(phase !== "draft");
    expect(isOpen(campaign, now)).toBe(phase === "open");
    expect(isClosed(campaign, now)).toBe(phase === "closed");
    expect(isUpcoming(campaign, now)).toBe(phase === "upcoming");
  });
});
