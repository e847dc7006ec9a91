import { render } from "@react-email/render";
import { createElement } from "react";
import { ConfirmSignatureEmail, confirmSignatureSubject, type ConfirmSignatureProps } from "../../emails/confirm-signature";
import { listUnsubscribeHeaders } from "../privacy/supporter-links";
import { OrganiserSignInEmail, organiserSignInSubject, type OrganiserSignInProps } from "../../emails/organiser-sign-in";

// headers: extra message headers a template needs (e.g. List-Unsubscribe).
export type RenderedEmail = { subject: string; html: string; text: string; headers?: Record<string, string> };

// Every template that can sit in the outbox, with the props it is stored with.
export type TemplateProps = {
  "confirm-signature": ConfirmSignatureProps;
  "organiser-sign-in": OrganiserSignInProps;
};
export type TemplateName = keyof TemplateProps;

const renderers: { [K in TemplateName]: (props: TemplateProps[K]) => Promise<RenderedEmail> } = {
  "confirm-signature": async (props) => {
    const element = createElement(ConfirmSignatureEmail, props);
    return {
      subject: confirmSignatureSubject(props),
      html: await render(element),
      text: await render(element, { plainText: true }),
      headers: listUnsubscribeHeaders(props.supporterLinks),
    };
  },
  "organiser-sign-in": async (props) => {
    const element = createElement(OrganiserSignInEmail, props);
    return {
      subject: organiserSignInSubject(props),
      html: await render(element),
      text: await render(element, { plainText: true }),
    };
  },
};

export function isTemplateName(name: string): name is TemplateName {
  return name in renderers;
}

export function renderTemplate<K extends TemplateName>(name: K, props: TemplateProps[K]): Promise<RenderedEmail> {
  return renderers[name](props);
}
