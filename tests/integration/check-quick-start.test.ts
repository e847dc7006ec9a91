import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, expect, it } from "vitest";

// The quick-start check (scripts/check-quick-start.mjs) on small stand-in repositories whose
// `npm start` fails in the ways a newcomer's would: it must fail for each, and pass only for a
// start that serves the campaigns from a fresh clone with a newcomer's environment.
const checker = resolve(import.meta.dirname, "../../scripts/check-quick-start.mjs");
const folders: string[] = [];
const slugs = ["one", "two", "three", "four", "five"];

afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

// A server that lists the given campaigns on its home page, on the PORT it is given (3000 otherwise).
function homePageServer(listed: string[]): string {
  const links = listed.map((slug) => `<a href="/en/campaigns/${slug}">${slug}</a>`).join("");
  return `require("node:http").createServer((q, r) => r.end(${JSON.stringify(`<main>${links}</main>`)})).listen(Number(process.env.PORT || 3000));`;
}

function repository(start: string, files: Record<string, string> = {}, untracked: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "nida-quick-start-fixture-"));
  folders.push(dir);
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "fixture", version: "1.0.0", private: true, scripts: { start: start } }));
  writeFileSync(join(dir, ".gitignore"), ".next/\n");
  for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
  const git = (...args: string[]) => spawnSync("git", args, { cwd: dir, encoding: "utf8" });
  git("init", "-q");
  git("add", ".");
  git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "fixture");
  for (const [path, text] of Object.entries(untracked)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function check(source: string, env: Record<string, string> = {}, flags: string[] = []): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    const child = spawn("node", [checker, "--source", source, "--timeout-minutes", "1", ...flags], { env: { ...process.env, ...env } });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("exit", (code) => done({ code: code ?? 1, output }));
  });
}

it("passes when a fresh clone's npm start serves the five campaigns", async () => {
  const result = await check(repository("node server.js", { "server.js": homePageServer(slugs) }));
  expect(result.output).toContain("[quick start] passed");
  expect(result.code).toBe(0);
});

it("fails when npm start fails", async () => {
  const result = await check(repository(`node -e "process.exit(3)"`));
  expect(result.output).toContain("npm start exited with 3");
  expect(result.code).toBe(1);
});

it("fails when the home page lacks a campaign", async () => {
  const result = await check(repository("node server.js", { "server.js": homePageServer(slugs.slice(0, 4)) }));
  expect(result.output).toContain("lists 4 campaign(s), not 5");
  expect(result.code).toBe(1);
});

it("is not fooled by a build left in the working folder", async () => {
  // Starts only where an earlier build left its output: the checked-out folder has one, a clone does not.
  const source = repository(`test -f .next/BUILD_ID && node server.js`, { "server.js": homePageServer(slugs) }, { ".next/BUILD_ID": "old" });
  const result = await check(source);
  expect(result.output).toMatch(/npm start exited with [1-9]/);
  expect(result.code).toBe(1);
});

it("starts with a newcomer's environment, not the caller's", async () => {
  // A heap limit or a database in the caller's shell must not reach the newcomer's start.
  const start = `node -e "process.exit(process.env.NODE_OPTIONS || process.env.DATABASE_URL ? 5 : 0)" && node server.js`;
  const result = await check(repository(start, { "server.js": homePageServer(slugs) }), { NODE_OPTIONS: "--max-old-space-size=160", DATABASE_URL: "postgresql://elsewhere/db" });
  expect(result.output).toContain("[quick start] passed");
  expect(result.code).toBe(0);
});

// What the clone's install put in node_modules (here, its start) goes to the checkout, once the check passed.
const installingStart = `node -e "require('node:fs').mkdirSync('node_modules/pkg', { recursive: true }); require('node:fs').writeFileSync('node_modules/pkg/index.js', 'installed')" && node server.js`;

it("hands the clone's node_modules over to the checkout when asked, once the check has passed", async () => {
  const source = repository(installingStart, { "server.js": homePageServer(slugs) });
  const result = await check(source, {}, ["--hand-over"]);
  expect(result.code).toBe(0);
  expect(readFileSync(join(source, "node_modules/pkg/index.js"), "utf8")).toBe("installed");
});

it("hands nothing over from a check that failed, or without being asked", async () => {
  const failing = repository(installingStart, { "server.js": homePageServer(slugs.slice(0, 4)) });
  expect((await check(failing, {}, ["--hand-over"])).code).toBe(1);
  expect(existsSync(join(failing, "node_modules"))).toBe(false);
  const unasked = repository(installingStart, { "server.js": homePageServer(slugs) });
  expect((await check(unasked)).code).toBe(0);
  expect(existsSync(join(unasked, "node_modules"))).toBe(false);
});
