"use client";

import { useTranslations } from "next-intl";
import { useState, useSyncExternalStore, type FormEvent } from "react";
import { CopyLink } from "@/app/components/copy-link";
import { mastodonHost, mastodonShareLink, shareLinks, type MastodonHostError } from "@/lib/campaigns/share-links";
import { taggedUrl } from "@/lib/campaigns/share-channels";

const unchanging = () => () => undefined;

// mastodonInstance: the server a reader named in the Mastodon form, sent without JavaScript.
type Props = { campaignUrl: string; slug: string; locale: string; title: string; mastodonInstance?: string };

const mastodonErrorKeys: Record<MastodonHostError, "mastodonRequired" | "mastodonHandle" | "mastodonAddress" | "mastodonInvalid"> = {
  required: "mastodonRequired",
  handle: "mastodonHandle",
  address: "mastodonAddress",
  invalid: "mastodonInvalid",
};

// Asks first, then offers the channels. The question is a <details>, so it opens without
// JavaScript; the device's own share sheet appears only where the browser has one.
export function SharePanel({ campaignUrl, slug, locale, title, mastodonInstance }: Props) {
  const t = useTranslations("Share");
  const text = t("text", { title });
  const links = shareLinks({ campaignUrl, text, subject: title });
  const canShare = useSyncExternalStore(unchanging, () => typeof navigator.share === "function", () => false);
  // The server named last, checked: the page says where the reader is going before they go.
  const [checked, setChecked] = useState(mastodonInstance);
  const mastodon = checked === undefined ? null : mastodonHost(checked);
  const mastodonError = mastodon && !mastodon.ok ? t(mastodonErrorKeys[mastodon.error]) : null;

  // With JavaScript the same check happens here, without leaving the page.
  function checkMastodonServer(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setChecked(String(new FormData(event.currentTarget).get("instance") ?? ""));
  }

  return (
    <section className="share-panel" aria-labelledby="share-heading" id="share">
      <h2 id="share-heading">{t("heading")}</h2>
      <p>{t("why")}</p>
      <details className="share-prompt" open={mastodonInstance !== undefined || undefined}>
        <summary className="button">{t("yes")}</summary>
        <div className="share-choices">
          {canShare ? (
            <p>
              <button
                type="button"
                className="button"
                onClick={() => navigator.share({ title, text, url: taggedUrl(campaignUrl, "device") }).catch(() => undefined)}
              >
                {t("device")}
              </button>
            </p>
          ) : null}
          <ul className="share-links">
            {links.map((link) => (
              <li key={link.channel}>
                <a className={`share share-${link.channel}`} href={link.href} target="_blank" rel="noopener noreferrer">
                  {link.channel === "email" ? t("email") : t(`networks.${link.channel}`)}
                </a>
              </li>
            ))}
          </ul>
          <form className="share-mastodon" action={`/${locale}/campaigns/${encodeURIComponent(slug)}/thanks#share`} method="get" onSubmit={checkMastodonServer} noValidate>
            <label htmlFor="mastodon-instance">{t("mastodonLabel")}</label>
            <p className="hint" id="mastodon-hint">
              {t("mastodonHint")}
            </p>
            {mastodonError ? (
              <p className="field-error" id="mastodon-error">
                {mastodonError}
              </p>
            ) : null}
            <div className="share-mastodon-row">
              <input
                id="mastodon-instance"
                name="instance"
                type="text"
                dir="ltr"
                inputMode="url"
                autoComplete="off"
                spellCheck={false}
                placeholder="mastodon.social"
                defaultValue={mastodonInstance}
                maxLength={253}
                onChange={() => setChecked(undefined)}
                aria-invalid={mastodonError ? true : undefined}
                aria-describedby={mastodonError ? "mastodon-hint mastodon-error" : "mastodon-hint"}
              />
              <button type="submit" className="button button-secondary">
                {t("mastodonButton")}
              </button>
            </div>
          </form>
          <div className="share-mastodon-going" aria-live="polite">
            {mastodon?.ok ? (
              <>
                <p>{t.rich("mastodonGoing", { host: mastodon.host, server: (chunks) => <bdi dir="ltr"><strong>{chunks}</strong></bdi> })}</p>
                <p>
                  <a className="button" href={mastodonShareLink({ host: mastodon.host, campaignUrl, text })} target="_blank" rel="noopener noreferrer">
                    {t("mastodonContinue", { host: mastodon.host })}
                  </a>
                </p>
              </>
            ) : null}
          </div>
          <CopyLink url={taggedUrl(campaignUrl, "link")} label={t("copyLink")} copiedLabel={t("copied")} />
        </div>
      </details>
    </section>
  );
}
