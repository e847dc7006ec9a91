"use client";

import { useTranslations } from "next-intl";
import { useActionState, type ReactNode } from "react";
import { ErrorSummary } from "@/app/components/form/error-summary";
import { TextAreaField, TextField } from "@/app/components/form/field";
import { useFieldErrors } from "@/app/components/use-field-errors";
import { LanguageColumns } from "@/app/components/form/language-columns";
import { direction, type Locale } from "@/lib/i18n/locales";
import { languageKey, parseLanguageKey } from "@/lib/i18n/translations";
import { organisationProfileSchema, profileFieldErrors, profileFields, profileLimits, profileTexts, type ProfileField } from "@/lib/organisations/profile-schema";
import { updateProfileAction, type ProfileFormState } from "./actions";
import { HiddenFields } from "../hidden-fields";
import { Notice } from "../notice";

const initialState: ProfileFormState = { fields: {}, values: {} };

// `languageNames`: each language's name in the owner's own.
export function ProfileForm({ locale, organisationId, profile, languageNames }: { locale: string; organisationId: string; profile: Record<ProfileField, string>; languageNames: Record<Locale, string> }) {
  const t = useTranslations("OrganisationProfile");
  const [state, formAction, pending] = useActionState(updateProfileAction, initialState);
  const { errors, errorFields, formError, clientErrors, summaryRef, onSubmit } = useFieldErrors(state, profileFields, (data) => {
    const parsed = organisationProfileSchema.safeParse(Object.fromEntries(profileFields.map((field) => [field, data.get(field) ?? ""])));
    return parsed.success ? null : profileFieldErrors(parsed.error);
  });
  const value = (field: ProfileField) => state.values[field] ?? profile[field];
  const error = (field: ProfileField) => (errors[field] ? t(`errors.${errors[field]}`) : undefined);
  // What the inputs show after an answer: the values sent, so nothing typed is lost.
  const key = (field: ProfileField) => `${field}-${value(field)}`;
  // Addresses and names inside a hint keep their own direction in the Arabic sentence around them.
  const isolated = (chunks: ReactNode) => (
    <bdi dir="ltr" className="unbroken">
      {chunks}
    </bdi>
  );
  const named = (language: Locale) => ({ language: languageNames[language] });
  const label = (field: ProfileField) => {
    const translated = parseLanguageKey(profileTexts, field);
    return translated ? t(`fields.${translated.field}In`, named(translated.locale)) : t(`fields.${field as "website"}`);
  };
  const exampleHint = (field: "website" | "contactEmail") => t.rich(`hints.${field}`, { example: isolated });

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="sign-form organiser-form" aria-describedby={errorFields.length || formError ? "profile-errors" : undefined}>
      <ErrorSummary
        id="profile-errors"
        summaryRef={summaryRef}
        heading={<h2>{t("errorSummary")}</h2>}
        formError={formError ? t(`errors.${formError}`) : null}
        problems={errorFields.map((field) => ({ key: field, href: `#profile-${field}`, message: `${label(field)}: ${t(`errors.${errors[field]!}`)}` }))}
      />
      {state.done && !clientErrors ? <Notice tone="success">{t("saved")}</Notice> : null}
      <HiddenFields values={{ locale, organisation: organisationId }} />
      <LanguageColumns
        primary="en"
        legend={t("languages.primary")}
        summary={(language, written) => t(written ? "languages.written" : "languages.missing", named(language))}
        hint={(language) => t("languages.hint", named(language))}
        written={(language) => profileTexts.some((field) => value(languageKey(field, language)).trim() !== "")}
        invalid={(language) => profileTexts.some((field) => Boolean(errors[languageKey(field, language)]))}
      >
        {(language) => {
          const name = languageKey("name", language);
          const description = languageKey("description", language);
          const inLanguage = { lang: language, dir: direction(language) };
          return (
            <>
              <TextField id={`profile-${name}`} name={name} label={label(name)} error={error(name)} defaultValue={value(name)} key={key(name)} {...inLanguage} maxLength={profileLimits.name} autoComplete={language === "en" ? "organization" : "off"} />
              <TextAreaField id={`profile-${description}`} name={description} label={label(description)} hint={t("hints.description")} error={error(description)} defaultValue={value(description)} key={key(description)} {...inLanguage} rows={4} maxLength={profileLimits.description} />
            </>
          );
        }}
      </LanguageColumns>
      <TextField id="profile-website" name="website" type="url" inputMode="url" label={t("fields.website")} hint={exampleHint("website")} error={error("website")} defaultValue={value("website")} key={key("website")} dir="ltr" spellCheck={false} maxLength={profileLimits.website} />
      <TextField id="profile-contactEmail" name="contactEmail" type="email" inputMode="email" label={t("fields.contactEmail")} hint={exampleHint("contactEmail")} error={error("contactEmail")} defaultValue={value("contactEmail")} key={key("contactEmail")} dir="ltr" spellCheck={false} autoComplete="off" maxLength={profileLimits.contactEmail} />
      <TextField id="profile-senderName" name="senderName" label={t("fields.senderName")} hint={t.rich("hints.senderName", { name: value("name"), current: (chunks) => <bdi>{chunks}</bdi> })} error={error("senderName")} defaultValue={value("senderName")} key={key("senderName")} maxLength={profileLimits.senderName} autoComplete="off" />
      <button type="submit" className="button" disabled={pending}>
        {t("save")}
      </button>
    </form>
  );
}
