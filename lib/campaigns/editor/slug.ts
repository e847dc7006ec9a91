import transliterate from "@sindresorhus/transliterate";

const maxSlugLength = 60;

// A campaign's address, made once from its title in the language it is written in, in Latin
// letters so that it reads the same in every link, header and QR code: "Ceasefire in Idlib — now!"
// → "ceasefire-in-idlib-now", "أوقفوا الهجمات على إدلب" → "awqfwa-alhjmat-ela-adlb",
// "Waffenruhe für Idlib" → "waffenruhe-fuer-idlib". A title with no letters left becomes "campaign".
export function slugFromTitle(title: string): string {
  const words = transliterate(title)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = "";
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxSlugLength) break;
    slug = next;
  }
  // One very long first word: cut it rather than lose it.
  if (!slug && words[0]) slug = words[0].slice(0, maxSlugLength);
  return slug || "campaign";
}

// The first of base, base-2, base-3, … that is not taken.
export function firstFreeSlug(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}
