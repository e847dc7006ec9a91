import { getDevMail } from "@/lib/mail/dev-mailbox";
import { devMailboxEnabled } from "@/lib/mail/transport";
import { escapeHtml, htmlPage } from "../../html";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  if (!devMailboxEnabled()) return new Response("Not found", { status: 404 });
  const mail = await getDevMail((await params).id);
  if (!mail) return new Response("Not found", { status: 404 });
  const addresses = (["Reply-To", "Cc"] as const).flatMap((header) => (mail.headers[header] ? [`<dt>${header}</dt><dd>${escapeHtml(mail.headers[header])}</dd>`] : []));
  return htmlPage(
    mail.subject,
    `<p><a href="/dev/mailbox">← Mailbox</a></p>
     <dl><dt>To</dt><dd>${escapeHtml(mail.toAddress)}</dd>${addresses.join("")}<dt>From</dt><dd>${escapeHtml(mail.fromAddress)}</dd><dt>Subject</dt><dd>${escapeHtml(mail.subject)}</dd></dl>
     <h2>HTML</h2><iframe title="HTML body" sandbox="allow-popups allow-top-navigation-by-user-activation" srcdoc="${escapeHtml(mail.html)}"></iframe>
     <h2>Plain text</h2><pre>${escapeHtml(mail.text)}</pre>`,
  );
}
