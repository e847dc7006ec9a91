// U+2068 FIRST STRONG ISOLATE and U+2069 POP DIRECTIONAL ISOLATE: the value between them takes its
// direction from its own first letter and lends none to the sentence around it.
const open = "\u2068";
const close = "\u2069";
// Isolate marks a value brings of its own (LRI, RLI, FSI, PDI) could end ours early or outlast it.
const ownMarks = /[\u2066-\u2069]/g;
const isolated = /\u2068([^\u2066-\u2069]*)\u2069/;

/**
 * A name, title or address put into a sentence of ours (a subject, a line of plain text): isolated,
 * so that a Latin title in Arabic, or a comma or quote at a name's end, leaves the sentence in order.
 */
export function isolate(value: string): string {
  return open + value.replace(ownMarks, "") + close;
}

/** A sentence built with isolate(), split into our own text and the values (the odd places). */
export function isolatedParts(text: string): string[] {
  return text.split(isolated);
}
