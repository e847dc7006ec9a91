// The campaign page comes to life in the browser without a complaint: React takes over the
// server's HTML (no hydration error), and the country list the browser names for itself reads in
// the page's language, in its alphabetical order, as the server rendered it.
import { expect, test, type Page } from "@playwright/test";
import { campaignPath, seedCampaigns } from "./helpers";

const campaign = seedCampaigns.monitoring;

const pages = [
  { locale: "en", sign: "Sign the petition", country: "Country where you live", syria: "Syria", choose: /choose/i, letterNote: "Subject lines vary from letter to letter" },
  { locale: "ar", sign: "وقّع العريضة", country: "بلد الإقامة", syria: "سوريا", choose: null, letterNote: "يختلف عنوان الرسالة من رسالة إلى أخرى" },
] as const;

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  return errors;
}

for (const { locale, sign, country, syria, choose, letterNote } of pages) {
  test(`the ${locale} campaign page hydrates without errors and names every country in ${locale}`, async ({ page }) => {
    const errors = collectErrors(page);
    await page.goto(campaignPath(campaign.slug, locale));
    // The browser-side check answers only once React has hydrated the form.
    await page.getByRole("button", { name: sign }).click();
    await expect(page.locator("#sign-errors")).toBeVisible();

    const select = page.getByLabel(country, { exact: true });
    await expect(select).toBeVisible();
    const options = await select.locator("option").evaluateAll((elements) =>
      elements.map((element) => ({ value: (element as HTMLOptionElement).value, text: element.textContent ?? "" })),
    );
    const countries = options.filter((option) => option.value !== "");
    expect(countries.length).toBeGreaterThan(200);
    expect(countries.find((option) => option.value === "SY")?.text).toBe(syria);
    // Every option is named, not left as its code, and the names are in the page's alphabetical order.
    expect(countries.filter((option) => option.text === option.value || option.text.trim() === "")).toEqual([]);
    const names = countries.map((option) => option.text);
    expect(names).toEqual([...names].sort(new Intl.Collator(locale).compare));
    if (choose) expect(options[0]!.text).toMatch(choose);

    await select.selectOption("SY");
    await expect(select).toHaveValue("SY");
    expect(errors).toEqual([]);
  });

  // The texts the browser receives are the ones the page's own forms use: the sign form's, not
  // the letter form's, which travel only with the page where a supporter writes.
  test(`the ${locale} campaign page sends the browser the sign form's texts and not the letter form's`, async ({ request }) => {
    const html = await (await request.get(campaignPath(campaign.slug, locale))).text();
    expect(html).toContain(sign);
    expect(html).not.toContain(letterNote);
  });

  // The browser checks the country against the codes its form offers: the ISO table stays on the
  // server, out of the scripts every reader downloads.
  test(`the ${locale} campaign page's scripts do not carry the ISO country table`, async ({ page }) => {
    const scripts: Promise<string>[] = [];
    page.on("response", (response) => {
      if (response.request().resourceType() === "script") scripts.push(response.text());
    });
    await page.goto(campaignPath(campaign.slug, locale));
    await page.getByRole("button", { name: sign }).click();
    await expect(page.locator("#sign-errors")).toBeVisible();
    const loaded = await Promise.all(scripts);
    expect(loaded.length).toBeGreaterThan(3);
    expect(loaded.filter((text) => text.includes("ISO 3166-2:SY"))).toEqual([]);
  });
}
