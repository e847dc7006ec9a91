import type { Locale } from "../i18n/locales";
import { publicPath } from "../public-urls";

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

// The HTML a partner pastes into their page: a plain iframe, no script of ours on their site.
export function embedSnippet(options: { appUrl: string; slug: string; locale: Locale; frameTitle: string }): string {
  const src = `${options.appUrl.replace(/\/+$/, "")}${publicPath.embed(options.locale, options.slug)}`;
  return `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(options.frameTitle)}" width="100%" height="900" style="border:0;max-width:40rem" loading="lazy"></iframe>`;
}
