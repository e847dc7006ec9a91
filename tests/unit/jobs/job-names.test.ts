import { describe, expect, it } from "vitest";
import arJobs from "../../../lib/i18n/messages/ar/jobs.json";
import enJobs from "../../../lib/i18n/messages/en/jobs.json";
import { periodicJobs } from "../../../lib/jobs/periodic-jobs";

// The owners' background-jobs page names every periodic job in the reader's language.
describe("background job names", () => {
  it("names every periodic job in English and in Arabic", () => {
    const names = periodicJobs.map((job) => job.name);
    for (const messages of [enJobs, arJobs]) {
      const named = messages.OrganiserJobs.jobs as Record<string, string>;
      expect(names.filter((name) => !named[name]?.trim())).toEqual([]);
    }
  });
});
