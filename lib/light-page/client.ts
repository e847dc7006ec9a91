// The campaign page's one script when the page is served without Next.js's client (README, "Light
// pages"; lib/http/light-page.js). The page works without it: the sign form posts to the server
// and the server answers with the next page or the form and its errors. The script adds what needs
// one: the proof of work for signers on a shared connection, the share channel the link came by,
// the live count, and the focus on the error summary the server sent back.
import { proofField } from "@/lib/abuse/form-fields";
import { proofKeeper } from "@/lib/abuse/proof-of-work";
import type { GoalProgress } from "@/lib/campaigns/goals";
import { pollCount } from "@/lib/campaigns/live-count";
import type { ProgressTexts } from "@/lib/campaigns/progress-texts";
import { channelFromSearch } from "@/lib/campaigns/share-channels";

function hiddenInput(form: HTMLFormElement, name: string, value: string): void {
  let input = form.querySelector<HTMLInputElement>(`input[type=hidden][name="${name}"]`);
  if (!input) {
    input = document.createElement("input");
    input.type = "hidden";
    input.name = name;
    form.append(input);
  }
  input.value = value;
}

// The proof for the address being typed is computed while the rest of the form is filled in, and
// waited for when the form is sent; then the form goes as it would without the script.
function signForm(form: HTMLFormElement, campaignSlug: string): void {
  const email = form.querySelector<HTMLInputElement>("input[name=email]");
  const button = form.querySelector<HTMLButtonElement>("button[type=submit]");
  const source = channelFromSearch(window.location.search);
  if (source && !form.querySelector("input[name=source]")) hiddenInput(form, "source", source);
  const proofs = proofKeeper(campaignSlug);
  email?.addEventListener("input", () => proofs.typed(email.value));
  let sending = false;
  form.addEventListener("submit", (event) => {
    // Without an address there is no proof to wait for: the server says what is missing.
    if (sending || !email || !proofs.proofFor(email.value)) return;
    event.preventDefault();
    sending = true;
    if (button) {
      button.disabled = true;
      button.setAttribute("aria-busy", "true");
    }
    void proofs.forSending(email.value).then((nonce) => {
      if (nonce) hiddenInput(form, proofField, nonce);
      if (button) button.disabled = false;
      // A submit button's name and value go with the form as they would have.
      form.requestSubmit(button ?? undefined);
    });
  });
}

type Progress = GoalProgress & { text?: ProgressTexts };

// The count, the bar and the line toward the goal, in the page's language as the server words them.
function showProgress(meter: HTMLElement, progress: Progress): void {
  const text = progress.text;
  if (!text) return;
  const count = meter.querySelector<HTMLElement>(".progress-count");
  const strong = count?.querySelector("strong");
  if (count && strong) {
    strong.textContent = text.count;
    const breakdown = count.querySelector(".progress-breakdown");
    count.replaceChildren(strong, ` ${text.signatures}`, ...(breakdown && text.breakdown ? [Object.assign(breakdown, { textContent: text.breakdown })] : []));
  }
  const bar = meter.querySelector<HTMLElement>("[role=progressbar]");
  if (bar && progress.goal !== null) {
    bar.setAttribute("aria-valuemax", String(progress.goal));
    bar.setAttribute("aria-valuenow", String(Math.min(progress.count, progress.goal)));
    if (text.valueText) bar.setAttribute("aria-valuetext", text.valueText);
    bar.querySelector<HTMLElement>("span")?.style.setProperty("inline-size", `${progress.percent}%`);
  }
  const goal = meter.querySelector(".progress-goal");
  if (goal && text.goal) goal.textContent = text.goal;
}

function liveCount(meter: HTMLElement, campaignSlug: string, locale: string): void {
  pollCount<Progress>(`/api/campaigns/${encodeURIComponent(campaignSlug)}/count?locale=${encodeURIComponent(locale)}`, (progress) => {
    showProgress(meter, progress);
    meter.dataset.live = "live";
  });
}

function start(): void {
  const [, locale, , slug] = window.location.pathname.split("/");
  const campaignSlug = decodeURIComponent(slug ?? "");
  // The server's answer to a form with errors: a screen reader hears the summary at once.
  document.querySelector<HTMLElement>(".error-summary[tabindex]")?.focus();
  const form = document.querySelector<HTMLFormElement>("form.sign-form");
  if (form) signForm(form, campaignSlug);
  const meter = document.querySelector<HTMLElement>(".progress[data-live]");
  if (meter && locale) liveCount(meter, campaignSlug, locale);
  // The page has its script (tests and the benchmark wait for it).
  document.documentElement.dataset.enhanced = "true";
}

start();
