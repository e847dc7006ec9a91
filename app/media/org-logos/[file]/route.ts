import { findLogoImage } from "@/lib/organisations/logo";

// An address names its content's hash, so what it serves never changes: caches keep it for good.
const immutable = "public, max-age=31536000, immutable";

// GET /media/org-logos/<sha256>.webp: an organisation's logo, at one of its two sizes.
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await params;
  const match = /^([0-9a-f]{64})\.webp$/.exec(file);
  const image = match ? await findLogoImage(match[1]!) : null;
  if (!image) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=60" } });
  return new Response(image as BodyInit, {
    headers: { "Content-Type": "image/webp", "Content-Length": String(image.byteLength), "Cache-Control": immutable, "X-Content-Type-Options": "nosniff" },
  });
}
