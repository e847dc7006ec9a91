import { Body, Button, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import { isolate, isolatedParts } from "../lib/i18n/isolate";
import { direction, type Locale } from "../lib/i18n/locales";
import { translator } from "../lib/i18n/translator";
import type { SupporterLinks } from "../lib/privacy/supporter-links";

// The values an e-mail shows in another language than its own (an Arabic-only campaign's title in
// an English digest), each with that language, keyed as isolate() puts the value into a sentence.
export type OtherLanguages = ReadonlyMap<string, Locale>;

// Of the values an e-mail shows and the language each is in, those in another language than the
// e-mail's. A language left out (a message queued before it was kept) counts as the e-mail's own.
export function otherLanguages(locale: Locale, values: [value: string | null | undefined, language: Locale | null | undefined][]): OtherLanguages {
  const other = new Map<string, Locale>();
  for (const [value, language] of values) if (value && language && language !== locale) other.set(isolate(value), language);
  return other;
}

// A value within our text. One in another language says which, so that a screen reader reads it in
// that language's voice rather than the e-mail's.
export function Bdi({ children, languages }: { children: string; languages?: OtherLanguages }) {
  const lang = languages?.get(isolate(children));
  return (
    <bdi lang={lang} dir={lang && direction(lang)}>
      {children}
    </bdi>
  );
}

// A sentence of ours holding values put in with isolate(): in the HTML each value is a <bdi>, which
// the plain text isolates again (plain-text.ts).
export function withBdi(text: string, languages?: OtherLanguages): ReactNode {
  return isolatedParts(text).map((part, index) => (index % 2 ? <Bdi key={index} languages={languages}>{part}</Bdi> : part));
}

// The frame every Nida e-mail shares: language and direction, brand, heading, and a footnote. The
// brand, heading and footnote may hold isolated values (a sender's organisation, a title), some in
// another language (`languages`).
export function EmailLayout(props: { locale: Locale; preview: string; brand: string; heading: string; footnote: string; languages?: OtherLanguages; footer?: ReactNode; children: ReactNode }) {
  const dir = direction(props.locale);
  return (
    <Html lang={props.locale} dir={dir}>
      <Head />
      <Preview>{props.preview}</Preview>
      <Body style={{ backgroundColor: "#f4f4f2", fontFamily: "'IBM Plex Sans Arabic', 'IBM Plex Sans', Arial, sans-serif", margin: 0 }}>
        <Container style={{ backgroundColor: "#ffffff", maxWidth: 560, margin: "24px auto", padding: "32px 28px", textAlign: dir === "rtl" ? "right" : "left" }}>
          <Text style={{ color: "#0b5d3b", fontWeight: 700, fontSize: 18, margin: 0 }}>{withBdi(props.brand, props.languages)}</Text>
          <Heading as="h1" style={{ fontSize: 22, lineHeight: "30px", color: "#1b1b1b" }}>
            {withBdi(props.heading, props.languages)}
          </Heading>
          {props.children}
          <Hr style={{ borderColor: "#d8dcde", margin: "28px 0 16px" }} />
          <Text style={{ fontSize: 13, lineHeight: "20px", color: "#505a5f" }}>{withBdi(props.footnote, props.languages)}</Text>
          {props.footer}
        </Container>
      </Body>
    </Html>
  );
}

export const textStyle = { fontSize: 16, lineHeight: "24px" };

export function EmailButton({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Section style={{ margin: "24px 0" }}>
      <Button
        href={href}
        style={{ backgroundColor: "#0b5d3b", color: "#ffffff", fontSize: 16, fontWeight: 700, padding: "12px 20px", borderRadius: 4, textDecoration: "none" }}
      >
        {children}
      </Button>
    </Section>
  );
}

// For mail clients that do not show the button: the address itself, always left to right.
export function LinkFallback({ help, url, locale }: { help: string; url: string; locale: Locale }) {
  return (
    <>
      <Text style={{ fontSize: 14, lineHeight: "22px", color: "#505a5f" }}>{help}</Text>
      <Text style={{ fontSize: 14, lineHeight: "22px", wordBreak: "break-all", direction: "ltr", textAlign: direction(locale) === "rtl" ? "right" : "left" }}>
        {url}
      </Text>
    </>
  );
}

// Every e-mail to a supporter ends with these: stop hearing from organisations, erase my data.
// Each link has a line of its own, so that in the plain text a label and its address stay
// together, and an Arabic line holds one address, not two run into each other. `reason: false`
// where the e-mail's footnote already says why the reader gets it.
export function SupporterFooter({ locale, links, reason = true }: { locale: Locale; links: SupporterLinks; reason?: boolean }) {
  const t = translator(locale, "PrivacyEmail");
  const style = { fontSize: 13, lineHeight: "20px", color: "#505a5f" };
  return (
    <>
      {reason ? <Text style={style}>{t("why")}</Text> : null}
      <Text style={style}>
        <Link href={links.unsubscribeUrl} style={{ color: "#0b5d3b" }}>
          {t("unsubscribe")}
        </Link>
        <br />
        <Link href={links.eraseUrl} style={{ color: "#0b5d3b" }}>
          {t("erase")}
        </Link>
      </Text>
    </>
  );
}
