import { createHash, randomUUID } from "node:crypto";
import { runAfterResponse, type AfterResponse } from "../after-response";
import { clientIp, type RequestHeaders } from "../abuse/client-ip";
import { db, type Tx } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import type { Locale } from "../i18n/locales";
import { outboxRow, sealOutboxRow, sendEmail, wakeOutbox, type SendEmailOptions } from "../mail/send-email";
import { hashIp } from "../secrets";
import type { OrganiserSignInProps } from "../../emails/organiser-sign-in";
import { organiserEmailSchema } from "./organiser-email";
import { newSignInLink, signInLinkTtlSeconds } from "./verification";

// Limits on the links the sign-in form sends, so that no one can flood a member's inbox or keep a
// member from signing in. A client (an IP address, IPv6 by /64) may hold this many unused links,
// whoever they are for; further requests from it are dropped. Using a link frees its place.
/** @internal exported for its tests */
export const maxUnusedLinksPerClient = 5;
// An address is sent this many unused links whoever asks, and beyond that one a minute: the member
// can always have a fresh link, and a crowd of clients cannot send more than one a minute.
/** @internal exported for its tests */
export const maxUnusedLinksPerAddress = 5;
/** @internal exported for its tests */
export const signInLinkIntervalSeconds = 60;

export async function isMemberUser(userId: string): Promise<boolean> {
  return (await db.membership.count({ where: { userId } })) > 0;
}

function signInEmail(options: {
  email: string;
  locale: Locale;
  continueUrl: string;
  validHours: number;
  invitation?: OrganiserSignInProps["invitation"];
}): SendEmailOptions<"organiser-sign-in"> {
  return {
    template: "organiser-sign-in",
    to: options.email,
    locale: options.locale,
    // One e-mail per link; the key is derived from the link, so a retry never sends a second one.
    idempotencyKey: `organiser-sign-in:${createHash("sha256").update(options.continueUrl).digest("hex")}`,
    props: { locale: options.locale, continueUrl: options.continueUrl, validHours: options.validHours, invitation: options.invitation },
  };
}

export async function queueSignInEmail(
  tx: Tx,
  options: { email: string; locale: Locale; continueUrl: string; validHours: number; invitation?: OrganiserSignInProps["invitation"] },
): Promise<void> {
  await sendEmail(tx, signInEmail(options));
}

export type RequestSignInOptions = {
  email: unknown;
  locale: Locale;
  next?: string | null;
  // The request's headers, whose client address is read as everywhere else (lib/abuse/client-ip.ts).
  headers: RequestHeaders;
  afterResponse?: AfterResponse;
};

// Whether to send, and the writes, in one statement that does the same work for every address: a
// member is told apart from anyone else by no extra query, and nothing about a request's answer
// or its time says whether the address belongs to a member. Each request leaves a row, so the
// commit costs the same too. Old requests are pruned a hundred at a time, skipping any another
// request holds.
const requestLinkStatement = `
  WITH member AS (
    SELECT EXISTS (SELECT 1 FROM users u JOIN memberships m ON m.user_id = u.id WHERE u.email = $1) AS yes
  ),
  client_links AS (
    SELECT count(*) AS unused FROM sign_in_requests r
    WHERE r.client_hash = $2 AND r.token_hash IS NOT NULL AND r.created_at > (statement_timestamp() AT TIME ZONE 'UTC') - $5::int * interval '1 second'
  ),
  address_links AS (
    SELECT count(*) AS unused, max(r.created_at) AS newest
    FROM sign_in_requests r JOIN verification_tokens t ON t.token = r.token_hash
    WHERE t.identifier = $1 AND t.expires > statement_timestamp() AT TIME ZONE 'UTC'
  ),
  verdict AS (
    SELECT m.yes AND c.unused < $6::int AND (a.unused < $7::int OR a.newest <= (statement_timestamp() AT TIME ZONE 'UTC') - $8::int * interval '1 second') AS send
    FROM member m, client_links c, address_links a
  ),
  expired_requests AS (
    DELETE FROM sign_in_requests WHERE id IN (
      SELECT id FROM sign_in_requests WHERE created_at <= (statement_timestamp() AT TIME ZONE 'UTC') - $5::int * interval '1 second'
      ORDER BY created_at LIMIT 100 FOR UPDATE SKIP LOCKED
    )
  ),
  expired_tokens AS (DELETE FROM verification_tokens WHERE identifier = $1 AND expires <= statement_timestamp() AT TIME ZONE 'UTC'),
  token AS (
    INSERT INTO verification_tokens (identifier, token, expires, locale)
    SELECT $1, $4, (statement_timestamp() AT TIME ZONE 'UTC') + $5::int * interval '1 second', $12::"Locale" FROM verdict WHERE send
    RETURNING token
  ),
  request AS (
    INSERT INTO sign_in_requests (id, client_hash, token_hash, created_at)
    VALUES ($3, $2, (SELECT token FROM token), statement_timestamp() AT TIME ZONE 'UTC')
  ),
  message AS (
    INSERT INTO outbox_messages (id, idempotency_key, template, to_address, locale, payload, created_at, next_attempt_at)
    SELECT $9::text, $10::text, $11::text, $14::text, $12::"Locale", $13::jsonb, statement_timestamp() AT TIME ZONE 'UTC', statement_timestamp() AT TIME ZONE 'UTC' FROM verdict WHERE send
  )
  SELECT send FROM verdict`;

// The sign-in form. Whoever asks sees the same answer, after the same work; only a member is
// actually sent a link, within the limits above, and requests beyond them are dropped silently.
export async function requestSignInLink(options: RequestSignInOptions): Promise<void> {
  const parsed = organiserEmailSchema.safeParse(options.email);
  if (!parsed.success) throw new AppError("VALIDATION", { fields: { email: parsed.error.issues[0]?.message ?? "emailInvalid" } });
  const email = parsed.data;
  const client = hashIp(clientIp(options.headers, env.TRUST_PROXY_HOPS))!;
  // Made (and sealed) for every request, member or not, so the work is the same; stored only when sent.
  const link = newSignInLink({ email, locale: options.locale, next: options.next, ttlSeconds: signInLinkTtlSeconds });
  const mail = await sealOutboxRow(outboxRow(signInEmail({ email, locale: options.locale, continueUrl: link.continueUrl, validHours: signInLinkTtlSeconds / 3600 })));
  const sent = await db.$transaction(async (tx) => {
    // Requests from one client, and for one address, take turns on every app server (client first,
    // then address, in every request, so two never wait on each other in opposite orders).
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`sign-in-client:${client}`}, 0)), pg_advisory_xact_lock(hashtextextended(${`sign-in-address:${email}`}, 0))`;
    const rows = await tx.$queryRawUnsafe<{ send: boolean }[]>(
      requestLinkStatement,
      email,
      client,
      randomUUID(),
      link.tokenHash,
      signInLinkTtlSeconds,
      maxUnusedLinksPerClient,
      maxUnusedLinksPerAddress,
      signInLinkIntervalSeconds,
      randomUUID(),
      mail.idempotencyKey,
      mail.template,
      mail.locale,
      JSON.stringify(mail.payload),
      mail.toAddress,
    );
    return rows[0]?.send === true;
  });
  // The mail worker is woken once the answer has gone, so a member's answer is not held up by it.
  if (sent) await runAfterResponse(options.afterResponse, "[sign-in] could not wake the mail worker", async () => wakeOutbox());
}
