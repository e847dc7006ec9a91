import { getTranslations } from "next-intl/server";
import { countryName, isCountryCode } from "@/lib/countries";
import { formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import type { BulkActionCounts } from "@/lib/moderation/preview-bulk-action";
import { bulkActions, invalidationReasons, selectorKinds, type ModerationFieldErrors, type SelectorKind } from "@/lib/moderation/schema";
import { previewBulkFormAction, runBulkFormAction } from "./actions";
import { bulkParams, signaturesHref, type FormError } from "./moderation-url";
import { ErrorSummary } from "@/app/components/form/error-summary";
import { Choice, FieldGroup, SelectField, TextField } from "@/app/components/form/field";
import { HiddenFields } from "../../../hidden-fields";
import { Options } from "../../../options";

export type BulkValues = { action: string; by: string; value: string; reason: string };

type Context = { locale: Locale; campaignId: string; view: URLSearchParams };

function HiddenContext({ locale, campaignId, view }: Context) {
  return (
    <>
      <HiddenFields values={{ locale, campaignId, view: view.toString() }} />
    </>
  );
}

// "30 confirmed and 7 pending", in the reader's language.
async function breakdown(locale: Locale, counts: BulkActionCounts): Promise<string> {
  const t = await getTranslations({ locale, namespace: "Moderation" });
  const states = (["CONFIRMED", "PENDING", "HELD", "FRAUDULENT"] as const).filter((state) => counts.byState[state] > 0);
  // A restore reports where signatures went: counted (CONFIRMED) or waiting for their signers (PENDING).
  const parts = states.map((state) =>
    counts.action === "restore" && (state === "CONFIRMED" || state === "PENDING") ? t(`restoreParts.${state}`, { count: counts.byState[state] }) : t(`invalidateParts.${state}`, { count: counts.byState[state] }),
  );
  return new Intl.ListFormat(locale, { type: "conjunction" }).format(parts);
}

async function countChangeText(locale: Locale, change: number, tense: "future" | "past"): Promise<string> {
  const t = await getTranslations({ locale, namespace: "Moderation" });
  const count = formatNumber(Math.abs(change), locale);
  if (change < 0) return tense === "future" ? t("countChange.willFall", { count }) : t("countChange.fell", { count });
  if (change > 0) return tense === "future" ? t("countChange.willRise", { count }) : t("countChange.rose", { count });
  return tense === "future" ? t("countChange.willStay") : t("countChange.stayed");
}

export async function BulkForm({ context, values, errors, formError }: { context: Context; values: BulkValues; errors: ModerationFieldErrors; formError?: FormError }) {
  const t = await getTranslations({ locale: context.locale, namespace: "Moderation" });
  const order = ["action", "by", "value", "reason"] as const;
  const invalid = order.filter((field) => errors[field]);
  const at = (field: (typeof order)[number]) => ({ id: `bulk-${field}`, error: errors[field] ? t(`errors.${errors[field]!}`) : undefined });
  return (
    <section aria-labelledby="bulk-heading" id="bulk" className="moderation-bulk">
      <h2 id="bulk-heading">{t("bulk.heading")}</h2>
      <p>{t("bulk.intro")}</p>
      <form action={previewBulkFormAction} className="moderation-form bulk-form" noValidate>
        <ErrorSummary
          id="bulk-errors"
          announce={false}
          heading={<h3>{t("errorSummary")}</h3>}
          formError={formError ? t(`formErrors.${formError}`) : null}
          problems={invalid.map((field) => ({ key: field, href: `#bulk-${field}`, message: t(`errors.${errors[field]!}`) }))}
        />
        <HiddenContext {...context} />
        <FieldGroup {...at("action")} legend={t("bulk.action")}>
          {bulkActions.map((action) => (
            <Choice key={action} id={`bulk-action-${action}`} type="radio" name="intent" value={action} defaultChecked={(values.action || "invalidate") === action} label={t(`bulk.actions.${action}`)} />
          ))}
        </FieldGroup>
        <SelectField {...at("by")} name="by" label={t("bulk.by")} defaultValue={values.by}>
          <option value="">{t("bulk.chooseBy")}</option>
          <Options values={selectorKinds} label={(kind) => t(`bulk.kinds.${kind}`)} />
        </SelectField>
        <TextField {...at("value")} name="value" label={t("bulk.value")} hint={t("bulk.valueHint")} dir="ltr" spellCheck={false} autoComplete="off" maxLength={254} defaultValue={values.value} />
        <SelectField {...at("reason")} name="reason" label={t("reason")} hint={t("reasonHint")} defaultValue={values.reason || "abuse"}>
          <Options values={invalidationReasons} label={(reason) => t(`reasons.${reason}`)} />
        </SelectField>
        <button type="submit" className="button">
          {t("bulk.preview")}
        </button>
      </form>
    </section>
  );
}

// The second step: what the action would do, and the button that does it.
export async function BulkPreview({ context, values, counts }: { context: Context; values: BulkValues; counts: BulkActionCounts }) {
  const t = await getTranslations({ locale: context.locale, namespace: "Moderation" });
  const kind = values.by as SelectorKind;
  const shownValue = kind === "country" && isCountryCode(values.value.trim().toUpperCase()) ? countryName(values.value.trim().toUpperCase(), context.locale) : values.value;
  const cancel = new URLSearchParams(context.view);
  const echoed = [[bulkParams.action, values.action], [bulkParams.by, values.by], [bulkParams.value, values.value], [bulkParams.reason, values.reason]] as const;
  for (const [key, value] of echoed) if (value) cancel.set(key, value);

  return (
    <section aria-labelledby="bulk-preview-heading" id="bulk-preview" className="bulk-preview">
      <h2 id="bulk-preview-heading">{t("preview.heading")}</h2>
      <dl className="facts">
        <div>
          <dt>{t(`bulk.kinds.${kind}`)}:</dt>
          <dd>
            <bdi>{shownValue}</bdi>
          </dd>
        </div>
        {counts.action === "invalidate" && values.reason ? (
          <div>
            <dt>{t("reason")}:</dt>
            <dd>{(invalidationReasons as readonly string[]).includes(values.reason) ? t(`reasons.${values.reason as (typeof invalidationReasons)[number]}`) : values.reason}</dd>
          </div>
        ) : null}
      </dl>
      {counts.total === 0 ? (
        <>
          <p className="lede" data-testid="bulk-preview-summary">
            {t(`preview.nothing.${counts.action}`)}
          </p>
          <p>
            <a href={signaturesHref(context.locale, context.campaignId, cancel, "bulk")}>{t("preview.change")}</a>
          </p>
        </>
      ) : (
        <>
          <p className="lede" data-testid="bulk-preview-summary">
            {t(`preview.${counts.action}`, { total: counts.total, breakdown: await breakdown(context.locale, counts) })}
          </p>
          <p>{await countChangeText(context.locale, counts.countChange, "future")}</p>
          <form action={runBulkFormAction} className="form-actions">
            <HiddenContext {...context} />
            <HiddenFields values={{ intent: counts.action, by: values.by, value: values.value, reason: values.reason }} />
            <button type="submit" className={`button ${counts.action === "invalidate" ? "button-warning" : ""}`}>
              {t(`preview.confirm.${counts.action}`, { count: counts.total })}
            </button>
            <a href={signaturesHref(context.locale, context.campaignId, cancel, "bulk")}>{t("preview.cancel")}</a>
          </form>
        </>
      )}
    </section>
  );
}

// What the last action actually did (which may differ from its preview if signatures arrived meanwhile).
export async function ModerationResult({ locale, counts }: { locale: Locale; counts: BulkActionCounts }) {
  const t = await getTranslations({ locale, namespace: "Moderation" });
  return (
    <div className="notice notice-success" id="moderation-result" role="status">
      <p data-testid="moderation-result">
        {counts.total === 0 ? t(`done.nothing.${counts.action}`) : t(`done.${counts.action}`, { total: counts.total, breakdown: await breakdown(locale, counts) })}
      </p>
      {counts.total > 0 ? <p>{await countChangeText(locale, counts.countChange, "past")}</p> : null}
    </div>
  );
}
