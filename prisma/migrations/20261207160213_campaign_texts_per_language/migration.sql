-- A campaign's texts, its demands' and its updates' are kept per language in one JSON object per
-- text ({"en": "…", "ar": "…"}), so a language more needs no column more, and a campaign names the
-- one language it is written in (primary_locale). Every campaign so far was written in English.
-- Empty texts are left out, so a key present always has something to show.

-- AlterTable
ALTER TABLE "campaigns"
ADD COLUMN     "body" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "letter_body" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "letter_subjects" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "primary_locale" "Locale" NOT NULL DEFAULT 'en',
ADD COLUMN     "summary" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "title" JSONB NOT NULL DEFAULT '{}';

UPDATE "campaigns" SET
  "title" = jsonb_strip_nulls(jsonb_build_object('en', NULLIF("title_en", ''), 'ar', NULLIF("title_ar", ''))),
  "summary" = jsonb_strip_nulls(jsonb_build_object('en', NULLIF("summary_en", ''), 'ar', NULLIF("summary_ar", ''))),
  "body" = jsonb_strip_nulls(jsonb_build_object('en', NULLIF("body_en", ''), 'ar', NULLIF("body_ar", ''))),
  "letter_body" = jsonb_strip_nulls(jsonb_build_object('en', NULLIF("letter_body_en", ''), 'ar', NULLIF("letter_body_ar", ''))),
  "letter_subjects" = jsonb_strip_nulls(jsonb_build_object(
    'en', CASE WHEN cardinality("letter_subjects_en") > 0 THEN to_jsonb("letter_subjects_en") END,
    'ar', CASE WHEN cardinality("letter_subjects_ar") > 0 THEN to_jsonb("letter_subjects_ar") END));

ALTER TABLE "campaigns" DROP COLUMN "body_ar",
DROP COLUMN "body_en",
DROP COLUMN "letter_body_ar",
DROP COLUMN "letter_body_en",
DROP COLUMN "letter_subjects_ar",
DROP COLUMN "letter_subjects_en",
DROP COLUMN "summary_ar",
DROP COLUMN "summary_en",
DROP COLUMN "title_ar",
DROP COLUMN "title_en";

-- AlterTable
ALTER TABLE "demands" ADD COLUMN "text" JSONB NOT NULL DEFAULT '{}';
UPDATE "demands" SET "text" = jsonb_strip_nulls(jsonb_build_object('en', NULLIF("text_en", ''), 'ar', NULLIF("text_ar", '')));
ALTER TABLE "demands" DROP COLUMN "text_ar", DROP COLUMN "text_en";

-- AlterTable
ALTER TABLE "supporter_updates"
ADD COLUMN     "body" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "subject" JSONB NOT NULL DEFAULT '{}';
UPDATE "supporter_updates" SET
  "subject" = jsonb_strip_nulls(jsonb_build_object('en', NULLIF("subject_en", ''), 'ar', NULLIF("subject_ar", ''))),
  "body" = jsonb_strip_nulls(jsonb_build_object('en', NULLIF("body_en", ''), 'ar', NULLIF("body_ar", '')));
ALTER TABLE "supporter_updates" DROP COLUMN "body_ar",
DROP COLUMN "body_en",
DROP COLUMN "subject_ar",
DROP COLUMN "subject_en";
