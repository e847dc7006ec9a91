// The delivery pack (PDF) of a campaign with many signers, all listed by name, drawn by the
// production server on PostgreSQL as it is downloaded: time, size, pages and the server's peak
// resident memory, beside a pack of ten signers on the same server to show what the names add.
//
//   npm run bench -- pack                      100,000 signers
//   npm run bench -- pack --pack-signers 20000
import { randomUUID } from "node:crypto";
import { request } from "node:http";
import pg from "pg";
import { argValue } from "../tests/fixtures/cli";
import { peakWhile } from "../tests/fixtures/process-memory";
import { benchDatabase, createCampaign, createOrganiserSession } from "./export";
import type { BenchServer } from "./support/server";
import { formatCount, formatMb, formatMs, type Figure } from "./support/report";
import type { Benchmark } from "./support/runner";

type Pack = { bytes: number; pages: number; firstByteMs: number; totalMs: number };

// A decision-maker the campaign addresses, so that a pack can be made for them.
async function addTarget(client: pg.Client, campaignId: string): Promise<string> {
  const id = `bench-dm-${randomUUID().slice(0, 8)}`;
  await client.query(
    `INSERT INTO decision_makers (id, name, title, institution, country, email, updated_at)
     VALUES ($1, '{"en": "High Representative"}', '{"en": "High Representative for Foreign Affairs"}', '{"en": "European Union"}', 'INT', 'hr@example.org', now())`,
    [id],
  );
  await client.query(`INSERT INTO campaign_targets (campaign_id, decision_maker_id) VALUES ($1, $2)`, [campaignId, id]);
  return id;
}

// POSTs the pack form as the delivery page does and reads the PDF to its end.
function downloadPack(server: BenchServer, campaignId: string, decisionMakerId: string, sessionToken: string): Promise<Pack> {
  const body = new URLSearchParams({ decisionMaker: decisionMakerId, locale: "ar", includeNames: "on" }).toString();
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      `${server.url}/ar/organiser/campaigns/${encodeURIComponent(campaignId)}/delivery/pack`,
      {
        method: "POST",
        headers: { cookie: `next-auth.session-token=${sessionToken}`, origin: server.url, "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body) },
      },
      (response) => {
        if (response.statusCode !== 200 || response.headers["content-type"] !== "application/pdf") {
          response.resume();
          return reject(new Error(`the pack answered ${response.statusCode} ${response.headers["content-type"]}`));
        }
        const chunks: Buffer[] = [];
        let firstByteMs = 0;
        response.on("data", (chunk: Buffer) => {
          if (chunks.length === 0) firstByteMs = performance.now() - started;
          chunks.push(chunk);
        });
        response.on("error", reject);
        response.on("end", () => {
          const pdf = Buffer.concat(chunks).toString("latin1");
          if (!pdf.startsWith("%PDF-") || !pdf.trimEnd().endsWith("%%EOF")) return reject(new Error("the pack is not a whole PDF"));
          resolve({ bytes: pdf.length, pages: pdf.match(/\/Type \/Page\b(?!s)/g)?.length ?? 0, firstByteMs, totalMs: performance.now() - started });
        });
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

export const packBenchmark: Benchmark = {
  name: "pack",
  async run(context, args) {
    const signers = Number(argValue("--pack-signers", args) ?? 100_000);
    const bench = await benchDatabase(context, "pack");
    const { url, client, organisationId } = bench;
    const campaigns = [];
    for (const rows of [10, signers]) {
      const id = await createCampaign(bench, rows);
      // Every signer chose to be listed: the longest pack this campaign could have.
      await client.query(`UPDATE signatures SET show_publicly = true WHERE campaign_id = $1`, [id]);
      campaigns.push({ rows, id, target: await addTarget(client, id) });
    }
    await client.query("VACUUM ANALYZE");
    const sessionToken = await createOrganiserSession(client, organisationId);
    const server = await context.server("postgres", { DATABASE_URL: url });

    const figures: Figure[] = [];
    for (const campaign of campaigns) {
      const measured = await peakWhile(server.serverPid(), () => downloadPack(server, campaign.id, campaign.target, sessionToken));
      const pack = measured.result;
      const label = `${formatCount(campaign.rows)} signers listed, Arabic`;
      console.log(
        `[bench] pack: ${label}: ${formatCount(pack.pages)} pages, ${formatMb(pack.bytes)}, first byte ${formatMs(pack.firstByteMs)}, total ${formatMs(pack.totalMs)}, ` +
          `server RSS ${formatMb(measured.rssBeforeBytes)} before, peak ${formatMb(measured.peakRssBytes)} (${measured.peakFrom})`,
      );
      if (pack.pages < 2) throw new Error(`the ${label} pack has ${pack.pages} pages`);
      const recorded = await client.query<{ total: number }>(
        `SELECT total_signatures AS total FROM digests WHERE campaign_id = $1 AND decision_maker_id = $2 AND period_key LIKE 'in-person:%'`,
        [campaign.id, campaign.target],
      );
      if (recorded.rows[0]?.total !== campaign.rows) throw new Error(`the ${label} pack recorded ${JSON.stringify(recorded.rows)} in the delivery log`);
      const figure = (name: string, value: string) => ({ benchmark: "delivery pack (PostgreSQL)", figure: `${label}: ${name}`, value });
      figures.push(
        figure("pages (size)", `${formatCount(pack.pages)} (${formatMb(pack.bytes)})`),
        figure("time to first byte", formatMs(pack.firstByteMs)),
        figure("total time", formatMs(pack.totalMs)),
        figure("server RSS before → peak", `${formatMb(measured.rssBeforeBytes)} → ${formatMb(measured.peakRssBytes)}`),
      );
    }
    return figures;
  },
};
