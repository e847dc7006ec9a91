// Names of the sign form's hidden anti-bot fields, shared by the browser form and the server.
// "website_url" reads as a real field to a bot; people never see it (and autofill skips it).
export const honeypotField = "website_url";
export const renderedAtField = "form_rendered";
// The proof of work the form's script computed (lib/abuse/proof-of-work.ts); absent without JavaScript.
export const proofField = "proof";
