import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { answerPrivate } from "@/lib/api/http";
import { listSignerEvents } from "@/lib/signer-feed/list-signer-events";

export const dynamic = "force-dynamic";

// GET /api/v1/signer-events?cursor=…&limit=100 with a read (or write) key: the organisation's
// consented signers and what became of them, for its CRM.
export async function GET(request: Request): Promise<Response> {
  return answerPrivate(request, async () => {
    const caller = await authenticateApiKey({ authorization: request.headers.get("authorization"), scope: "READ" });
    return listSignerEvents({ organisationId: caller.organisationId, query: new URL(request.url).searchParams });
  });
}
