import { donePageMetadata, TokenDone, type DonePageProps } from "@/app/components/token-landing/token-landing";

// Rendered per request: its policy carries a fresh nonce (proxy.ts), and it is never cached.
export const dynamic = "force-dynamic";

export const generateMetadata = donePageMetadata("Unsubscribe");

export default function UnsubscribedPage({ params }: DonePageProps) {
  return <TokenDone params={params} segment="unsubscribe" namespace="Unsubscribe" />;
}
