-- The interface's languages beyond English and Arabic: Turkish, Kurdish (Kurmanji), French, German.
ALTER TYPE "Locale" ADD VALUE 'tr';
ALTER TYPE "Locale" ADD VALUE 'ku';
ALTER TYPE "Locale" ADD VALUE 'fr';
ALTER TYPE "Locale" ADD VALUE 'de';
