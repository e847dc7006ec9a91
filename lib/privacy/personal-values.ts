// What is personal about one signer, as it may appear anywhere in the database: in columns that
// hold it outright and inside JSON (outbox payloads, audit details, webhook payloads).
export type PersonalValues = {
  // Matched anywhere inside a text, ignoring case.
  contained: string[];
  // Matched only as a whole value (short values such as a first name would match too much else).
  whole: string[];
};

export function emptyPersonalValues(): PersonalValues {
  return { contained: [], whole: [] };
}

export function addPersonalValues(
  values: PersonalValues,
  signer: { email?: string | null; canonicalEmail?: string | null; name?: string | null; postcode?: string | null; comment?: string | null; ipHash?: string | null },
): void {
  for (const value of [signer.email, signer.canonicalEmail, signer.ipHash, signer.comment]) {
    if (value && value.trim().length >= 4) values.contained.push(value.trim());
  }
  for (const value of [signer.name, signer.postcode, signer.comment]) {
    if (value && value.trim()) values.whole.push(value.trim());
  }
}

// ILIKE patterns that find the rows worth looking into: every value, escaped.
export function likePatterns(values: PersonalValues): string[] {
  return [...new Set([...values.contained, ...values.whole])].map((value) => `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}

// Removes the signer's values from every string inside a JSON value; returns the same object
// when nothing needed changing.
export function scrubJson(value: unknown, values: PersonalValues): unknown {
  const whole = new Set(values.whole.map((v) => v.toLowerCase()));
  const contained = values.contained.map((v) => v.toLowerCase());
  const scrubText = (text: string): string => {
    if (whole.has(text.trim().toLowerCase())) return "";
    let result = text;
    for (const needle of contained) {
      for (let at = result.toLowerCase().indexOf(needle); at !== -1; at = result.toLowerCase().indexOf(needle)) {
        result = result.slice(0, at) + result.slice(at + needle.length);
      }
    }
    return result;
  };
  const walk = (node: unknown): unknown => {
    if (typeof node === "string") return scrubText(node);
    if (Array.isArray(node)) {
      const next = node.map(walk);
      return next.some((item, index) => item !== node[index]) ? next : node;
    }
    if (node && typeof node === "object") {
      let changed = false;
      const next: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(node)) {
        next[key] = walk(item);
        if (next[key] !== item) changed = true;
      }
      return changed ? next : node;
    }
    return node;
  };
  return walk(value);
}
