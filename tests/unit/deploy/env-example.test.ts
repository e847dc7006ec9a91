import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { envVariableNames, parseEnv } from "../../../lib/env";

const example = readFileSync(new URL("../../../deploy/.env.example", import.meta.url), "utf8");

// The settings a line of the example sets, as a shell would read them (commented lines set nothing).
function assignments(text: string): Record<string, string> {
  const lines = text.split("\n").filter((line) => /^[A-Z_]+=/.test(line));
  return Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]));
}

describe("deploy/.env.example", () => {
  it("explains every variable the server reads", () => {
    // Each one as a line of its own, set or commented out with its default.
    const missing = envVariableNames.filter((name) => !new RegExp(`^(# )?${name}=`, "m").test(example));
    expect(missing).toEqual([]);
  });

  it("is a valid production configuration once the secrets are filled in", () => {
    const filled = { ...assignments(example), APP_SECRET: "Zq8v-Rw3n_Lp5tKx9Hc2mBd7Gy4Fs6Jk", DATA_KEY: "bmlkYS1leGFtcGxlLWRhdGEta2V5LTMyLWJ5dGVzISE=", RESEND_API_KEY: "re_live_key" };
    const env = parseEnv(filled);
    expect(env.NIDA_ENV).toBe("production");
    expect(env.APP_URL.startsWith("https://")).toBe(true);
    expect(env.DIRECT_DATABASE_URL).toBeDefined();
  });

  it("refuses a pooled DATABASE_URL without the direct one that migrations need", () => {
    const rest = assignments(example);
    delete rest.DIRECT_DATABASE_URL;
    expect(() => parseEnv({ ...rest, APP_SECRET: "Zq8v-Rw3n_Lp5tKx9Hc2mBd7Gy4Fs6Jk", DATA_KEY: "bmlkYS1leGFtcGxlLWRhdGEta2V5LTMyLWJ5dGVzISE=", RESEND_API_KEY: "re_live_key" })).toThrow(/DIRECT_DATABASE_URL/);
  });
});
