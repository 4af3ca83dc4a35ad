import { defaultDatabaseUrl, migrateDatabase, providerOf } from "../src/client";

// CLI (pnpm db:migrate): apply the committed migrations to DATABASE_URL or the default SQLite file.
const url = process.env.DATABASE_URL || defaultDatabaseUrl();
await migrateDatabase(url);
console.log(`Migrated ${providerOf(url)} database.`);
