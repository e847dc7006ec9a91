// The README's Quick start as a newcomer meets it: a fresh `git clone` of the commit under test in an
// empty folder (no build output, no database, none of this shell's variables), then exactly
// `npm install && npm start`, until the home page lists the seed campaigns.
//
//   node scripts/check-quick-start.mjs [--omit-dev] [--hand-over] [--campaigns N] [--source DIR]
//
// --omit-dev installs as a server does (`npm install --omit=dev`). --hand-over: once the check has
// passed, the clone's node_modules moves into the source checkout if that has none and both are on
// one file system, so the `npm install` CI runs there next finds the same packages in place.
// Plain JavaScript with no dependencies, so that it runs before anything is installed.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    "omit-dev": { type: "boolean", default: false },
    "hand-over": { type: "boolean", default: false },
    campaigns: { type: "string", default: "5" },
    source: { type: "string", default: resolve(import.meta.dirname, "..") },
    "timeout-minutes": { type: "string", default: "15" },
  },
});

// What a newcomer's shell has: no project variables, no NODE_OPTIONS, no npm_* of a parent run.
const newcomerVariables = ["PATH", "HOME", "USER", "LANG", "LC_ALL", "TMPDIR", "TERM", "SHELL", "CI"];

function newcomerEnv(port) {
  const env = Object.fromEntries(newcomerVariables.filter((name) => process.env[name] !== undefined).map((name) => [name, process.env[name]]));
  // Port 3000 as the README says, unless something else on this machine holds it.
  if (port !== 3000) env.PORT = String(port);
  return env;
}

function portIsFree(port) {
  return new Promise((done) => {
    const probe = createServer();
    probe.once("error", () => done(false));
    probe.listen(port, "0.0.0.0", () => probe.close(() => done(true)));
  });
}

function anyFreePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

function git(args, cwd) {
  const result = spawnSync("git", args, { cwd, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`git ${args.join(" ")}: ${result.stderr.trim()}`);
  return result.stdout.trim();
}

function run(command, args, options) {
  return new Promise((done) => {
    const child = spawn(command, args, { stdio: ["ignore", "inherit", "inherit"], ...options });
    child.on("exit", (code, signal) => done(code ?? (signal ? 128 : 1)));
  });
}

async function homePage(url, server, deadline) {
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`npm start exited with ${server.exitCode} before serving ${url}`);
    try {
      const response = await fetch(url, { headers: { "accept-language": "en" } });
      if (response.ok) return await response.text();
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 500));
  }
  throw new Error(`npm start did not serve ${url} in time`);
}

// The packages the newcomer's install put in the clone, moved (never copied) to the checkout.
function handOver(clone) {
  const target = join(values.source, "node_modules");
  if (existsSync(target)) return console.log("[quick start] the checkout has node_modules already: nothing handed over");
  try {
    renameSync(join(clone, "node_modules"), target);
    console.log(`[quick start] node_modules handed over to ${values.source}`);
  } catch (error) {
    console.log(`[quick start] node_modules not handed over (${error.code ?? error.message})`);
  }
}

async function checkQuickStart() {
  const expected = Number(values.campaigns);
  const deadline = Date.now() + Number(values["timeout-minutes"]) * 60_000;
  const commit = git(["rev-parse", "HEAD"], values.source);
  const dir = mkdtempSync(join(tmpdir(), "nida-newcomer-"));
  const clone = join(dir, "nida");
  let server;
  let passed = false;
  try {
    git(["clone", "--quiet", "--no-checkout", values.source, clone]);
    git(["checkout", "--quiet", commit], clone);
    for (const leftover of [".next", ".data", "node_modules"]) {
      if (existsSync(join(clone, leftover))) throw new Error(`the fresh clone already has ${leftover}`);
    }
    const port = (await portIsFree(3000)) ? 3000 : await anyFreePort();
    const env = newcomerEnv(port);
    const install = values["omit-dev"] ? ["install", "--omit=dev"] : ["install"];
    console.log(`[quick start] ${commit.slice(0, 10)} cloned into ${clone}; npm ${install.join(" ")} && npm start${port === 3000 ? "" : ` (PORT=${port}: 3000 is taken)`}`);

    const started = Date.now();
    const installed = await run("npm", install, { cwd: clone, env });
    if (installed !== 0) throw new Error(`npm ${install.join(" ")} exited with ${installed}`);
    const installSeconds = (Date.now() - started) / 1000;

    server = spawn("npm", ["start"], { cwd: clone, env, stdio: ["ignore", "inherit", "inherit"], detached: true });
    const html = await homePage(`http://127.0.0.1:${port}/`, server, deadline);
    const campaigns = new Set([...html.matchAll(/href="\/en\/campaigns\/([a-z0-9-]+)"/g)].map((match) => match[1]));
    if (campaigns.size < expected) throw new Error(`the home page lists ${campaigns.size} campaign(s), not ${expected}: ${[...campaigns].join(", ") || "none"}`);
    const startSeconds = (Date.now() - started) / 1000 - installSeconds;
    console.log(`[quick start] passed: npm ${install.join(" ")} ${installSeconds.toFixed(0)} s; npm start to a home page with ${campaigns.size} campaigns ${startSeconds.toFixed(0)} s`);
    passed = true;
    return true;
  } catch (error) {
    console.error(`[quick start] FAILED: ${error instanceof Error ? error.message : error}`);
    return false;
  } finally {
    if (server && server.exitCode === null) {
      const exited = new Promise((done) => server.once("exit", done));
      const signal = (name) => {
        try {
          process.kill(-server.pid, name);
        } catch {
          // already gone
        }
      };
      signal("SIGTERM");
      const stubborn = setTimeout(() => signal("SIGKILL"), 15_000);
      await exited;
      clearTimeout(stubborn);
    }
    if (passed && values["hand-over"]) handOver(clone);
    rmSync(dir, { recursive: true, force: true });
  }
}

process.exit((await checkQuickStart()) ? 0 : 1);
