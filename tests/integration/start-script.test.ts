import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";

// `npm start` on a clone with no build: what the build it starts is given. A stand-in `npx` first
// on the PATH records its arguments and environment and fails, so no real build runs.
const root = resolve(import.meta.dirname, "../..");
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "nida-start-"));
  const npx = join(dir, "bin", "npx");
  mkdirSync(join(dir, "bin"));
  writeFileSync(npx, `#!/bin/sh\nprintf '%s\\n' "$*" > "${dir}/npx-args"\nprintf '%s' "$NODE_OPTIONS" > "${dir}/npx-node-options"\nexit 1\n`);
  chmodSync(npx, 0o755);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function start(env: Record<string, string>): Promise<number> {
  return new Promise((done) => {
    const child = spawn(join(root, "node_modules/.bin/tsx"), [join(root, "scripts/start.ts")], {
      cwd: dir,
      stdio: "ignore",
      env: { ...process.env, PATH: `${join(dir, "bin")}:${process.env.PATH}`, DATABASE_URL: "", NODE_OPTIONS: "", PGLITE_DATA_DIR: join(dir, "db"), ...env },
    });
    child.on("exit", (code) => done(code ?? 1));
  });
}

it("builds without the server's heap limit, and stops when the build fails", async () => {
  expect(await start({ SERVER_MAX_HEAP_MB: "160" })).toBe(1);
  expect(readFileSync(join(dir, "npx-args"), "utf8").trim()).toBe("--no-install next build");
  expect(readFileSync(join(dir, "npx-node-options"), "utf8")).not.toContain("--max-old-space-size");
  // The failed build stopped the start before any database was created.
  expect(existsSync(join(dir, "db"))).toBe(false);
});
