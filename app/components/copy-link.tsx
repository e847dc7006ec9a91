"use client";

import { useState } from "react";

// Without JavaScript the link is still there to select and copy by hand.
export function CopyLink({ url, label, copiedLabel }: { url: string; label: string; copiedLabel: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="copy-link">
      <input readOnly value={url} dir="ltr" aria-label={label} onFocus={(event) => event.currentTarget.select()} />
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
