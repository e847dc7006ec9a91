import type { ReactNode } from "react";

// Rich-text tag for identifiers a reader must type or recognise as they are (header names, column
// names, codes): kept in Latin letters, marked as such, left to right inside Arabic prose.
export function codeTag(chunks: ReactNode) {
  return (
    <code lang="en" dir="ltr">
      {chunks}
    </code>
  );
}
