import { getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import type { ResponseState } from "@/lib/response-thresholds/response-states";

// One target's state as the organisers read it: not asked, asked (due by), overdue, answered.
export async function ResponseStateText({ state, locale }: { state: ResponseState; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "Delivery.responseStates" });
  if (state.state === "notAsked") return t("notAsked");
  if (state.state === "answered") return t("answered", { date: formatDate(state.respondedOn, locale) });
  return t(state.state, { asked: formatDate(state.askedAt, locale), due: formatDate(state.dueAt, locale) });
}
