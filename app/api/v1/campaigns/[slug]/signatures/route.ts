import { after } from "next/server";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { answerPrivate } from "@/lib/api/http";
import { recordApiSignature, recordSignatureMaxBytes } from "@/lib/api/record-signature";
import { AppError } from "@/lib/errors";
import { readLimitedJson } from "@/lib/http/body-limit";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

// POST /api/v1/campaigns/{slug}/signatures with a write key: a signature gathered elsewhere. The
// key is checked before the body is read.
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const { slug } = await params;
  return answerPrivate(
    request,
    async () => {
      const caller = await authenticateApiKey({ authorization: request.headers.get("authorization"), scope: "WRITE" });
      const read = await readLimitedJson(request, recordSignatureMaxBytes);
      if (read.tooLarge) throw new AppError("PAYLOAD_TOO_LARGE");
      return recordApiSignature({ organisationId: caller.organisationId, slug, body: read.value, afterResponse: after });
    },
    { status: 202 },
  );
}
