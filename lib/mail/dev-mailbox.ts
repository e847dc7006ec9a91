import { db } from "../db";

export async function listDevMail(limit = 100) {
  return db.devMail.findMany({ orderBy: { createdAt: "desc" }, take: limit, select: { id: true, toAddress: true, subject: true, createdAt: true } });
}

export async function getDevMail(id: string) {
  return db.devMail.findUnique({ where: { id } });
}
