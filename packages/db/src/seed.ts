import { createDb, defaultDatabaseUrl, migrateDatabase } from "./client";
import { seedDemo } from "./demo";
import { hashSecret } from "./secrets";

/** Printed below; a demo database on a teacher's laptop, not a secret. Override with DEMO_TEACHER_PASSWORD. */
const demoPassword = process.env.DEMO_TEACHER_PASSWORD || "cats-or-dogs-demo";

// CLI (pnpm db:seed): migrate DATABASE_URL (or the default SQLite file), then seed the demo data.
const url = process.env.DATABASE_URL || defaultDatabaseUrl();
await migrateDatabase(url);
const db = createDb(url);
try {
  const { school, teacher, classroom, lesson } = await seedDemo(db, {
    teacherPasswordHash: await hashSecret(demoPassword),
  });
  console.log(`Demo school "${school.name}", lesson "${lesson.slug}"`);
  console.log(`Demo classroom "${classroom.name}" — join code ${classroom.joinCode}`);
  console.log(`Demo teacher: ${teacher.email} / ${demoPassword}`);
} finally {
  await db.$disconnect();
}
