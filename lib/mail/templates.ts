import { render } from "@react-email/render";
import { createElement, type FunctionComponent } from "react";
import { renderPlainText } from "../../emails/plain-text";
import { DigestEmail, digestSubject, type DigestProps } from "../../emails/digest";
import { ConfirmSignatureEmail, confirmSignatureSubject, type ConfirmSignatureProps } from "../../emails/confirm-signature";
import { LetterEmail, letterSubject, type LetterProps } from "../../emails/letter";
import { listUnsubscribeHeaders } from "../privacy/supporter-links";
import { OrganiserSignInEmail, organiserSignInSubject, type OrganiserSignInProps } from "../../emails/organiser-sign-in";
import { TrendingAlertEmail, trendingAlertSubject, type TrendingAlertProps } from "../../emails/trending-alert";
import { ResponseOverdueEmail, responseOverdueSubject, type ResponseOverdueProps } from "../../emails/response-overdue";
import { CampaignNoticeEmail, campaignNoticeSubject } from "../../emails/campaign-notice";
import { loadNoticeEmail, type NoticeMailPayload } from "../notices/notice-mail";
import { renderUpdateEmail } from "../updates/render-update-email";
import type { UpdateMailPayload } from "../updates/update-mail";

// headers: extra message headers a template needs (e.g. List-Unsubscribe); fromName: the display
// name it is sent under, where not Nida's own (an organisation's update).
export type RenderedEmail = { subject: string; html: string; text: string; headers?: Record<string, string>; fromName?: string };

// Every template that can sit in the outbox, with the props it is stored with.
export type TemplateProps = {
  "confirm-signature": ConfirmSignatureProps;
  "organiser-sign-in": OrganiserSignInProps;
  digest: DigestProps;
  letter: LetterProps;
  "trending-alert": TrendingAlertProps;
  "response-overdue": ResponseOverdueProps;
  "supporter-update": UpdateMailPayload;
  "campaign-notice": NoticeMailPayload;
};
export type TemplateName = keyof TemplateProps;

// A React Email component and its subject line (and any headers), rendered as HTML and plain text.
function reactEmail<P extends object>(
  component: FunctionComponent<P>,
  subject: (props: P) => string,
  headers?: (props: P) => Record<string, string> | undefined,
) {
  return async (props: P): Promise<RenderedEmail> => {
    const element = createElement(component, props);
    return { subject: subject(props), html: await render(element), text: await renderPlainText(element), headers: headers?.(props) };
  };
}

const renderers: { [K in TemplateName]: (props: TemplateProps[K]) => Promise<RenderedEmail> } = {
  "confirm-signature": reactEmail(ConfirmSignatureEmail, confirmSignatureSubject, (props) => listUnsubscribeHeaders(props.supporterLinks)),
  "organiser-sign-in": reactEmail(OrganiserSignInEmail, organiserSignInSubject),
  digest: reactEmail(DigestEmail, digestSubject),
  letter: reactEmail(LetterEmail, letterSubject),
  "trending-alert": reactEmail(TrendingAlertEmail, trendingAlertSubject),
  "response-overdue": reactEmail(ResponseOverdueEmail, responseOverdueSubject),
  "supporter-update": renderUpdateEmail,
  "campaign-notice": async (payload) => {
    const { fromName, ...props } = await loadNoticeEmail(payload);
    const rendered = await reactEmail(CampaignNoticeEmail, campaignNoticeSubject, (p) => listUnsubscribeHeaders(p.supporterLinks))(props);
    return { ...rendered, fromName };
  },
};

export function isTemplateName(name: string): name is TemplateName {
  return name in renderers;
}

export function renderTemplate<K extends TemplateName>(name: K, props: TemplateProps[K]): Promise<RenderedEmail> {
  return renderers[name](props);
}
