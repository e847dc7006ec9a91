-- Statements, their authors, organisations, decision-makers and their answers keep each text per
-- language in one JSON object ({"en": "…", "ar": "…"}), as campaigns do: a language more needs no
-- column more. Empty texts are left out.

-- A response's form had one summary field: one written there in Arabic letters is Arabic.
ALTER TABLE "decision_maker_responses"
  ALTER COLUMN "summary" TYPE JSONB USING CASE
    WHEN "summary_ar" IS NULL AND "summary" ~ '[؀-ۿ]' THEN jsonb_build_object('ar', "summary")
    ELSE jsonb_strip_nulls(jsonb_build_object('en', NULLIF("summary", ''), 'ar', NULLIF("summary_ar", '')))
  END;
ALTER TABLE "decision_maker_responses" DROP COLUMN "summary_ar";

ALTER TABLE "decision_makers"
  ALTER COLUMN "name" TYPE JSONB USING jsonb_strip_nulls(jsonb_build_object('en', NULLIF("name", ''))),
  ALTER COLUMN "title" TYPE JSONB USING jsonb_strip_nulls(jsonb_build_object('en', NULLIF("title", ''), 'ar', NULLIF("title_ar", ''))),
  ALTER COLUMN "institution" TYPE JSONB USING jsonb_strip_nulls(jsonb_build_object('en', NULLIF("institution", ''), 'ar', NULLIF("institution_ar", '')));
UPDATE "decision_makers" SET "title" = '{}' WHERE "title" IS NULL;
ALTER TABLE "decision_makers" ALTER COLUMN "title" SET DEFAULT '{}', ALTER COLUMN "title" SET NOT NULL;
ALTER TABLE "decision_makers" DROP COLUMN "institution_ar", DROP COLUMN "title_ar";

ALTER TABLE "organisations"
  ALTER COLUMN "name" TYPE JSONB USING jsonb_strip_nulls(jsonb_build_object('en', NULLIF("name", ''), 'ar', NULLIF("name_ar", ''))),
  ALTER COLUMN "description" TYPE JSONB USING jsonb_strip_nulls(jsonb_build_object('en', NULLIF("description", ''), 'ar', NULLIF("description_ar", '')));
UPDATE "organisations" SET "description" = '{}' WHERE "description" IS NULL;
ALTER TABLE "organisations" ALTER COLUMN "description" SET DEFAULT '{}', ALTER COLUMN "description" SET NOT NULL;
ALTER TABLE "organisations" DROP COLUMN "description_ar", DROP COLUMN "name_ar";

ALTER TABLE "source_statements"
  ALTER COLUMN "title" TYPE JSONB USING jsonb_strip_nulls(jsonb_build_object('en', NULLIF("title", ''), 'ar', NULLIF("title_ar", '')));
ALTER TABLE "source_statements" ADD COLUMN "summary" JSONB NOT NULL DEFAULT '{}';
UPDATE "source_statements" SET "summary" = jsonb_strip_nulls(jsonb_build_object('en', NULLIF("summary_en", ''), 'ar', NULLIF("summary_ar", '')));
ALTER TABLE "source_statements" DROP COLUMN "summary_ar", DROP COLUMN "summary_en", DROP COLUMN "title_ar";

ALTER TABLE "statement_authors"
  ALTER COLUMN "name" TYPE JSONB USING jsonb_strip_nulls(jsonb_build_object('en', NULLIF("name", ''), 'ar', NULLIF("name_ar", '')));
ALTER TABLE "statement_authors" DROP COLUMN "name_ar";
