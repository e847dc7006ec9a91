"use client";

import { useId, useState } from "react";

// Without JavaScript the text is still there to select and copy by hand. `multiline` shows it
// in a read-only text area (for code snippets).
export function CopyLink({ url, label, copiedLabel, fieldLabel, multiline = false }: { url: string; label: string; copiedLabel: string; fieldLabel?: string; multiline?: boolean }) {
  const [copied, setCopied] = useState(false);
  const id = useId();
  const select = (event: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => event.currentTarget.select();
  return (
    <div className={multiline ? "copy-link copy-link-multiline" : "copy-link"}>
      {multiline ? (
        <textarea id={id} readOnly value={url} dir="ltr" rows={4} aria-label={fieldLabel ?? label} onFocus={select} />
      ) : (
        <input id={id} readOnly value={url} dir="ltr" aria-label={fieldLabel ?? label} onFocus={select} />
      )}
      <button
        type="button"
        className="button button-secondary"
        onClick={async () => {
          await navigator.clipboard?.writeText(url);
          setCopied(true);
        }}
      >
        {copied ? copiedLabel : label}
      </button>
      <span className="visually-hidden" role="status">
        {copied ? copiedLabel : ""}
      </span>
    </div>
  );
}
