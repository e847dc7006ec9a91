import type { ReactNode } from "react";

// The line above an organiser page's heading that leads back to the page it belongs to.
export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <p className="meta">
      <a href={href}>{children}</a>
    </p>
  );
}

// A campaign's overview, where its other organiser pages lead back to.
export function campaignOverviewPath(locale: string, campaignId: string): string {
  return `/${locale}/organiser/campaigns/${encodeURIComponent(campaignId)}`;
}
