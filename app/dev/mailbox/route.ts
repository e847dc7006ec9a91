import { devMailboxEnabled } from "@/lib/mail/transport";
import { listDevMail } from "@/lib/mail/dev-mailbox";
import { escapeHtml, htmlPage } from "../html";

export const dynamic = "force-dynamic";

// The development mailbox: where mail goes when no provider is configured. Absent otherwise.
export async function GET() {
  if (!devMailboxEnabled()) return new Response("Not found", { status: 404 });
  const mails = await listDevMail();
  const rows = mails
    .map(
      (mail) =>
        `<tr><td>${escapeHtml(mail.createdAt.toISOString().replace("T", " ").slice(0, 19))}</td><td>${escapeHtml(mail.toAddress)}</td><td><a href="/dev/mailbox/${encodeURIComponent(mail.id)}">${escapeHtml(mail.subject)}</a></td></tr>`,
    )
    .join("");
  return htmlPage(
    "Development mailbox",
    `<h1>Development mailbox</h1><p>Mail sent while no provider is configured. Newest first.</p>
     <table><thead><tr><th>Sent (UTC)</th><th>To</th><th>Subject</th></tr></thead><tbody>${rows || '<tr><td colspan="3">No mail yet.</td></tr>'}</tbody></table>`,
  );
}
