-- AlterEnum
ALTER TYPE "DigestKind" ADD VALUE 'IN_PERSON';
