import { render } from "@react-email/render";
import type { ReactElement } from "react";

// html-to-text writes headings in capitals by default: Arabic has none, and an English subject in
// capitals reads as shouting. Headings keep the letters they were written with.
const headings = ["h1", "h2", "h3", "h4", "h5", "h6"].map((selector) => ({ selector, options: { uppercase: false } }));

/** The plain-text part of an e-mail, for readers whose mail client shows no HTML. */
export function renderPlainText(element: ReactElement): Promise<string> {
  return render(element, { plainText: true, htmlToTextOptions: { selectors: headings } });
}
