import { env } from "../env";

// A route handler that changes state accepts only requests sent by Nida's own pages: the browser
// names the page's origin in the Origin header of every POST, and it must be ours. A missing or
// "null" Origin (a privacy-stripped or hand-made request) is refused too.
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") return false;
  try {
    return new URL(origin).origin === new URL(env.APP_URL).origin;
  } catch {
    return false;
  }
}

function foreignOriginResponse(): Response {
  return Response.json({ error: "FORBIDDEN", message: "cross-origin request refused" }, { status: 403 });
}

// For route handlers: `const refused = refuseForeignOrigin(request); if (refused) return refused;`
export function refuseForeignOrigin(request: Request): Response | null {
  return isSameOrigin(request) ? null : foreignOriginResponse();
}
