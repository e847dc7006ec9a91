import { describe, expect, it } from "vitest";
import { parseEnv, secretWeakness } from "../../../lib/env";

const strongSecret = "q7Vd2Lk9xR4pT1mZ8bN3cW6yH0sJ5fGa";
const dataKey = Buffer.alloc(32, 7).toString("base64");
const production = { NIDA_ENV: "production", APP_SECRET: strongSecret, DATA_KEY: dataKey, RESEND_API_KEY: "re_live_0123", APP_URL: "https://nida.example.org" };

function refusal(source: Record<string, string | undefined>): string {
  try {
    parseEnv(source);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("the environment was accepted");
}

describe("production start-up", () => {
  it("accepts a strong secret, a mail provider and an https address", () => {
    const env = parseEnv(production);
    expect(env.APP_SECRET).toBe(strongSecret);
    expect(env.APP_URL).toBe("https://nida.example.org");
  });

  it("refuses to start without the secrets it needs", () => {
    expect(refusal({ ...production, APP_SECRET: undefined })).toMatch(/APP_SECRET: is required in production/);
    expect(refusal({ ...production, APP_SECRET: "" })).toMatch(/APP_SECRET: is required in production/);
    expect(refusal({ ...production, DATA_KEY: undefined })).toMatch(/DATA_KEY: or DATA_KEY_FILE is required in production/);
    expect(refusal({ ...production, DATA_KEY: "too-short" })).toMatch(/DATA_KEY: must be 32 random bytes/);
    expect(parseEnv({ ...production, DATA_KEY: undefined, DATA_KEY_FILE: "/etc/nida/data-key" }).DATA_KEY_FILE).toBe("/etc/nida/data-key");
    expect(refusal({ ...production, RESEND_API_KEY: undefined })).toMatch(/RESEND_API_KEY: is required in production/);
    expect(refusal({ ...production, APP_URL: undefined })).toMatch(/APP_URL: is required in production/);
  });

  it("refuses weak secrets", () => {
    for (const weak of ["short-secret-1", "a".repeat(40), "changeme-changeme-changeme-changeme", "abababababababababababababababab12", "qwertyuiopasdfghjklzxcvbnmqwertyuiop"]) {
      expect(refusal({ ...production, APP_SECRET: weak })).toMatch(/APP_SECRET/);
    }
  });

  it("refuses a plain-http public address", () => {
    expect(refusal({ ...production, APP_URL: "http://nida.example.org" })).toMatch(/APP_URL: must be an https/);
  });

  it("lets development and tests run without any of it", () => {
    expect(parseEnv({}).NIDA_ENV).toBe("development");
    expect(parseEnv({ NIDA_ENV: "test", APP_SECRET: undefined }).APP_SECRET).toBeUndefined();
  });

  it("explains what is weak", () => {
    expect(secretWeakness(strongSecret)).toBeNull();
    expect(secretWeakness("0123456789")).toMatch(/at least 32/);
    expect(secretWeakness("z".repeat(48))).toMatch(/repetitive/);
  });
});
