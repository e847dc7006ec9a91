// The seed's directory reads in Arabic on the Arabic pages: every entry has its name, office and
// institution in Arabic too, and no Arabic text names an entry the seed does not have.
import { describe, expect, it } from "vitest";
import { decisionMakers, decisionMakersInArabic, letterDecisionMakers } from "../../../prisma/seed-data";

const arabicLetters = /^[\u0600-\u06FF\s()،,.-]+$/;

describe("the seed's decision-makers", () => {
  const keys = [...decisionMakers, ...letterDecisionMakers].map((person) => person.key);

  it("are each named, titled and placed in Arabic, in Arabic letters", () => {
    for (const key of keys) {
      const arabic = decisionMakersInArabic[key];
      expect(arabic, key).toBeDefined();
      for (const text of Object.values(arabic!)) expect(text, key).toMatch(arabicLetters);
    }
  });

  it("have no Arabic entry left over", () => {
    expect(Object.keys(decisionMakersInArabic).filter((key) => !keys.includes(key))).toEqual([]);
  });
});
