import { createDb, defaultDatabaseUrl, migrateDatabase } from "./client";
import { seedDemo } from "./demo";

// CLI (pnpm db:seed): migrate DATABASE_URL (or the default SQLite file), then seed the demo data.
const url = process.env.DATABASE_URL || defaultDatabaseUrl();
await migrateDatabase(url);
const db = createDb(url);
try {
  const { school, teacher, classroom, lesson } = await seedDemo(db);
  console.log(`Demo school "${school.name}", lesson "${lesson.slug}"`);
  console.log(`Demo classroom "${classroom.name}" — join code ${classroom.joinCode}`);
  // Password hashing belongs to the web app, which sets the demo teacher's password (seedDemo's
  // teacherPasswordHash); this CLI cannot print a password it did not set.
  console.log(`Demo teacher: ${teacher.email}`);
} finally {
  await db.$disconnect();
}
