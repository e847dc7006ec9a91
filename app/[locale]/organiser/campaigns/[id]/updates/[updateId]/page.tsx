import { getTranslations, setRequestLocale } from "next-intl/server";
import { Fragment } from "react";
import { roleAtLeast } from "@/lib/auth/authorize";
import { formatNumber, formatUtcMoment } from "@/lib/i18n/format";
import { direction, languageName, localized, locales, type Locale } from "@/lib/i18n/locales";
import { getUpdateDetail, updateStatusView } from "@/lib/updates/list-updates";
import { updateErrorKeys } from "@/lib/updates/schema";
import { TextField } from "@/app/components/form/field";
import { approveUpdateAction, cancelUpdateAction, deleteUpdateAction, sendTestUpdateAction, sendUpdateAction } from "../actions";
import { orNotFound, organiserPageMetadata } from "../../../../page-access";
import { BackLink } from "../../../../back-link";
import { HiddenFields } from "../../../../hidden-fields";
import { Notice } from "../../../../notice";
import { requireOrganiser } from "../../../../require-organiser";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale; id: string; updateId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const generateMetadata = organiserPageMetadata("Updates", "title", { noIndex: true });

const doneKeys = { sent: "sentNotice", scheduled: "scheduledNotice", submitted: "submittedNotice", test: "testSent", cancelled: "cancelledNotice" } as const;
const scheduleErrors: readonly string[] = ["scheduleInvalid", "schedulePast"];
// What the page's buttons answer with; a draft's own field errors are the form's, never the address's.
const answerErrors: readonly string[] = updateErrorKeys.filter((key) => key !== "translationIncomplete");

// "9,311 in Arabic and 3,097 in English": the most read language first.
function recipientLanguages(languages: Partial<Record<Locale, number>>, locale: Locale, inLanguage: (count: number, language: Locale) => string): string {
  const counted = locales.filter((language) => languages[language]).sort((a, b) => languages[b]! - languages[a]!);
  return new Intl.ListFormat(locale, { type: "conjunction" }).format(counted.map((language) => inLanguage(languages[language]!, language)));
}

// One update: who it goes to (counted by the query that sends it), the e-mail in each of its languages,
// a test to oneself, sending or scheduling, an owner's approval, and how the sending went.
export default async function UpdatePage({ params, searchParams }: Props) {
  const { locale, id, updateId } = await params;
  setRequestLocale(locale);
  const actor = await requireOrganiser(locale);
  const detail = await orNotFound(getUpdateDetail({ actor, campaignId: id, updateId }));
  const query = await searchParams;
  const t = await getTranslations({ locale, namespace: "Updates" });
  const { update, role } = detail;
  const canEdit = roleAtLeast(role, "ORGANISER");
  const editable = update.status === "DRAFT" || update.status === "AWAITING_APPROVAL";
  const needsOwner = update.organisation.updatesNeedApproval && role !== "OWNER";
  const base = `/${locale}/organiser/campaigns/${encodeURIComponent(id)}/updates`;
  const hidden = { locale, campaign: id, update: update.id };
  const done = typeof query.done === "string" && query.done in doneKeys ? doneKeys[query.done as keyof typeof doneKeys] : null;
  const error = typeof query.error === "string" && answerErrors.includes(query.error) ? query.error : typeof query.error === "string" ? "invalidValue" : null;
  const status = updateStatusView(update);
  const statusText = t(`status.${status.key}`, { when: formatUtcMoment(status.when, locale) });
  const subject = localized(locale, detail.texts.subject, detail.texts.primary);
  const named = (language: Locale) => ({ language: languageName(locale, language) });

  return (
    <div className="updates">
      <BackLink href={base}>{t("title")}</BackLink>
      <h1 {...(subject.locale === locale ? {} : { lang: subject.locale, dir: direction(subject.locale) })}>{subject.text}</h1>
      <p data-testid="update-status">{statusText}</p>
      {done ? <Notice tone="success">{t(`detail.${done}`, { email: detail.email })}</Notice> : null}
      {error && !scheduleErrors.includes(error) ? <Notice tone="problem">{t(`errors.${error}` as "errors.invalidValue")}</Notice> : null}
      <ul className="hint">
        {update.createdBy ? <li>{t("detail.createdBy", { email: update.createdBy.email })}</li> : null}
        {update.approvedBy ? <li>{t("detail.approvedBy", { email: update.approvedBy.email })}</li> : null}
        {update.sentBy && update.sendingAt ? <li>{t("detail.sentBy", { email: update.sentBy.email })}</li> : null}
      </ul>

      {detail.count ? (
        <p className="lede" data-testid="update-recipients">
          {detail.count.total === 0
            ? t("detail.recipientsNone")
            : t("detail.recipients", {
                total: detail.count.total,
                languages: recipientLanguages(detail.count.languages, locale, (count, language) => t("detail.recipientsIn", { count, ...named(language) })),
              })}
        </p>
      ) : null}
      {!update.mailed ? <p>{t("detail.notMailed")}</p> : null}

      {canEdit && editable ? (
        <section className="overview-section">
          <p>
            <a className="button button-secondary" href={`${base}/${encodeURIComponent(update.id)}/edit`}>
              {t("detail.edit")}
            </a>
          </p>
          {update.mailed ? (
            <form action={sendTestUpdateAction} className="organiser-form">
              <HiddenFields values={hidden} />
              <p>{t("detail.test", { email: detail.email })}</p>
              {detail.preview.map((preview) => (
                <Fragment key={preview.locale}>
                  <button type="submit" name="testLocale" value={preview.locale} className="button button-secondary">
                    {t("detail.testIn", named(preview.locale))}
                  </button>{" "}
                </Fragment>
              ))}
            </form>
          ) : null}
          {update.status === "DRAFT" ? (
            <form action={sendUpdateAction} className="organiser-form">
              <HiddenFields values={hidden} />
              <TextField id="update-when" name="when" type="datetime-local" label={t("detail.when")} hint={t("detail.whenHint")} error={error && scheduleErrors.includes(error) ? t(`errors.${error}` as "errors.scheduleInvalid") : null} />
              <button type="submit" className="button">
                {needsOwner ? t("detail.submit") : t("detail.send")}
              </button>
            </form>
          ) : (
            <p>{t("detail.waiting")}</p>
          )}
          {update.status === "AWAITING_APPROVAL" && role === "OWNER" ? (
            <form action={approveUpdateAction} className="organiser-form">
              <HiddenFields values={hidden} />
              <button type="submit" className="button">
                {t("detail.approve")}
              </button>
            </form>
          ) : null}
          <form action={deleteUpdateAction} className="organiser-form">
            <HiddenFields values={hidden} />
            <button type="submit" className="button button-warning">
              {t("detail.delete")}
            </button>
          </form>
        </section>
      ) : null}
      {canEdit && (update.status === "SCHEDULED" || update.status === "AWAITING_APPROVAL") ? (
        <form action={cancelUpdateAction} className="organiser-form">
          <HiddenFields values={hidden} />
          <button type="submit" className="button button-secondary">
            {t("detail.cancel")}
          </button>
        </form>
      ) : null}

      {detail.stats ? (
        <section className="overview-section" aria-labelledby="update-stats-heading">
          <h2 id="update-stats-heading">{t("detail.stats")}</h2>
          <dl className="update-stats" data-testid="update-stats">
            {(
              [
                ["statRecipients", detail.stats.recipients],
                ["statQueued", detail.stats.queued],
                ["statSent", detail.stats.sent],
                ["statDelivered", detail.stats.delivered],
                ["statBounced", detail.stats.bounced],
                ["statComplained", detail.stats.complained],
                ["statUnsubscribed", detail.stats.unsubscribed],
              ] as const
            ).map(([key, value]) => (
              <div key={key}>
                <dt>{t(`detail.${key}`)}</dt>
                <dd>{formatNumber(value, locale)}</dd>
              </div>
            ))}
          </dl>
          <p className="hint">{t("detail.statsNote")}</p>
        </section>
      ) : null}

      <section className="overview-section" aria-labelledby="update-preview-heading">
        <h2 id="update-preview-heading">{t("detail.preview")}</h2>
        {detail.preview.map((preview) => (
          <figure key={preview.locale}>
            <figcaption>
              {t("detail.previewIn", named(preview.locale))}:{" "}
              <bdi lang={preview.locale} dir={direction(preview.locale)}>
                {preview.subject}
              </bdi>
            </figcaption>
            {/* The e-mail as sent, in a sandbox: no script runs, no link opens, no form posts. */}
            <iframe title={t("detail.previewIn", named(preview.locale))} sandbox="allow-same-origin" srcDoc={preview.html} className="update-preview" style={{ width: "100%", height: 480, border: "1px solid #d8dcde" }} />
          </figure>
        ))}
      </section>
    </div>
  );
}
