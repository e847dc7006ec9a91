import type { ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locales";

// A page opened from a link in an e-mail says what pressing its button will do. Opening the link
// changes nothing (a mail scanner that follows it acts on nothing); the button's POST acts.
export function TokenFormPanel({
  id,
  heading,
  lede,
  action,
  token,
  locale,
  button,
}: {
  id: string;
  heading: string;
  lede: string;
  action: (formData: FormData) => Promise<void>;
  token: string;
  locale: Locale;
  button: string;
}) {
  return (
    <NoticePanel id={id} heading={heading}>
      <p className="lede">{lede}</p>
      <form action={action}>
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="locale" value={locale} />
        <button type="submit" className="button button-large">
          {button}
        </button>
      </form>
    </NoticePanel>
  );
}

export function NoticePanel({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <section className="panel" aria-labelledby={id}>
      <h1 id={id}>{heading}</h1>
      {children}
    </section>
  );
}
