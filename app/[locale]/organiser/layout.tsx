import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { getActor } from "@/lib/auth/session";
import { clientMessages, organiserClientNamespaces } from "@/lib/i18n/client-messages";
import { isLocale } from "@/lib/i18n/locales";
import { NavLink } from "./nav-link";
import { signOutAction } from "./sign-in/actions";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { robots: { index: false, follow: false } };

// The organiser area's frame. It is not the gate: every page and action checks the session and
// the role itself (requireOrganiser), and the sign-in pages render here without a session.
export default async function OrganiserLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale: requested } = await params;
  const locale = isLocale(requested) ? requested : "en";
  setRequestLocale(locale);
  const actor = await getActor();
  // The organiser area's forms translate in the browser with their own namespaces.
  const content = <NextIntlClientProvider messages={clientMessages(locale, organiserClientNamespaces)}>{children}</NextIntlClientProvider>;
  if (!actor) return <div className="organiser">{content}</div>;

  const [t, webhooks, jobs, profile] = await Promise.all([
    getTranslations({ locale, namespace: "OrganiserShell" }),
    getTranslations({ locale, namespace: "OrganiserWebhooks" }),
    getTranslations({ locale, namespace: "OrganiserJobs" }),
    getTranslations({ locale, namespace: "OrganisationProfile" }),
  ]);
  const base = `/${locale}/organiser`;
  const isOwner = actor.memberships.some((membership) => membership.role === "OWNER");
  return (
    <div className="organiser">
      <div className="organiser-bar">
        <nav className="organiser-nav" aria-label={t("navLabel")}>
          <ul>
            <li>
              <NavLink href={base} section={[`${base}/campaigns`]}>
                {t("campaigns")}
              </NavLink>
            </li>
            <li><NavLink href={`${base}/directory`}>{(await getTranslations({ locale, namespace: "DeliveryShell" }))("directory")}</NavLink></li>
            <li>
              <NavLink href={`${base}/statements`}>{(await getTranslations({ locale, namespace: "StatementEditor" }))("dashboardLink")}</NavLink>
            </li>
            {isOwner ? (
              <>
                <li>
                  <NavLink href={`${base}/organisation`}>{profile("nav")}</NavLink>
                </li>
                <li>
                  <NavLink href={`${base}/members`}>{t("members")}</NavLink>
                </li>
                <li>
                  <NavLink href={`${base}/audit`}>{t("audit")}</NavLink>
                </li>
                <li>
                  <NavLink href={`${base}/webhooks`}>{webhooks("nav")}</NavLink>
                </li>
                <li>
                  <NavLink href={`${base}/api-keys`}>{(await getTranslations({ locale, namespace: "OrganiserApiKeys" }))("nav")}</NavLink>
                </li>
                <li>
                  <NavLink href={`${base}/jobs`}>{jobs("nav")}</NavLink>
                </li>
              </>
            ) : null}
          </ul>
        </nav>
        <div className="organiser-account">
          <p className="organiser-who">
            {t.rich("signedInAs", {
              address: actor.email,
              email: (chunks) => (
                <bdi dir="ltr" className="organiser-email">
                  {chunks}
                </bdi>
              ),
            })}
          </p>
          <form action={signOutAction} className="sign-out-form">
            <input type="hidden" name="locale" value={locale} />
            <button type="submit" className="button button-secondary button-small">
              {t("signOut")}
            </button>
          </form>
        </div>
      </div>
      {content}
    </div>
  );
}
