import { getServerSession } from "next-auth";
import { cache } from "react";
import { db } from "../db";
import { loadActor, type Actor } from "./authorize";
import { authOptions } from "./options";

// The signed-in organiser of this request, loaded fresh from the database (a removed member or an
// ended session is gone at once), or null. Cached per request: layout and page share one look-up.
export async function getActor(): Promise<Actor | null> {
  return currentActor();
}

const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions);
  const userId = (session?.user as { id?: unknown } | undefined)?.id;
  if (typeof userId !== "string") return null;
  const actor = await loadActor(userId);
  return actor && actor.memberships.length > 0 ? actor : null;
});

// Sign-out: the session row goes, so the cookie is worthless even if a copy of it survives.
export async function endSession(sessionToken: string | undefined): Promise<void> {
  if (!sessionToken) return;
  await db.session.deleteMany({ where: { sessionToken } });
}
