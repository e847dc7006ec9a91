import type { ReactNode } from "react";

// What the last action did: done, said politely (status), or refused, said at once (alert).
export function Notice({ tone, children }: { tone: "success" | "problem"; children: ReactNode }) {
  return (
    <p className={`notice notice-${tone}`} role={tone === "success" ? "status" : "alert"}>
      {children}
    </p>
  );
}
