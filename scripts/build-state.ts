// Whether the production build in .next is current: newer than every source that goes into it.
// Shared by `npm start` (builds when it is not) and the benchmarks (which measure the real build).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const sources = ["app", "lib", "emails", "prisma", "proxy.ts", "instrumentation.ts", "instrumentation-client.ts", "next.config.js", "package.json", "package-lock.json"];

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === "generated" || entry === "node_modules") continue;
    newest = Math.max(newest, newestChange(join(path, entry)));
  }
  return newest;
}

function buildIsCurrent(): boolean {
  const marker = ".next/BUILD_ID";
  if (!existsSync(marker)) return false;
  const built = statSync(marker).mtimeMs;
  return sources.every((source) => newestChange(source) <= built);
}

// Runs `next build` unless the build is current; returns false if the build failed.
export function buildIfNeeded(env: NodeJS.ProcessEnv, message = "Building Nida (first start, or the code changed)…"): boolean {
  if (buildIsCurrent()) return true;
  console.log(message);
  const build = spawnSync("npx", ["--no-install", "next", "build"], { stdio: "inherit", env });
  return build.status === 0;
}
