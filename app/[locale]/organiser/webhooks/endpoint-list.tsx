"use client";

import { codeTag } from "@/app/components/code-tag";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { manageEndpointAction, type WebhookFormState } from "./actions";
import { eventMessageKey } from "./event-names";
import { ManagedRow } from "../managed-row";
import { RowActionForm } from "../row-action-form";
import { Notice } from "../notice";

export type EndpointRow = { id: string; url: string; events: string[]; includePersonalData: boolean; standardSignatures: boolean; active: boolean; addedOn: string };

const initialState: WebhookFormState = { fields: {}, values: {} };

// The endpoints, each with its test-send, disable/enable and delete forms. They share one action
// state, so an outcome stays on screen even when the row it was about has gone.
export function EndpointList({ locale, endpoints }: { locale: string; endpoints: EndpointRow[] }) {
  const t = useTranslations("OrganiserWebhooks");
  const [state, formAction, pending] = useActionState(manageEndpointAction, initialState);
  const rowError = state.fields.endpoint;
  const eventName = (event: string) => {
    const key = eventMessageKey(event);
    return key ? t(`eventNames.${key}`) : event;
  };

  return (
    <>
      <div aria-live="polite">
        {state.done?.kind === "switched" ? (
          <div className="notice notice-success" role="status">
            <p>{t("done.switched", { url: state.done.url })}</p>
            <p>
              <strong>{t("secretLabel")}: </strong>
              <code dir="ltr" className="webhook-secret">
                {state.done.secret}
              </code>
            </p>
            <p>{t.rich("secretOnce", { code: codeTag })}</p>
          </div>
        ) : state.done ? (
          <p className={`notice ${state.done.kind === "testFailed" ? "notice-problem" : "notice-success"}`} role="status">
            {state.done.kind === "tested"
              ? t("done.tested", { url: state.done.url, status: state.done.status })
              : state.done.kind === "testFailed"
                ? t("done.testFailed", { url: state.done.url, error: state.done.error })
                : t(`done.${state.done.kind}`, { url: state.done.url })}
          </p>
        ) : null}
        {state.formError ? <Notice tone="problem">{t(`errors.${state.formError}`)}</Notice> : null}
        {rowError && !endpoints.some((endpoint) => endpoint.id === state.target) ? <Notice tone="problem">{t(`errors.${rowError}`)}</Notice> : null}
      </div>
      {endpoints.length === 0 ? (
        <p>{t("noEndpoints")}</p>
      ) : (
        <ul className="member-list webhook-endpoints">
          {endpoints.map((endpoint) => {
            const errorId = `endpoint-${endpoint.id}-error`;
            const showError = rowError && state.target === endpoint.id;
            return (
              <ManagedRow
                key={endpoint.id}
                data-endpoint={endpoint.id}
                errorId={errorId}
                error={showError ? t(`errors.${rowError}`) : null}
                actions={
                  <>
                    {endpoint.active ? (
                      <RowActionForm action={formAction} fields={{ locale, endpoint: endpoint.id, intent: "test" }} disabled={pending} label={t("sendTestTo", { url: endpoint.url })}>
                        {t("sendTest")}
                      </RowActionForm>
                    ) : null}
                    <RowActionForm
                      action={formAction}
                      fields={{ locale, endpoint: endpoint.id, intent: endpoint.active ? "disable" : "enable" }}
                      disabled={pending}
                      label={endpoint.active ? t("disableEndpoint", { url: endpoint.url }) : t("enableEndpoint", { url: endpoint.url })}
                    >
                      {endpoint.active ? t("disable") : t("enable")}
                    </RowActionForm>
                    {endpoint.standardSignatures ? null : (
                      <RowActionForm action={formAction} fields={{ locale, endpoint: endpoint.id, intent: "standard" }} disabled={pending} label={t("switchEndpoint", { url: endpoint.url })}>
                        {t("switch")}
                      </RowActionForm>
                    )}
                    <RowActionForm action={formAction} fields={{ locale, endpoint: endpoint.id, intent: "delete" }} warning disabled={pending} label={t("deleteEndpoint", { url: endpoint.url })}>
                      {t("delete")}
                    </RowActionForm>
                  </>
                }
              >
                <p className="member-email">
                  <bdi dir="ltr">{endpoint.url}</bdi> <span className="meta">{endpoint.active ? t("active") : t("disabled")}</span>
                </p>
                <p className="meta">{t("eventsOf", { events: endpoint.events.map(eventName).join(locale === "ar" ? "، " : ", ") })}</p>
                <p className="meta">
                  {endpoint.includePersonalData ? t("withPersonalData") : t("withoutPersonalData")} · {t("addedOn", { date: endpoint.addedOn })}
                </p>
                <p className="meta">{endpoint.standardSignatures ? t("signedStandard") : t.rich("signedLegacy", { code: codeTag })}</p>
              </ManagedRow>
            );
          })}
        </ul>
      )}
    </>
  );
}
