import { db } from "./db";

// Whether the database answers: what a load balancer's health check asks before sending traffic.
export async function databaseAnswers(): Promise<boolean> {
  try {
    await db.$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}
