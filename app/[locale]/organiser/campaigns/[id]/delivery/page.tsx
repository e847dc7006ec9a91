import { getTranslations } from "next-intl/server";
import { roleAtLeast } from "@/lib/auth/authorize";
import { LocalizedText } from "@/app/components/localized-text";
import { countryName } from "@/lib/countries";
import { getDeliveryOverview, idleReasons, type IdleReason } from "@/lib/deliveries/campaign-delivery";
import { parsePeriod } from "@/lib/digests/period";
import { formatDate, formatNumber, formatter } from "@/lib/i18n/format";
import { direction, localized, type Locale } from "@/lib/i18n/locales";
import type { Translations } from "@/lib/i18n/translations";
import { CheckboxField } from "@/app/components/form/field";
import { commentApprovalAction, publishResponseAction, runDigestsAction, supporterNoticesAction } from "./actions";
import { ResponseForm } from "./response-form";
import { isPackError, PackForm } from "./pack-form";
import { SettingsForm } from "./settings-form";
import { ThresholdForm } from "./threshold-form";
import { DecisionMakerName, targetOption } from "./decision-maker-name";
import { ResponseStateText } from "./response-state-text";
import { openCampaignPage, organiserPageMetadata } from "../../../page-access";
import { BackLink, campaignOverviewPath } from "../../../back-link";
import { OrganiserTable } from "../../../organiser-table";
import { HiddenFields } from "../../../hidden-fields";
import { RowActionForm } from "../../../row-action-form";
import { isFormRefusal } from "../../../form-data";
import { Notice } from "../../../notice";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const generateMetadata = organiserPageMetadata("Delivery", "metaTitle", { noIndex: true });

// "Daily digest, 6 December 2026", "Weekly digest, week of 30 November 2026", "Milestone: 10,000 signatures".
function periodLabel(periodKey: string, locale: Locale, t: Awaited<ReturnType<typeof getTranslations<"Delivery">>>): string {
  const period = parsePeriod(periodKey);
  if (!period) return periodKey;
  if (period.kind === "daily") return t("periods.daily", { date: formatDate(period.day, locale) });
  if (period.kind === "weekly") return t("periods.weekly", { date: formatDate(period.monday, locale) });
  if (period.kind === "inPerson") return t("periods.inPerson", { date: formatDate(period.countedAt, locale) });
  return t("periods.milestone", { goal: formatNumber(period.goal, locale), goalCount: period.goal });
}

function goalList(goals: number[], locale: Locale): string {
  return new Intl.ListFormat(locale, { type: "conjunction" }).format(goals.map((goal) => formatNumber(goal, locale)));
}

function dateTime(date: Date | null, locale: Locale): string {
  if (!date) return "—";
  return formatter(locale).dateTime(date, "moment");
}

export default async function DeliveryPage({ params, searchParams }: Props) {
  // Decision-makers to choose from are sorted as the page's language sorts them.
  const { locale: pageLocale } = await params;
  const { locale, loaded: overview } = await openCampaignPage(params, (input) => getDeliveryOverview({ ...input, locale: pageLocale }));
  const t = await getTranslations({ locale, namespace: "Delivery" });
  const tPack = await getTranslations({ locale, namespace: "DeliveryPack" });
  const query = await searchParams;
  const canChange = roleAtLeast(overview.role, "ORGANISER");
  const { campaign } = overview;
  const title = localized(locale, campaign.title, campaign.primaryLocale);
  // What every form on the page says about itself: the locale to answer in, and the campaign.
  const about = { locale, campaign: campaign.id };
  const targets = overview.choices.filter((choice) => overview.targetIds.includes(choice.id));
  const queued = typeof query.queued === "string" && /^\d{1,6}$/.test(query.queued) ? Number(query.queued) : null;
  const threshold = overview.responsesDue.thresholds[0] ?? null;
  const idle = idleReasons.find((reason): reason is IdleReason => reason === query.idle) ?? null;

  return (
    <div className="delivery-page">
      <BackLink href={campaignOverviewPath(locale, campaign.id)}>{t("back")}</BackLink>
      <h1>{t("heading")}</h1>
      <p className="lede">
        {t.rich("intro", {
          title: title.text,
          // A title in another language than the page's is marked as such.
          campaign: (chunks) => (title.locale === locale ? chunks : <bdi lang={title.locale} dir={direction(title.locale)}>{chunks}</bdi>),
        })}
      </p>
      {isFormRefusal(query.error) ? <Notice tone="problem">{t(`formErrors.${query.error}`)}</Notice> : null}

      <section aria-labelledby="settings-heading" className="organiser-section">
        <h2 id="settings-heading">{t("settingsHeading")}</h2>
        {canChange ? (
          <SettingsForm
            locale={locale}
            campaignId={campaign.id}
            cadence={campaign.digestCadence}
            milestoneDigests={campaign.milestoneDigests}
            goals={goalList(campaign.goals, locale)}
            targetIds={overview.targetIds}
            choices={overview.choices.map((choice) => ({
              id: choice.id,
              name: choice.name,
              title: choice.title,
              institution: choice.institution,
              country: countryName(choice.country, locale),
              region: choice.region,
              shared: choice.shared,
            }))}
          />
        ) : (
          <>
            <p>
              {t("cadence")}: {campaign.digestCadence ? t(`cadences.${campaign.digestCadence}`) : t("cadenceUnset")}
            </p>
            <ul>
              {targets.map((target) => (
                <li key={target.id}>
                  <DecisionMakerName name={target.name} locale={locale} />, <LocalizedText locale={locale} values={target.institution} />
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="responses-due-heading" className="organiser-section">
        <h2 id="responses-due-heading">{t("thresholdHeading")}</h2>
        <p className="hint">{t("thresholdIntro")}</p>
        <p>
          {threshold
            ? t("thresholdCurrent", { signatures: formatNumber(threshold.signatures, locale), signaturesCount: threshold.signatures, days: threshold.days })
            : t("thresholdNone")}{" "}
          {t("countNow", { count: formatNumber(overview.responsesDue.count, locale) })}
        </p>
        {canChange ? <ThresholdForm locale={locale} campaignId={campaign.id} signatures={threshold?.signatures ?? null} days={threshold?.days ?? null} /> : null}
        {overview.responsesDue.targets.length > 0 ? (
          <>
            <h3 id="responses-due-states">{t("responsesDueHeading")}</h3>
            <OrganiserTable labelledBy="responses-due-states" className="organiser-table stack-on-phone" columns={[{ label: t("decisionMaker") }, { label: t("responseState") }]}>
              {overview.responsesDue.targets.map((target) => (
                <tr key={target.decisionMakerId} data-response-state={target.state}>
                  <th scope="row">
                    <DecisionMakerName name={target.name} locale={locale} />
                    <LocalizedText as="div" className="hint" locale={locale} values={target.institution} />
                  </th>
                  <td data-label={t("responseState")}>
                    <span className={`response-state response-${target.state}`}>
                      <ResponseStateText state={target} locale={locale} />
                    </span>
                  </td>
                </tr>
              ))}
            </OrganiserTable>
          </>
        ) : null}
      </section>

      <section aria-labelledby="comments-heading" className="organiser-section">
        <h2 id="comments-heading">{t("commentsHeading")}</h2>
        <p className="hint">{t("commentsIntro")}</p>
        {overview.comments.length === 0 ? (
          <p>{t("noComments")}</p>
        ) : (
          <OrganiserTable labelledBy="comments-heading" className="organiser-table" columns={[{ label: t("comment") }, { label: t("country") }, { label: t("forDelivery") }]}>
            {overview.comments.map((comment) => (
              <tr key={comment.id}>
                <td dir="auto">{comment.comment}</td>
                <td>{countryName(comment.country, locale)}</td>
                <td>
                  {comment.approved ? t("approved") : t("notApproved")}
                  {canChange ? (
                    <RowActionForm
                      action={commentApprovalAction}
                      fields={{ ...about, signature: comment.id, intent: comment.approved ? "withdraw" : "approve" }}
                      label={comment.approved ? t("withdrawLabel", { comment: comment.comment.slice(0, 60) }) : t("approveLabel", { comment: comment.comment.slice(0, 60) })}
                    >
                      {comment.approved ? t("withdraw") : t("approve")}
                    </RowActionForm>
                  ) : null}
                </td>
              </tr>
            ))}
          </OrganiserTable>
        )}
      </section>

      <section aria-labelledby="notices-heading" className="organiser-section">
        <h2 id="notices-heading">{t("noticesHeading")}</h2>
        {query.changed === "notices" ? <Notice tone="success">{t(campaign.supporterNotices ? "noticesOn" : "noticesOff")}</Notice> : null}
        {canChange ? (
          <form action={supporterNoticesAction} className="organiser-form">
            <HiddenFields values={about} />
            <CheckboxField id="supporter-notices" name="supporterNotices" defaultChecked={campaign.supporterNotices} label={t("notices")} hint={t("noticesHint")} />
            <button type="submit" className="button">
              {t("saveNotices")}
            </button>
          </form>
        ) : (
          <p>{t(campaign.supporterNotices ? "noticesOn" : "noticesOff")}</p>
        )}
      </section>

      <section aria-labelledby="log-heading" className="organiser-section">
        <h2 id="log-heading">{t("logHeading")}</h2>
        {queued !== null ? <Notice tone="success">{t("runOutcome.queued", { count: queued })}</Notice> : null}
        {idle ? <Notice tone="success">{t(`runOutcome.${idle}`)}</Notice> : null}
        {canChange ? (
          <form action={runDigestsAction} className="organiser-form">
            <HiddenFields values={about} />
            <p className="hint">{t("runHint")}</p>
            <button type="submit" className="button">
              {t("runNow")}
            </button>
          </form>
        ) : null}
        {overview.log.length === 0 ? (
          <p>{t("noDigests")}</p>
        ) : (
          <OrganiserTable labelledBy="log-heading" className="organiser-table delivery-log" columns={[{ label: t("recipient") }, { label: t("period") }, { label: t("newAndTotal"), numeric: true }, { label: t("status") }, { label: t("timeline") }]}>
            {overview.log.map((digest) => (
              <tr key={digest.id}>
                <th scope="row">
                  <DecisionMakerName name={digest.decisionMaker.name} locale={locale} />
                  <LocalizedText as="div" className="hint" locale={locale} values={digest.decisionMaker.institution} />
                </th>
                <td>{periodLabel(digest.periodKey, locale, t)}</td>
                <td className="numeric">
                  {formatNumber(digest.newSignatures, locale)} / {formatNumber(digest.totalSignatures, locale)}
                </td>
                <td>
                  <span className={`status status-${digest.status.toLowerCase()}`}>{t(`statuses.${digest.status}`)}</span>
                </td>
                <td>
                  <dl className="delivery-times">
                    {(
                      [
                        ["QUEUED", digest.queuedAt],
                        ["SENT", digest.sentAt],
                        ["DELIVERED", digest.deliveredAt],
                        ["BOUNCED", digest.bouncedAt],
                        ["COMPLAINED", digest.complainedAt],
                        ["FAILED", digest.failedAt],
                      ] as const
                    )
                      .filter(([, at]) => at)
                      .map(([status, at]) => (
                        <div key={status}>
                          <dt>{t(`statuses.${status}`)}</dt>
                          <dd>
                            <time dateTime={at!.toISOString()}>{dateTime(at, locale)}</time>
                          </dd>
                        </div>
                      ))}
                  </dl>
                  <details>
                    <summary>{t("fingerprint")}</summary>
                    <code dir="ltr" className="fingerprint">
                      {digest.fingerprint}
                    </code>
                    {digest.paperFingerprint && digest.paperSignatures ? (
                      <>
                        <p>{t("paperFingerprint", { count: formatNumber(digest.paperSignatures, locale) })}</p>
                        <code dir="ltr" className="fingerprint">
                          {digest.paperFingerprint}
                        </code>
                      </>
                    ) : null}
                  </details>
                </td>
              </tr>
            ))}
          </OrganiserTable>
        )}
      </section>

      {canChange ? (
        <section aria-labelledby="pack-heading" className="organiser-section">
          <h2 id="pack-heading">{tPack("heading")}</h2>
          <p className="hint">{tPack("intro")}</p>
          <PackForm
            locale={locale}
            campaignId={campaign.id}
            error={isPackError(query.pack) ? query.pack : null}
            targets={targets.map((target) => targetOption(locale, target))}
          />
        </section>
      ) : null}

      <section aria-labelledby="responses-heading" className="organiser-section">
        <h2 id="responses-heading">{t("responsesHeading")}</h2>
        {overview.responses.length === 0 ? (
          <p>{t("noResponses")}</p>
        ) : (
          <ul className="responses">
            {overview.responses.map((response) => (
              <li key={response.id}>
                <p>
                  <strong>
                    <DecisionMakerName name={response.decisionMaker.name} locale={locale} />
                  </strong>
                  , <LocalizedText locale={locale} values={response.decisionMaker.institution} /> · {formatDate(response.respondedOn, locale)} · {response.published ? t("published") : t("private")}
                </p>
                <ResponseSummary summary={response.summary} locale={locale} />
                {response.url ? (
                  <p>
                    <a href={response.url} dir="ltr" rel="noopener noreferrer">
                      {response.url}
                    </a>
                  </p>
                ) : null}
                {canChange ? (
                  <RowActionForm action={publishResponseAction} fields={{ ...about, response: response.id, intent: response.published ? "unpublish" : "publish" }}>
                    {response.published ? t("unpublish") : t("publish")}
                  </RowActionForm>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {canChange && targets.length > 0 ? (
          <>
            <h3>{t("recordHeading")}</h3>
            <ResponseForm locale={locale} campaignId={campaign.id} targets={targets.map((target) => targetOption(locale, target))} />
          </>
        ) : null}
      </section>
    </div>
  );
}

// A summary marked with its language where it is not the page's; its direction read from the text
// itself, which is what an organiser typed in that language's field.
function ResponseSummary({ summary, locale }: { summary: Translations; locale: Locale }) {
  const shown = localized(locale, summary);
  return (
    <p lang={shown.locale === locale ? undefined : shown.locale} dir="auto">
      {shown.text}
    </p>
  );
}
