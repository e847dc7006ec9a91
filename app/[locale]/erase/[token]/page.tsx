import { TokenLanding, tokenPageMetadata, type TokenPageProps } from "@/app/components/token-landing/token-landing";
import { describeErasure } from "@/lib/privacy/erase-supporter";
import { eraseAction } from "./actions";

export const dynamic = "force-dynamic";

export const generateMetadata = tokenPageMetadata("Erase");

// Opening the link only shows this page (a mail scanner that follows it erases nothing); the
// button's POST erases at once.
export default function ErasePage({ params }: TokenPageProps) {
  return (
    <TokenLanding
      params={params}
      segment="erase"
      namespace="Erase"
      describe={describeErasure}
      body={(view) => ({ count: view.signatures })}
      action={eraseAction}
    />
  );
}
