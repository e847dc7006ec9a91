import type { Actor } from "@/lib/auth/authorize";
import { listActorOrganisations, type ActorOrganisation } from "@/lib/organisations/list-organisations";

// Which of the actor's organisations a directory page is about: the one asked for, else the first.
export async function chooseDirectoryOrganisation(actor: Actor, requested: string | string[] | undefined): Promise<{ current: ActorOrganisation | null; all: ActorOrganisation[] }> {
  const all = await listActorOrganisations(actor);
  const current = typeof requested === "string" ? (all.find((o) => o.id === requested) ?? null) : (all[0] ?? null);
  return { current, all };
}
