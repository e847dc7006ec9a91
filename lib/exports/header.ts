import { isLocale } from "../i18n/locales";
import { translator } from "../i18n/translator";
import { exportColumns } from "./csv";

// The header row an export's query asks for: `header=machine` gives the columns' fixed names (the
// same in every language, for tools that read the file); otherwise they are named in the
// exporter's language, `locale` (English when it is none of ours).
export function exportHeader(params: URLSearchParams): readonly string[] {
  if (params.get("header") === "machine") return exportColumns;
  const locale = params.get("locale");
  const t = translator(isLocale(locale) ? locale : "en", "Export");
  return exportColumns.map((column) => t(`header.${column}`));
}
