-- The language a member signs in with, for the e-mails Nida sends them; and the language each
-- sign-in link was asked for in, which using it makes the member's.
ALTER TABLE "users" ADD COLUMN "locale" "Locale";
ALTER TABLE "verification_tokens" ADD COLUMN "locale" "Locale";
