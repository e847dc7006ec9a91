// Rendered share images kept in this process: a viral link brings a crawler per share, and the
// image changes only when the count does. An image is re-rendered when its count has moved and
// the last render is older than `minAgeMs`, so a busy campaign costs at most one render per
// image every few seconds. It is a cache only: losing it (a restart, another server) costs a render.
type Entry = { key: string; renderedAt: number; png: Uint8Array };

const entries = new Map<string, Entry>();
const maxEntries = 500;

export async function cachedRender(options: { id: string; version: string; minAgeMs: number; render: () => Promise<Uint8Array>; now?: number }): Promise<Uint8Array> {
  const now = options.now ?? Date.now();
  const entry = entries.get(options.id);
  if (entry && (entry.key === options.version || now - entry.renderedAt < options.minAgeMs)) return entry.png;
  const png = await options.render();
  entries.delete(options.id);
  entries.set(options.id, { key: options.version, renderedAt: now, png });
  if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
  return png;
}
