import { getTranslations, setRequestLocale } from "next-intl/server";
import { formatNumber, formatUtcMoment } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { listJobStatus, type PeriodicJobStatus } from "@/lib/jobs/job-status";
import { organiserPageMetadata, orNotFound } from "../page-access";
import { OrganiserTable } from "../organiser-table";
import { requireOrganiser } from "../require-organiser";

type Props = { params: Promise<{ locale: Locale }> };

export const generateMetadata = organiserPageMetadata("OrganiserJobs", "title");

// Owners only (of any organisation): the platform's background work, its last and next runs and
// its failures. Anyone else gets "not found".
export default async function JobsPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireOrganiser(locale);
  const [t, status] = await Promise.all([getTranslations({ locale, namespace: "OrganiserJobs" }), orNotFound(listJobStatus({ actor }))]);
  function lastRun(run: PeriodicJobStatus["lastRun"]) {
    if (!run) return t("never");
    const time = formatUtcMoment(run.startedAt, locale);
    if (!run.finishedAt) return t("running", { time });
    if (run.error) return t("failed", { time, error: run.error });
    return t("finished", { time });
  }

  return (
    <>
      <h1>{t("heading")}</h1>
      <p className="lede">{t("intro")}</p>
      {status.jobsEnabled ? null : <p role="status">{t("jobsOff")}</p>}
      <section aria-labelledby="periodic-heading" className="organiser-section">
        <h2 id="periodic-heading">{t("periodicHeading")}</h2>
        <OrganiserTable
          labelledBy="periodic-caption"
          className="organiser-table stack-on-phone"
          captionId="periodic-caption"
          captionHidden
          caption={t("periodicCaption")}
          withRoles
          columns={[{ label: t("job") }, { label: t("every"), numeric: true }, { label: t("lastRun") }, { label: t("nextRun") }, { label: t("failures"), numeric: true }]}
        >
          {status.periodic.map((job) => (
            <tr role="row" key={job.name} data-job={job.name}>
              <th role="rowheader" scope="row" data-label={t("job")}>
                {t(`jobs.${job.name}` as "jobs.digests")}
              </th>
              <td role="cell" className="numeric" data-label={t("every")}>
                {t("minutes", { count: Math.round(job.periodMs / 60_000) })}
              </td>
              <td role="cell" data-label={t("lastRun")} data-last-run>
                {lastRun(job.lastRun)}
              </td>
              <td role="cell" data-label={t("nextRun")} data-next-run>
                {job.nextRunAt ? <time dateTime={job.nextRunAt.toISOString()}>{formatUtcMoment(job.nextRunAt, locale)}</time> : t("dueNow")}
              </td>
              <td role="cell" className="numeric" data-label={t("failures")} data-failures>
                {t("failuresOf", { failures: formatNumber(job.failures, locale), runs: formatNumber(job.runs, locale) })}
              </td>
            </tr>
          ))}
        </OrganiserTable>
      </section>
      <section aria-labelledby="queues-heading" className="organiser-section">
        <h2 id="queues-heading">{t("queuesHeading")}</h2>
        <p>{t("queuesIntro")}</p>
        <OrganiserTable
          labelledBy="queues-caption"
          className="organiser-table stack-on-phone"
          captionId="queues-caption"
          captionHidden
          caption={t("queuesCaption")}
          withRoles
          columns={[{ label: t("queue") }, { label: t("due"), numeric: true }, { label: t("retrying"), numeric: true }, { label: t("inFlight"), numeric: true }, { label: t("givenUp"), numeric: true }]}
        >
          {status.queues.map((queue) => (
            <tr role="row" key={queue.name} data-queue={queue.name}>
              <th role="rowheader" scope="row" data-label={t("queue")}>
                {t(`queues.${queue.name}`)}
                {queue.oldestDueAt ? <span className="audit-detail">{t("oldestDue", { time: formatUtcMoment(queue.oldestDueAt, locale) })}</span> : null}
              </th>
              <td role="cell" className="numeric" data-label={t("due")} data-due>
                {formatNumber(queue.due, locale)}
              </td>
              <td role="cell" className="numeric" data-label={t("retrying")} data-retrying>
                {formatNumber(queue.retrying, locale)}
              </td>
              <td role="cell" className="numeric" data-label={t("inFlight")}>
                {formatNumber(queue.inFlight, locale)}
              </td>
              <td role="cell" className="numeric" data-label={t("givenUp")} data-given-up>
                {formatNumber(queue.failed, locale)}
              </td>
            </tr>
          ))}
        </OrganiserTable>
      </section>
    </>
  );
}
