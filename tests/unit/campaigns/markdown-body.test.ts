import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "../../../app/components/markdown";

// Campaign bodies are stored exactly as organisers write them; safety is in the rendering.
function render(body: string): string {
  return renderToStaticMarkup(createElement(Markdown, null, body));
}

const hostile = [
  "# Protect civilians",
  "",
  "Read **the statement** and [the report](https://example.org/report).",
  "",
  "<script>alert('inline')</script>",
  "",
  '<div onclick="steal()">raw <b>HTML</b> block</div>',
  "",
  'Inline <span style="color:red">raw</span> <img src="https://tracker.example/pixel.gif"> html.',
  "",
  "[click me](javascript:alert(1)) and [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) and [vb](vbscript:msgbox(1))",
  "",
  "<javascript:alert(2)>",
  "",
  "![a tracking image](https://tracker.example/image.png)",
  "",
  "- one",
  "- two",
].join("\n");

describe("campaign body Markdown", () => {
  const html = render(hostile);

  it("renders the Markdown itself", () => {
    expect(html).toContain("<h1>Protect civilians</h1>");
    expect(html).toContain("<strong>the statement</strong>");
    expect(html).toMatch(/<ul>\s*<li>one<\/li>\s*<li>two<\/li>\s*<\/ul>/);
  });

  it("renders no script and no raw HTML", () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain("alert('inline')");
    expect(html).not.toMatch(/<div onclick|onclick=/i);
    expect(html).not.toMatch(/<span style|style=/i);
    expect(html).not.toMatch(/<b>/i);
  });

  it("renders no image, whether written as Markdown or as HTML", () => {
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toContain("tracker.example");
  });

  it("leaves no javascript:, data: or vbscript: link", () => {
    // An autolink's text may still read "javascript:…"; no attribute may hold such a URL.
    expect(html).not.toMatch(/="[^"]*javascript:/i);
    expect(html).not.toMatch(/data:text/i);
    expect(html).not.toMatch(/vbscript:/i);
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]);
    expect(hrefs).toContain("https://example.org/report");
    for (const href of hrefs) expect(href === "" || href!.startsWith("https://"), href).toBe(true);
  });

  it("shows the text of an unsafe link, but no link", () => {
    expect(html).toContain("<span>click me</span>");
    expect(html).toContain("<span>vb</span>");
    expect(html).not.toMatch(/href=""/);
  });

  it("marks every link nofollow, so a campaign passes on no ranking or referrer", () => {
    const links = [...html.matchAll(/<a\b[^>]*>/g)].map((match) => match[0]);
    expect(links.length).toBeGreaterThanOrEqual(1);
    for (const link of links) {
      expect(link).toMatch(/rel="[^"]*\bnofollow\b[^"]*"/);
      expect(link).toMatch(/rel="[^"]*\bnoreferrer\b[^"]*"/);
    }
  });
});
