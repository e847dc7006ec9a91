import { recountJob, signAttemptsPruneJob, trendingJob } from "../abuse/abuse-jobs";
import { digestJob } from "../digests/run-digest-job";
import { noticeJob } from "../notices/send-notices";
import { responseJob } from "../response-thresholds/run-response-job";
import { retentionJob } from "../privacy/retention-job";
import { confirmationReminderJob } from "../signatures/confirmation-reminder";
import type { PeriodicJob } from "./scheduler";

// Every periodic job the scheduler runs, in the order it looks at them.
export const periodicJobs: readonly PeriodicJob[] = [responseJob, digestJob, trendingJob, recountJob, signAttemptsPruneJob, retentionJob, noticeJob, confirmationReminderJob];
