"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { fieldId } from "@/lib/campaigns/editor/schema";
import { changeCampaignStatusAction } from "./actions";
import type { StatusFormState } from "./form-state";

type Props = { campaignId: string; locale: string; transition: "publish" | "close" | "reopen" };

// One button, one POST: publish, close or reopen. A refusal (say, no demand yet) is listed with
// links to the fields that need work.
export function StatusForm({ campaignId, locale, transition }: Props) {
  const t = useTranslations("CampaignEditor");
  const [state, formAction, pending] = useActionState<StatusFormState, FormData>(changeCampaignStatusAction, { fields: {} });
  const summaryRef = useRef<HTMLDivElement>(null);
  const problems = Object.entries(state.fields);
  const failed = problems.length > 0 || Boolean(state.formError);

  useEffect(() => {
    if (failed) summaryRef.current?.focus();
  }, [state, failed]);

  return (
    <form action={formAction} className="editor-status-form">
      {failed ? (
        <div className="error-summary" id={`${transition}-errors`} role="alert" tabIndex={-1} ref={summaryRef}>
          <h3>{t(`status.${transition}Refused`)}</h3>
          <ul>
            {state.formError ? <li>{t(`formErrors.${state.formError}`)}</li> : null}
            {problems.map(([path, key]) =>
              path === "status" ? (
                <li key={path}>{t(`errors.${key}`)}</li>
              ) : (
                <li key={path}>
                  <a href={`#${fieldId(path)}`}>{t(`errors.${key}`)}</a>
                </li>
              ),
            )}
          </ul>
        </div>
      ) : null}
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="campaignId" value={campaignId} />
      <input type="hidden" name="transition" value={transition} />
      <p className="hint" id={`${transition}-hint`}>
        {t(`status.${transition}Hint`)}
      </p>
      <button type="submit" className={transition === "publish" ? "button" : "button button-secondary"} disabled={pending} aria-describedby={`${transition}-hint`}>
        {t(`status.${transition}`)}
      </button>
    </form>
  );
}
