import { isAppError } from "@/lib/errors";
import { campaignMapImage } from "@/lib/maps/campaign-map";

export const dynamic = "force-dynamic";

// The address names the count it was drawn for: while that is still the count, caches keep it for
// an hour; an older address is answered with today's map, kept for seconds.
const currentCache = "public, max-age=3600, s-maxage=3600";
const staleCache = "public, max-age=10, s-maxage=10";

function notFound(): Response {
  return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=60" } });
}

// GET /media/maps/<campaign>.svg?v=<confirmed count>: the world map of a public campaign's signatures.
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await params;
  const match = /^(.{1,200})\.svg$/.exec(file);
  if (!match) return notFound();
  try {
    const map = await campaignMapImage({ slug: match[1]!, version: new URL(request.url).searchParams.get("v") });
    return new Response(map.svg, {
      headers: {
        "Content-Type": "image/svg+xml; charset=utf-8",
        "Cache-Control": map.current ? currentCache : staleCache,
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (isAppError(error, "NOT_FOUND")) return notFound();
    throw error;
  }
}
