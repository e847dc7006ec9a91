-- CreateTable
CREATE TABLE "sign_in_requests" (
    "id" TEXT NOT NULL,
    "client_hash" TEXT NOT NULL,
    "token_hash" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "sign_in_requests_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "sign_in_requests_token_hash_key" ON "sign_in_requests"("token_hash");

-- CreateIndex
CREATE INDEX "sign_in_requests_client_hash_created_at_idx" ON "sign_in_requests"("client_hash", "created_at");

-- CreateIndex
CREATE INDEX "sign_in_requests_created_at_idx" ON "sign_in_requests"("created_at");

-- AddForeignKey
ALTER TABLE "sign_in_requests" ADD CONSTRAINT "sign_in_requests_token_hash_fkey" FOREIGN KEY ("token_hash") REFERENCES "verification_tokens"("token") ON DELETE SET NULL ON UPDATE CASCADE;
