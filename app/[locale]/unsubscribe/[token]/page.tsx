import { TokenLanding, tokenPageMetadata, type TokenPageProps } from "@/app/components/token-landing/token-landing";
import { describeUnsubscribe } from "@/lib/privacy/unsubscribe";
import { unsubscribeAction } from "./actions";

export const dynamic = "force-dynamic";

export const generateMetadata = tokenPageMetadata("Unsubscribe");

// Opening the link only shows this page; consent is withdrawn by the button's POST.
export default function UnsubscribePage({ params }: TokenPageProps) {
  return (
    <TokenLanding
      params={params}
      segment="unsubscribe"
      namespace="Unsubscribe"
      describe={describeUnsubscribe}
      action={unsubscribeAction}
      alreadyDone={(view) => view.alreadyUnsubscribed}
    />
  );
}
