import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// Every server action of the organiser area authorises itself: each exported function of a
// "use server" file (and each function with an inline "use server") calls requireOrganiser
// unconditionally, in its own body, before anything else can happen. Actions added later by
// anyone are covered, because the files are found by walking the folder.
const root = "app/[locale]/organiser";

// Actions for people without a session by definition: they are how one gets a session, or ends it.
const publicActionFiles: Record<string, string> = {
  "app/[locale]/organiser/sign-in/actions.ts": "sign-in and sign-out: for visitors who have no session (yet, or any more)",
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function hasUseServer(statements: ts.NodeArray<ts.Statement> | undefined): boolean {
  for (const statement of statements ?? []) {
    if (!ts.isExpressionStatement(statement) || !ts.isStringLiteral(statement.expression)) return false;
    if (statement.expression.text === "use server") return true;
  }
  return false;
}

const isRequireOrganiserCall = (node: ts.Node | undefined): boolean => {
  let expression = node;
  while (expression && (ts.isAwaitExpression(expression) || ts.isParenthesizedExpression(expression))) expression = expression.expression;
  return Boolean(expression && ts.isCallExpression(expression) && ts.isIdentifier(expression.expression) && expression.expression.text === "requireOrganiser");
};

// requireOrganiser as one of the function's own top-level statements: not in a branch, a loop,
// a try block or a nested function, so it runs on every call.
function callsRequireOrganiser(body: ts.ConciseBody | undefined): boolean {
  if (!body) return false;
  if (!ts.isBlock(body)) return isRequireOrganiserCall(body);
  return body.statements.some((statement) => {
    if (ts.isExpressionStatement(statement)) return isRequireOrganiserCall(statement.expression);
    if (ts.isVariableStatement(statement)) return statement.declarationList.declarations.some((d) => isRequireOrganiserCall(d.initializer));
    if (ts.isReturnStatement(statement)) return isRequireOrganiserCall(statement.expression);
    return false;
  });
}

type FunctionLike = { name: string; body: ts.ConciseBody | undefined };

function exportedFunctions(file: ts.SourceFile): { functions: FunctionLike[]; unverifiable: string[] } {
  const functions: FunctionLike[] = [];
  const unverifiable: string[] = [];
  const exported = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const statement of file.statements) {
    if (ts.isFunctionDeclaration(statement) && exported(statement)) {
      functions.push({ name: statement.name?.text ?? "default", body: statement.body });
    } else if (ts.isVariableStatement(statement) && exported(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer;
        const name = declaration.name.getText(file);
        if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) functions.push({ name, body: init.body });
        else unverifiable.push(name);
      }
    } else if (ts.isExportDeclaration(statement) && !statement.isTypeOnly) {
      unverifiable.push(statement.getText(file));
    } else if (ts.isExportAssignment(statement)) {
      unverifiable.push("export default …");
    }
  }
  return { functions, unverifiable };
}

function inlineServerFunctions(file: ts.SourceFile): FunctionLike[] {
  const found: FunctionLike[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node) || ts.isMethodDeclaration(node)) && node.body && ts.isBlock(node.body) && hasUseServer(node.body.statements)) {
      found.push({ name: (node as { name?: ts.Node }).name?.getText(file) ?? "(anonymous)", body: node.body });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

const files = sourceFiles(root).map((path) => {
  const text = readFileSync(path, "utf8");
  return { path: relative(".", path), file: ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, path.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS) };
});
const actionFiles = files.filter(({ file }) => hasUseServer(file.statements));

describe("organiser server actions", () => {
  it("are found (the walk sees the members' actions at least)", () => {
    expect(actionFiles.map((f) => f.path)).toContain("app/[locale]/organiser/members/actions.ts");
  });

  it("each call requireOrganiser unconditionally in every exported function", () => {
    const missing: string[] = [];
    for (const { path, file } of actionFiles) {
      if (publicActionFiles[path]) continue;
      const { functions, unverifiable } = exportedFunctions(file);
      for (const fn of functions) if (!callsRequireOrganiser(fn.body)) missing.push(`${path}: ${fn.name}`);
      for (const name of unverifiable) missing.push(`${path}: ${name} (export a function declared in this file)`);
    }
    expect(missing).toEqual([]);
  });

  it("each call requireOrganiser in every function with an inline \"use server\"", () => {
    const missing = files.flatMap(({ path, file }) => inlineServerFunctions(file).filter((fn) => !callsRequireOrganiser(fn.body)).map((fn) => `${path}: ${fn.name}`));
    expect(missing).toEqual([]);
  });

  it("exempt only files that exist and are action files", () => {
    for (const path of Object.keys(publicActionFiles)) expect(actionFiles.map((f) => f.path)).toContain(path);
  });

  it("would catch an action that forgot, or checks only on one branch", () => {
    const sample = ts.createSourceFile(
      "sample.ts",
      `"use server";
       export async function good(formData: FormData) { const actor = await requireOrganiser("en"); return actor; }
       export async function forgot(formData: FormData) { return formData; }
       export async function branch(formData: FormData) { if (formData.get("x")) await requireOrganiser("en"); }
       export const arrow = async () => { await requireOrganiser("en"); };
       export const nested = async () => { const f = async () => requireOrganiser("en"); return f; };`,
      ts.ScriptTarget.Latest,
      true,
    );
    const verdicts = Object.fromEntries(exportedFunctions(sample).functions.map((fn) => [fn.name, callsRequireOrganiser(fn.body)]));
    expect(verdicts).toEqual({ good: true, forgot: false, branch: false, arrow: true, nested: false });
  });
});
