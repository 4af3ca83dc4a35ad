import path from "node:path";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

// Read by the Prisma CLI only (migrate deploy/status, generate). migrateDatabase() passes DATABASE_URL to
// the child process explicitly; the app never reads it from here.
const url = process.env.DATABASE_URL ?? `file:${path.resolve(import.meta.dirname, "../../.data/margin.db")}`;
const isPostgres = /^postgres(ql)?:\/\//i.test(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: isPostgres ? "prisma/postgres/schema.prisma" : "prisma/schema.prisma",
  migrations: { path: isPostgres ? "prisma/postgres/migrations" : "prisma/migrations" },
  async adapter() {
    return isPostgres ? new PrismaPg({ connectionString: url }) : new PrismaLibSQL({ url });
  },
});
