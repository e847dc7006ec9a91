"use client";

import { useTranslations } from "next-intl";
import { useState, useSyncExternalStore, type FormEvent } from "react";
import { CopyLink } from "@/app/components/copy-link";
import { mastodonShareLink, shareLinks } from "@/lib/campaigns/share-links";
import { taggedUrl } from "@/lib/campaigns/share-channels";

const unchanging = () => () => undefined;

type Props = { campaignUrl: string; slug: string; locale: string; title: string; mastodonError?: boolean };

// Asks first, then offers the channels. The question is a <details>, so it opens without
// JavaScript; the device's own share sheet appears only where the browser has one.
export function SharePanel({ campaignUrl, slug, locale, title, mastodonError = false }: Props) {
  const t = useTranslations("Share");
  const text = t("text", { title });
  const links = shareLinks({ campaignUrl, text, subject: title });
  const canShare = useSyncExternalStore(unchanging, () => typeof navigator.share === "function", () => false);
  const [instanceError, setInstanceError] = useState(mastodonError);

  function shareOnMastodon(event: FormEvent<HTMLFormElement>) {
    const instance = String(new FormData(event.currentTarget).get("instance") ?? "");
    const href = mastodonShareLink({ instance, campaignUrl, text });
    event.preventDefault();
    setInstanceError(href === null);
    if (href) window.open(href, "_blank", "noopener,noreferrer");
  }

  return (
    <section className="share-panel" aria-labelledby="share-heading" id="share">
      <h2 id="share-heading">{t("heading")}</h2>
      <p>{t("why")}</p>
      <details className="share-prompt" open={mastodonError || undefined}>
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
          <form className="share-mastodon" action={`/api/campaigns/${encodeURIComponent(slug)}/mastodon`} method="get" target="_blank" onSubmit={shareOnMastodon} noValidate>
            <input type="hidden" name="locale" value={locale} />
            <label htmlFor="mastodon-instance">{t("mastodonLabel")}</label>
            <p className="hint" id="mastodon-hint">
              {t("mastodonHint")}
            </p>
            {instanceError ? (
              <p className="field-error" id="mastodon-error">
                {t("mastodonInvalid")}
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
                aria-invalid={instanceError || undefined}
                aria-describedby={instanceError ? "mastodon-hint mastodon-error" : "mastodon-hint"}
              />
              <button type="submit" className="button button-secondary">
                {t("mastodonButton")}
              </button>
            </div>
          </form>
          <CopyLink url={taggedUrl(campaignUrl, "link")} label={t("copyLink")} copiedLabel={t("copied")} />
        </div>
      </details>
    </section>
  );
}
