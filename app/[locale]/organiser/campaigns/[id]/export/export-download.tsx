"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { parseExportQuery, type ExportField, type ExportFieldErrors } from "@/lib/exports/schema";
import { formatNumber, formatter } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { ErrorSummary } from "@/app/components/form/error-summary";
import { CheckboxField, SelectField, TextField } from "@/app/components/form/field";

type Props = {
  action: string;
  locale: Locale;
  organisation: string;
  countries: { code: string; name: string }[];
};

type Progress = { rows: number; bytes: number; expected: number | null };
type Phase = "idle" | "preparing" | "downloading" | "done" | "cancelled" | "failed";

const fieldOrder: ExportField[] = ["from", "to", "country", "consented"];
const serverErrors = ["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND"] as const;
const quote = 0x22;
const lineFeed = 0x0a;

function fileNameOf(response: Response): string {
  const header = response.headers.get("Content-Disposition") ?? "";
  const exact = header.match(/filename\*=UTF-8''([^;]+)/i);
  if (exact) return decodeURIComponent(exact[1]!);
  return header.match(/filename="([^"]+)"/i)?.[1] ?? "signatures.csv";
}

// The filter form. Without JavaScript it is a plain GET to the export route and the browser
// downloads the file itself; with JavaScript the file is fetched here so progress can be shown
// and the download cancelled (which closes the connection, and the server releases its cursor).
export function ExportDownload({ action, locale, organisation, countries }: Props) {
  const t = useTranslations("Export");
  const [errors, setErrors] = useState<ExportFieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>("idle");
  const [progress, setProgress] = useState<Progress>({ rows: 0, bytes: 0, expected: null });
  const [saved, setSaved] = useState<{ url: string; name: string } | null>(null);
  const abortRef = useRef<AbortController | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const busy = phase === "preparing" || phase === "downloading";

  useEffect(() => () => abortRef.current?.abort(), []);
  useEffect(() => () => (saved ? URL.revokeObjectURL(saved.url) : undefined), [saved]);
  useEffect(() => {
    if (Object.keys(errors).length > 0 || formError) summaryRef.current?.focus();
  }, [errors, formError]);

  const size = (bytes: number) =>
    formatter(locale).number(bytes >= 1_000_000 ? bytes / 1_000_000 : bytes / 1000, {
      style: "unit",
      unit: bytes >= 1_000_000 ? "megabyte" : "kilobyte",
      maximumFractionDigits: 1,
    });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const params = new URLSearchParams();
    for (const [key, value] of form) if (typeof value === "string" && value !== "") params.set(key, value);
    const parsed = parseExportQuery(params);
    if (!parsed.success) {
      setErrors(parsed.fields);
      return;
    }
    setErrors({});
    setFormError(null);
    await download(`${action}?${params}`);
  }

  async function download(url: string) {
    const controller = new AbortController();
    abortRef.current = controller;
    setSaved(null);
    setPhase("preparing");
    setProgress({ rows: 0, bytes: 0, expected: null });
    try {
      const response = await fetch(url, { signal: controller.signal, credentials: "same-origin" });
      if (!response.ok || !response.body) {
        const body = (await response.json().catch(() => ({}))) as { error?: string; fields?: ExportFieldErrors };
        if (body.fields) setErrors(body.fields);
        else setFormError((serverErrors as readonly string[]).includes(body.error ?? "") ? body.error! : "generic");
        setPhase("idle");
        return;
      }
      const expectedHeader = Number(response.headers.get("X-Expected-Rows"));
      const expected = Number.isFinite(expectedHeader) && expectedHeader >= 0 ? expectedHeader : null;
      setPhase("downloading");
      const reader = response.body.getReader();
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      let bytes = 0;
      let records = 0;
      let inQuotes = false;
      let shownAt = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value as Uint8Array<ArrayBuffer>);
        bytes += value.byteLength;
        // Count records, not lines: a quoted comment may hold line breaks.
        for (let i = 0; i < value.length; i++) {
          const byte = value[i];
          if (byte === quote) inQuotes = !inQuotes;
          else if (byte === lineFeed && !inQuotes) records++;
        }
        const now = performance.now();
        if (now - shownAt > 100) {
          shownAt = now;
          setProgress({ rows: Math.max(0, records - 1), bytes, expected });
        }
      }
      const rows = Math.max(0, records - 1);
      setProgress({ rows, bytes, expected });
      const file = { url: URL.createObjectURL(new Blob(chunks, { type: "text/csv;charset=utf-8" })), name: fileNameOf(response) };
      setSaved(file);
      save(file);
      setPhase("done");
    } catch {
      setPhase(controller.signal.aborted ? "cancelled" : "failed");
    } finally {
      if (abortRef.current === controller) abortRef.current = null;
    }
  }

  function save(file: { url: string; name: string }) {
    const link = document.createElement("a");
    link.href = file.url;
    link.download = file.name;
    document.body.append(link);
    link.click();
    link.remove();
  }

  const at = (field: ExportField) => ({ id: `export-${field}`, name: field, error: errors[field] ? t(`errors.${errors[field]}`) : undefined });
  const errorFields = fieldOrder.filter((field) => errors[field]);
  const rowsText = formatNumber(progress.rows, locale);
  const sizeText = size(progress.bytes);

  return (
    <form className="export-form" method="get" action={action} onSubmit={onSubmit} noValidate>
      <ErrorSummary
        summaryRef={summaryRef}
        heading={<h3>{t("errorSummary")}</h3>}
        formError={formError ? t(`errors.${formError}` as "errors.generic") : null}
        problems={errorFields.map((field) => ({ key: field, href: `#export-${field}`, message: t(`errors.${errors[field]}`) }))}
      />

      <fieldset disabled={busy}>
        <legend>{t("filtersLegend")}</legend>
        <p className="hint" id="export-date-hint">
          {t("dateHint")}
        </p>
        <div className="export-dates">
          <TextField {...at("from")} label={t("from")} type="date" />
          <TextField {...at("to")} label={t("to")} type="date" />
        </div>
        <SelectField {...at("country")} label={t("country")} defaultValue="">
          <option value="">{t("anyCountry")}</option>
          {countries.map((country) => (
            <option key={country.code} value={country.code}>
              {country.name}
            </option>
          ))}
        </SelectField>
        <CheckboxField id="export-consented" name="consented" value="on" label={t("consented", { organisation })} />
        <input type="hidden" name="locale" value={locale} />
        <CheckboxField id="export-header" name="header" value="machine" label={t("machineHeader")} />
      </fieldset>

      <div className="export-actions">
        <button type="submit" className="button button-large" disabled={busy}>
          {t("download")}
        </button>
        {busy ? (
          <button type="button" className="button button-secondary" onClick={() => abortRef.current?.abort()}>
            {t("cancel")}
          </button>
        ) : null}
      </div>

      <div className="export-progress" aria-live="polite">
        {busy ? (
          <>
            <progress
              aria-label={t("progressLabel")}
              max={progress.expected ?? undefined}
              value={phase === "downloading" && progress.expected ? Math.min(progress.rows, progress.expected) : undefined}
            />
            <p>
              {phase === "preparing" ? t("status.preparing") : t("status.downloading")}{" "}
              {progress.expected !== null
                ? t("progress", { rows: rowsText, count: progress.rows, expected: formatNumber(progress.expected, locale), size: sizeText })
                : t("progressUnknown", { rows: rowsText, count: progress.rows, size: sizeText })}
            </p>
          </>
        ) : null}
        {phase === "done" ? <p className="export-status-done">{t("status.done", { rows: rowsText, count: progress.rows, size: sizeText })}</p> : null}
        {phase === "cancelled" ? <p>{t("status.cancelled")}</p> : null}
        {phase === "failed" ? <p className="field-error">{t("status.failed")}</p> : null}
        {phase === "done" && saved ? (
          <p>
            <a href={saved.url} download={saved.name}>
              {t("saveAgain")}
            </a>
          </p>
        ) : null}
      </div>
    </form>
  );
}
