// The Kurdish (Kurmanji) catalogue: each file holds whole namespaces of one area of the product, so merging
// them is a spread (tests/unit/i18n/messages.test.ts checks no namespace is in two files).
import abuse from "./abuse.json";
import campaignEditor from "./campaign-editor.json";
import delivery from "./delivery.json";
import deliveryPack from "./delivery-pack.json";
import errors from "./errors.json";
import exports from "./export.json";
import jobs from "./jobs.json";
import letters from "./letters.json";
import moderation from "./moderation.json";
import organisationProfile from "./organisation-profile.json";
import organiser from "./organiser.json";
import paper from "./paper.json";
import paperMaterials from "./paper-materials.json";
import privacy from "./privacy.json";
import publicPages from "./public.json";
import reach from "./reach.json";
import statements from "./statements.json";
import updates from "./updates.json";
import webhooks from "./webhooks.json";

export default { ...abuse, ...campaignEditor, ...delivery, ...deliveryPack, ...errors, ...exports, ...jobs, ...letters, ...moderation, ...organisationProfile, ...organiser, ...paper, ...paperMaterials, ...privacy, ...publicPages, ...reach, ...statements, ...updates, ...webhooks };
