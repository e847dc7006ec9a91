import { getTranslations } from "next-intl/server";
import { CheckboxField, SelectField } from "@/app/components/form/field";
import { contentLocales, type Locale } from "@/lib/i18n/locales";

const packErrors = ["decisionMakerRequired", "localeInvalid", "noTargets"] as const;
type PackError = (typeof packErrors)[number];

export function isPackError(value: unknown): value is PackError {
  return packErrors.includes(value as PackError);
}

// A plain form POST: the answer is the PDF itself, so it works without JavaScript and the page
// stays as it was. A refused choice comes back as ?pack=<reason>.
export async function PackForm(props: { locale: Locale; campaignId: string; targets: { id: string; label: string; lang?: string }[]; error: PackError | null }) {
  const t = await getTranslations({ locale: props.locale, namespace: "DeliveryPack" });
  const error = props.error ? t(`errors.${props.error}`) : undefined;
  if (props.targets.length === 0) return <p>{t("noTargets")}</p>;
  return (
    <form method="post" action={`/${props.locale}/organiser/campaigns/${encodeURIComponent(props.campaignId)}/delivery/pack`} className="organiser-form">
      <SelectField id="pack-decisionMaker" name="decisionMaker" label={t("recipient")} defaultValue="all" error={error}>
        <option value="all">{t("allTargets")}</option>
        {props.targets.map((target) => (
          <option key={target.id} value={target.id} lang={target.lang} dir="auto">
            {target.label}
          </option>
        ))}
      </SelectField>
      <SelectField id="pack-locale" name="locale" label={t("language")} defaultValue={props.locale === "ar" ? "ar" : "en"}>
        {contentLocales.map((locale) => (
          <option key={locale} value={locale}>
            {t(`languages.${locale}`)}
          </option>
        ))}
      </SelectField>
      <CheckboxField id="pack-includeNames" name="includeNames" label={t("includeNames")} />
      <button type="submit" className="button">
        {t("generate")}
      </button>
    </form>
  );
}
