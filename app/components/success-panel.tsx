import type { ReactNode } from "react";

// A page's word that something worked (signed, unsubscribed, erased, a sign-in link sent): its
// heading names the page's region, a lede says what happened, then whatever the page adds.
export function SuccessPanel({ id, heading, lede, children }: { id: string; heading: ReactNode; lede: ReactNode; children?: ReactNode }) {
  return (
    <section className="panel panel-success" aria-labelledby={id}>
      <h1 id={id}>{heading}</h1>
      <p className="lede">{lede}</p>
      {children}
    </section>
  );
}
