-- Seven letters from 23456789abcdefghjkmnpqrstvwxyz (no 0/o, 1/i/l or u/v pairs to misread when
-- typed from a poster); lib/paper-materials/short-code.ts holds the same alphabet.
CREATE FUNCTION nida_short_code() RETURNS TEXT LANGUAGE sql VOLATILE AS $$
  SELECT string_agg(substr('23456789abcdefghjkmnpqrstvwxyz', 1 + floor(random() * 30)::int, 1), '')
    FROM generate_series(1, 7)
$$;

-- AlterTable (a volatile default: every existing campaign gets its own code)
ALTER TABLE "campaigns" ADD COLUMN     "short_code" TEXT NOT NULL DEFAULT nida_short_code();

-- CreateIndex
CREATE UNIQUE INDEX "campaigns_short_code_key" ON "campaigns"("short_code");
