import { render } from "@react-email/render";
import type { ReactElement } from "react";
import { isolate } from "../lib/i18n/isolate";

type HtmlNode = { type: string; data?: string; children?: HtmlNode[] };
const textOf = (nodes: HtmlNode[] = []): string => nodes.map((node) => (node.type === "text" ? (node.data ?? "") : textOf(node.children))).join("");

// html-to-text writes headings in capitals by default: Arabic has none, and an English subject in
// capitals reads as shouting. Headings keep the letters they were written with.
const headings = ["h1", "h2", "h3", "h4", "h5", "h6"].map((selector) => ({ selector, options: { uppercase: false } }));
// A <bdi> holds a name, title or address inside a sentence of ours: the plain text isolates it as
// the subject does.
const isolated = { selector: "bdi", format: "isolate" };
const formatters = { isolate: (element: HtmlNode, _walk: unknown, builder: { addInline(text: string): void }) => builder.addInline(isolate(textOf(element.children))) };
// A mailto link's text is its address: written once, not again after it.
const mailto = { selector: 'a[href^="mailto:"]', format: "anchor", options: { ignoreHref: true } };

/** The plain-text part of an e-mail, for readers whose mail client shows no HTML. */
export function renderPlainText(element: ReactElement): Promise<string> {
  return render(element, { plainText: true, htmlToTextOptions: { formatters, selectors: [...headings, isolated, mailto] } });
}
