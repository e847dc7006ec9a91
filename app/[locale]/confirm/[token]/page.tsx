import { TokenLanding, tokenPageMetadata, type TokenPageProps } from "@/app/components/token-landing/token-landing";
import { localized } from "@/lib/i18n/locales";
import { describeConfirmation } from "@/lib/signatures/confirm-signature";
import { confirmAction } from "./actions";

export const dynamic = "force-dynamic";

export const generateMetadata = tokenPageMetadata("Confirm");

// Opening the link only shows this page; the signature is confirmed by the button's POST.
export default function ConfirmPage({ params }: TokenPageProps) {
  return (
    <TokenLanding
      params={params}
      segment="confirm"
      namespace="Confirm"
      describe={describeConfirmation}
      body={(view, locale) => ({ name: view.signerName, title: localized(locale, view.campaignTitle, view.campaignPrimaryLocale).text })}
      action={confirmAction}
      tellsExpired
      linkHome
    />
  );
}
