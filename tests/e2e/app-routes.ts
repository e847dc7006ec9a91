// The app's routes as Next.js finds them on the file system, for the tests that visit or call
// every one of them: a file named `file` (page.tsx, route.ts) under `dir`, each with its URL
// segments. Route groups "(x)" leave no trace in the URL; private "_x" folders hold no routes.
import { readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

function walk(dir: string, file: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return walk(path, file);
    return name === file ? [path] : [];
  });
}

export type AppRouteFile = { path: string; segments: string[] };

export function appRouteFiles(dir: string, file: string): AppRouteFile[] {
  return walk(dir, file).flatMap((path) => {
    const segments = relative(dir, path).split(sep).slice(0, -1).filter((segment) => !/^\(.*\)$/.test(segment));
    return segments.some((segment) => segment.startsWith("_")) ? [] : [{ path, segments }];
  });
}
