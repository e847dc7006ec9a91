import { describe, expect, it, vi } from "vitest";
import { issueFormToken } from "../../lib/abuse/form-guard";
import { renderedAtField } from "../../lib/abuse/form-fields";
import { createCampaign, signInput, uniqueEmail } from "../fixtures/factories";
import { expectNothingStoredFor, mailsTo, signatureOf } from "./abuse/helpers";

const { POST } = await import("../../app/api/signatures/route");

// The sign form's fields as the campaign page's script posts them.
function post(body: unknown, headers: Record<string, string> = { origin: "http://nida.test" }) {
  return POST(
    new Request("http://nida.test/api/signatures", {
      method: "POST",
      headers: { "content-type": "application/json", "x-nida-peer-address": "192.0.2.81", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}

function formFields(slug: string, overrides: Record<string, unknown> = {}) {
  return { ...signInput(), campaign: slug, locale: "en", [renderedAtField]: issueFormToken(slug, Date.now() - 20_000), ...overrides };
}

describe("the signatures endpoint", () => {
  it("signs the campaign the form names and says where the signer goes next, in their language and frame", async () => {
    const campaign = await createCampaign();
    const fields = formFields(campaign.slug);
    const response = await post(fields);
    expect(response.status).toBe(201);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ next: `/en/campaigns/${campaign.slug}/signed` });
    expect((await signatureOf(campaign.id, fields.email)).state).toBe("PENDING");
    expect((await mailsTo(fields.email)).map((mail) => mail.template)).toEqual(["confirm-signature"]);

    const embedded = formFields(campaign.slug, { locale: "ar", embed: "1" });
    expect(await (await post(embedded)).json()).toEqual({ next: `/embed/ar/${campaign.slug}/signed` });
    expect((await mailsTo(embedded.email))[0]!.props.locale).toBe("ar");
  });

  it("answers each wrong field with its translation key and stores nothing", async () => {
    const campaign = await createCampaign();
    const fields = formFields(campaign.slug, { name: " ", email: uniqueEmail().replace("@", " at "), country: "XX" });
    const response = await post(fields);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ fields: { name: "nameRequired", email: "emailInvalid", country: "countryRequired" } });
    await expectNothingStoredFor(fields.email);
  });

  it("refuses a post from another site, or one that names no site, before reading it", async () => {
    const campaign = await createCampaign();
    for (const headers of [{ origin: "https://attacker.example" }, {} as Record<string, string>]) {
      const fields = formFields(campaign.slug);
      const response = await post(fields, headers);
      expect(response.status).toBe(403);
      await expectNothingStoredFor(fields.email);
    }
  });

  it("tells the signer the campaign cannot be signed when the form names no open campaign", async () => {
    for (const campaign of [`no-such-campaign-${Date.now()}`, undefined, { slug: "x" }]) {
      const fields = formFields("unused", { campaign });
      const response = await post(fields);
      expect(response.status).toBe(409);
      expect(await response.json()).toEqual({ fields: {}, formError: "campaignNotOpen" });
      await expectNothingStoredFor(fields.email);
    }
  });

  it("refuses a body larger than any sign form before reading it all, and stores nothing", async () => {
    const campaign = await createCampaign();
    const fields = formFields(campaign.slug, { comment: "ت".repeat(10_000) });
    const response = await post(fields);
    expect(response.status).toBe(413);
    await expectNothingStoredFor(fields.email);
    // A body that claims to be larger is refused without a byte read.
    const claimed = formFields(campaign.slug);
    expect((await post(claimed, { origin: "http://nida.test", "content-length": String(1024 * 1024) })).status).toBe(413);
    await expectNothingStoredFor(claimed.email);
    // The longest comment the form takes, in four-byte characters, is read and signed.
    const longest = formFields(campaign.slug, { comment: "🕊".repeat(500) });
    expect((await post(longest)).status).toBe(201);
    expect((await signatureOf(campaign.id, longest.email)).comment).toBe("🕊".repeat(500));
  });

  it("answers fields nested thousands deep with the form's errors, stores nothing and logs nothing", async () => {
    const campaign = await createCampaign();
    // Written out by hand: turning so deep a value into JSON here would run out of stack itself.
    const deep = `${"[".repeat(8_000)}${"]".repeat(8_000)}`;
    const logged = vi.spyOn(console, "error");
    try {
      for (const field of ["campaign", "name", "email", "locale", "source", "embed"]) {
        const fields = formFields(campaign.slug, { [field]: "deep" });
        const response = await post(JSON.stringify(fields).replace(`"${field}":"deep"`, `"${field}":${deep}`));
        // An optional field that is not a string is as good as absent; a required one is an error.
        const optional = field === "locale" || field === "source" || field === "embed";
        expect(response.status, field).toBe(optional ? 201 : field === "campaign" ? 409 : 400);
        if (!optional) {
          expect(Object.keys((await response.json()) as object), field).toContain("fields");
          await expectNothingStoredFor(fields.email);
        }
      }
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
  });

  it("answers a body that is not the form's fields with a generic error", async () => {
    for (const body of ["{not json", "[]", "null", '"text"']) {
      const response = await post(body);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ fields: {}, formError: "generic" });
    }
  });
});
