import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../lib/db";
import { isSealed } from "../../lib/sealing/seal";
import { recordServerAddress } from "../../lib/server-address";
import { freePort } from "../fixtures/free-port";

// `npm run organiser:invite` as someone setting up a fresh install runs it: a new PGlite folder,
// no server, no mail provider.
type Run = { code: number; stdout: string; stderr: string };

let dir: string;
let appUrl: string;

function invite(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn("npx", ["--no-install", "tsx", "scripts/organiser-invite.ts", ...args], {
      env: { ...process.env, NIDA_ENV: "test", PGLITE_DATA_DIR: join(dir, "db"), DATABASE_URL: "", APP_URL: appUrl, PORT: "", RESEND_API_KEY: "", NEXT_TELEMETRY_DISABLED: "1", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("exit", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

async function withDatabase<T>(work: (db: ReturnType<typeof openDatabase>["prisma"]) => Promise<T>): Promise<T> {
  const database = openDatabase({ pgliteDataDir: join(dir, "db") });
  try {
    return await work(database.prisma);
  } finally {
    await database.close();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "nida-cli-"));
  // Nothing listens here: the command sees no running server.
  appUrl = `http://127.0.0.1:${await freePort()}`;
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The continue-page link the command printed.
function linkIn(stdout: string): string {
  const link = stdout.match(/https?:\/\/\S+\/en\/organiser\/sign-in\/continue\?callback=\S+/)?.[0];
  if (!link) throw new Error(`no sign-in link in:\n${stdout}`);
  return link;
}

describe("npm run organiser:invite", { timeout: 120_000 }, () => {
  it("creates the organisation and its first owner, and prints a sign-in link when no mail provider is set", async () => {
    const run = await invite(["First.Owner@Example.org", "Syria Relief & Development"]);
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("PGlite allows one process per data folder");
    expect(run.stdout).toContain('Created the organisation "Syria Relief & Development" (syria-relief-development).');
    expect(run.stdout).toContain('first.owner@example.org is now OWNER of "Syria Relief & Development".');
    const link = run.stdout.match(/https?:\/\/\S+\/en\/organiser\/sign-in\/continue\?callback=\S+/)?.[0];
    expect(link).toBeDefined();
    expect(new URL(link!).origin).toBe(appUrl);

    await withDatabase(async (db) => {
      const organisation = await db.organisation.findUniqueOrThrow({ where: { slug: "syria-relief-development" }, include: { memberships: { include: { user: true } } } });
      expect(organisation.memberships.map((m) => [m.user.email, m.role])).toEqual([["first.owner@example.org", "OWNER"]]);
      expect(await db.verificationToken.count({ where: { identifier: "first.owner@example.org" } })).toBe(1);
      expect(await db.outboxMessage.count()).toBe(0);
    });
  });

  it("reuses the organisation by name, takes a role, and queues the e-mail when a provider is configured", async () => {
    const run = await invite(["viewer@example.org", "syria relief & development", "--role", "viewer", "--locale", "ar"], { RESEND_API_KEY: "re_test" });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Found the organisation "Syria Relief & Development"');
    expect(run.stdout).toContain("queued");
    expect(run.stdout).not.toContain("/organiser/sign-in/continue");
    await withDatabase(async (db) => {
      expect(await db.organisation.count()).toBe(1);
      // The only mail of this database (the first run queued none); its address is sealed under
      // the command's own local key, which this process does not hold.
      const messages = await db.outboxMessage.findMany();
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatchObject({ template: "organiser-sign-in", locale: "ar" });
      expect(isSealed(messages[0]!.toAddress)).toBe(true);
      const membership = await db.membership.findFirstOrThrow({ where: { user: { email: "viewer@example.org" } } });
      expect(membership.role).toBe("VIEWER");
    });
  });

  it("refuses bad input with a usage line", async () => {
    const missing = await invite(["only@example.org"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("usage: npm run organiser:invite");
    const badRole = await invite(["a@example.org", "Org", "--role", "admin"]);
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toContain("--role must be owner, organiser or viewer");
    const badEmail = await invite(["not-an-address", "Org"]);
    expect(badEmail.code).toBe(1);
    expect(badEmail.stderr).toContain("That e-mail address is not valid");
  });

  describe("run from another shell than the server's, without its PORT or APP_URL", () => {
    // What the server writes at start-up (instrumentation.ts) when it serves this database.
    const serverRanAt = (url: string) => recordServerAddress({ appUrl: url, pgliteDataDir: join(dir, "db") });

    it("prints a link for the address the server last ran at with this database", async () => {
      const serverUrl = `http://localhost:${await freePort()}`;
      serverRanAt(serverUrl);
      const run = await invite(["shell@example.org", "Syria Relief & Development"], { APP_URL: "" });
      expect(run.code).toBe(0);
      expect(new URL(linkIn(run.stdout)).origin).toBe(serverUrl);
      // The callback inside is checked against the server's own address: it must match too.
      expect(new URL(new URL(linkIn(run.stdout)).searchParams.get("callback")!).origin).toBe(serverUrl);
      expect(run.stdout).toContain(`It is for the server at ${serverUrl} (where the server last ran with this database`);
    });

    it("prints a link for the PORT or APP_URL it is given, as the server reads them", async () => {
      serverRanAt(`http://localhost:${await freePort()}`);
      const port = await freePort();
      const byPort = await invite(["port@example.org", "Syria Relief & Development"], { APP_URL: "", PORT: String(port) });
      expect(byPort.code).toBe(0);
      expect(new URL(linkIn(byPort.stdout)).origin).toBe(`http://localhost:${port}`);
      expect(byPort.stdout).toContain(`It is for the server at http://localhost:${port} (PORT).`);
      const byUrl = await invite(["url@example.org", "Syria Relief & Development"], { APP_URL: `${appUrl}/`, PORT: String(port) });
      expect(new URL(linkIn(byUrl.stdout)).origin).toBe(appUrl);
    });

    it("refuses to open the embedded database while the server answers at its recorded address", async () => {
      const port = await freePort();
      const server = createServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}'));
      await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
      try {
        serverRanAt(`http://127.0.0.1:${port}`);
        const run = await invite(["busy@example.org", "Syria Relief & Development"], { APP_URL: "" });
        expect(run.code).toBe(1);
        expect(run.stderr).toContain(`A Nida server is answering at http://127.0.0.1:${port}. Stop it first`);
        await withDatabase(async (db) => expect(await db.user.count({ where: { email: "busy@example.org" } })).toBe(0));
      } finally {
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    });
  });

  describe("while a server answers at APP_URL", () => {
    let server: Server;
    let runningUrl: string;
    beforeAll(async () => {
      const port = await freePort();
      server = createServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}'));
      await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
      runningUrl = `http://127.0.0.1:${port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it("refuses to open the embedded database, which the server holds", async () => {
      const run = await invite(["late@example.org", "Syria Relief & Development"], { APP_URL: runningUrl });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`A Nida server is answering at ${runningUrl}. Stop it first`);
      await withDatabase(async (db) => expect(await db.user.count({ where: { email: "late@example.org" } })).toBe(0));
    });
  });
});
