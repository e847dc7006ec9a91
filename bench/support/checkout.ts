// Another commit of this repository, unpacked and built beside this one, so a benchmark can
// measure it and the current code in alternating rounds of one run. Kept in .data/bench-checkouts
// by commit, so a second run reuses the build.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { benchEnv } from "./server";

type Checkout = { commit: string; dir: string };

function git(args: string[]): string {
  return execFileSync("git", args, { encoding: "utf8" }).trim();
}

function run(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, { cwd, stdio: "inherit", env: benchEnv });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed in ${cwd}`);
}

export function builtCheckout(ref: string): Checkout {
  const commit = git(["rev-parse", "--verify", `${ref}^{commit}`]);
  const dir = path.resolve(".data", "bench-checkouts", commit.slice(0, 12));
  if (existsSync(path.join(dir, ".next", "BUILD_ID"))) return { commit, dir };
  console.log(`[bench] building ${ref} (${commit.slice(0, 12)}) in ${dir}…`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // The commit's files, without a second Git working tree to clean up.
  execFileSync("sh", ["-c", `git archive ${commit} | tar -x -C "${dir}"`]);
  // This checkout's packages, as hard links: the same files, no download. Same file system, as .data is.
  run("cp", ["-al", path.resolve("node_modules"), path.join(dir, "node_modules")], process.cwd());
  run(process.execPath, ["scripts/prisma-generate.mjs"], dir);
  run("npx", ["--no-install", "next", "build"], dir);
  return { commit, dir };
}
