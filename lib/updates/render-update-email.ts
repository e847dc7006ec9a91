import { randomUUID } from "node:crypto";
import { render } from "@react-email/render";
import { createElement } from "react";
import { renderPlainText } from "../../emails/plain-text";
import { SupporterUpdateEmail, supporterUpdateSubject, type SupporterUpdateProps } from "../../emails/supporter-update";
import { listUnsubscribeHeaders, type SupporterLinks } from "../privacy/supporter-links";
import { loadUpdateEmail, type UpdateMailPayload } from "./update-mail";

export type RenderedUpdateEmail = { subject: string; html: string; text: string; headers?: Record<string, string>; fromName: string };

// An update goes to up to a million people in the same words, and rendering it takes about 10 ms
// of CPU: it is rendered once per update and language (kept a minute; its text no longer changes
// once sending began), with stand-ins for the reader's own links, which are then put in.
const keepMs = 60_000;
const keepEntries = 32;
const rendered = new Map<string, { at: number; email: Promise<RenderedUpdateEmail> }>();

// Stand-ins no update can contain, of characters that HTML and plain text leave as they are.
const nonce = randomUUID();
const slots: SupporterLinks = {
  unsubscribeUrl: `https://links.invalid/${nonce}/unsubscribe`,
  oneClickUnsubscribeUrl: `https://links.invalid/${nonce}/one-click`,
  eraseUrl: `https://links.invalid/${nonce}/erase`,
};

const htmlEntities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => htmlEntities[character]!);

function withLinks(text: string, links: SupporterLinks, escape: (text: string) => string): string {
  let result = text;
  for (const name of Object.keys(slots) as (keyof SupporterLinks)[]) result = result.split(slots[name]).join(escape(links[name]));
  return result;
}

async function renderEmail(props: SupporterUpdateProps & { fromName: string }): Promise<RenderedUpdateEmail> {
  const { fromName, ...emailProps } = props;
  const element = createElement(SupporterUpdateEmail, emailProps);
  return {
    subject: supporterUpdateSubject(emailProps),
    html: await render(element),
    text: await renderPlainText(element),
    headers: listUnsubscribeHeaders(emailProps.supporterLinks),
    fromName,
  };
}

// The e-mail of one recipient's outbox message. A test copy (of a draft that may still change) is
// rendered on its own.
export async function renderUpdateEmail(payload: UpdateMailPayload): Promise<RenderedUpdateEmail> {
  if (payload.test) return renderEmail(await loadUpdateEmail(payload));
  const key = `${payload.updateId}:${payload.locale}`;
  const now = Date.now();
  let entry = rendered.get(key);
  if (!entry || now - entry.at > keepMs) {
    const email = loadUpdateEmail({ ...payload, supporterLinks: slots }).then(renderEmail);
    entry = { at: now, email };
    rendered.delete(key);
    rendered.set(key, entry);
    email.catch(() => rendered.get(key) === entry && rendered.delete(key));
    while (rendered.size > keepEntries) rendered.delete(rendered.keys().next().value!);
  }
  const template = await entry.email;
  const links = payload.supporterLinks;
  return {
    subject: template.subject,
    html: withLinks(template.html, links, escapeHtml),
    text: withLinks(template.text, links, (text) => text),
    headers: listUnsubscribeHeaders(links),
    fromName: template.fromName,
  };
}
