// Submitting the app's own forms over plain HTTP, as a browser without JavaScript does: read the
// page, keep the form's hidden fields (the server action's reference among them), post them back
// as multipart/form-data with the visitor's own fields. Shared by the benchmarks and fault tests.
import { randomBytes } from "node:crypto";
import { renderedAtField } from "../../lib/abuse/form-fields";

export type FormFields = Record<string, string>;

const entities: Record<string, string> = { "&quot;": '"', "&amp;": "&", "&#x27;": "'", "&#39;": "'", "&lt;": "<", "&gt;": ">" };
const unescapeHtml = (text: string) => text.replace(/&(quot|amp|#x27|#39|lt|gt);/g, (entity) => entities[entity] ?? entity);

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name.replace(/[$]/g, "\\$")}="([^"]*)"`).exec(tag);
  return match ? unescapeHtml(match[1]!) : null;
}

// The hidden fields of the first form whose markup contains `marker` (e.g. name="campaign").
export function hiddenFields(html: string, marker: string): FormFields {
  for (const form of html.match(/<form[\s\S]*?<\/form>/g) ?? []) {
    if (!form.includes(marker)) continue;
    const fields: FormFields = {};
    for (const tag of form.match(/<input[^>]*>/g) ?? []) {
      if (attribute(tag, "type") !== "hidden") continue;
      const name = attribute(tag, "name");
      if (name) fields[name] = attribute(tag, "value") ?? "";
    }
    return fields;
  }
  throw new Error(`no form containing ${marker} on the page`);
}

export type EncodedForm = { body: Buffer; contentType: string };

// Fields in the order given (an array keeps "0" after the others; an object would not).
export function multipart(fields: FormFields | [string, string][]): EncodedForm {
  const boundary = `----nida${randomBytes(12).toString("hex")}`;
  const parts = (Array.isArray(fields) ? fields : Object.entries(fields)).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return { body: Buffer.from(`${parts.join("")}--${boundary}--\r\n`), contentType: `multipart/form-data; boundary=${boundary}` };
}

// The sign form of a campaign, ready to be filled in many times.
export async function signForm(baseUrl: string, slug: string, locale = "en"): Promise<FormFields> {
  const response = await fetch(`${baseUrl}/${locale}/campaigns/${encodeURIComponent(slug)}`);
  if (!response.ok) throw new Error(`the campaign page answered ${response.status}`);
  return hiddenFields(await response.text(), 'name="campaign"');
}

export type Signer = { name: string; email: string; country?: string; consent?: boolean };

// The fields a signer fills in, as both ways of sending the form carry them.
function signerFields(signer: Signer): Record<string, string> {
  return {
    name: signer.name,
    email: signer.email,
    country: signer.country ?? "SY",
    postcode: "",
    comment: "",
    ...(signer.consent ? { consent: "on" } : {}),
  };
}

// One signature's request: the form's hidden fields and the signer's, from the signer's own
// address (X-Forwarded-For, honoured when the server is configured to trust its proxy).
export function signRequest(baseUrl: string, form: FormFields, signer: Signer, ip: string) {
  const encoded = multipart({ ...form, ...signerFields(signer) });
  return {
    body: encoded.body,
    headers: { "content-type": encoded.contentType, origin: baseUrl, "x-forwarded-for": ip, accept: "text/html" },
  };
}

// A distinct IPv4 address per request number, from a documentation-free private range.
export function distinctIp(n: number): string {
  return `10.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

// A signature was recorded: the server redirects to the "check your e-mail" page.
export function isSignSuccess(status: number, location: string | null | undefined): boolean {
  return status === 303 && Boolean(location?.includes("/signed"));
}

// The count the public sees on the campaign page (the server-rendered figure).
export function renderedCount(html: string): number | null {
  const match = /data-testid="signature-count"[^>]*>([^<]*)</.exec(html);
  if (!match) return null;
  const digits = match[1]!.replace(/[^\d]/g, "");
  return digits ? Number(digits) : null;
}

// The same sign form as the page's script submits it: its fields as JSON to the signatures
// endpoint (201 with where to go next when recorded).
export function signJsonRequest(baseUrl: string, form: FormFields, signer: Signer, ip: string) {
  const fields = {
    campaign: form.campaign ?? "",
    locale: form.locale ?? "en",
    [renderedAtField]: form[renderedAtField] ?? "",
    ...signerFields(signer),
  };
  return { body: JSON.stringify(fields), headers: { "content-type": "application/json", origin: baseUrl, "x-forwarded-for": ip } };
}

export const signEndpoint = (baseUrl: string) => `${baseUrl}/api/signatures`;

// What a sign request through the endpoint came back with.
export function signJsonOutcome(status: number, body: string): "signed" | "unavailable" | "other" {
  if (status === 201 && body.includes('"next":"/en/campaigns/')) return "signed";
  if (status === 503 && body.includes('"formError":"unavailable"')) return "unavailable";
  return "other";
}
