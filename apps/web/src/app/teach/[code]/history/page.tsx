import { challengeLeaderboard, listChallenges } from "@margin/db";
import { AppShell, PageHeader } from "@margin/ui/app-shell";
import { Card } from "@margin/ui/card";
import type { Metadata } from "next";
import { formatLoss } from "~/lib/format";
import { getDb } from "~/server/db";
import { ClassNav, managedClassPage } from "../roster/_components/class-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Challenge history" };

export default async function HistoryPage({ params }: { params: Promise<{ code: string }> }) {
  const { classroom } = await managedClassPage((await params).code, "history");
  const db = getDb();
  const ended = (await listChallenges(db, classroom.id)).filter((c) => c.status === "ended");
  const boards = await Promise.all(
    ended.map(async (challenge) => ({
      challenge,
      entries: await challengeLeaderboard(db, challenge.id, "bestPrivateLogLoss"),
    })),
  );
  return (
    <AppShell>
      <ClassNav code={classroom.joinCode} current="history" />
      <PageHeader eyebrow={classroom.name} title="Challenge history">
        Every finished challenge of this class, ranked by the private held-out log loss.
      </PageHeader>
      {boards.length === 0 ? (
        <Card>
          <p className="ml-empty">No finished challenges yet.</p>
        </Card>
      ) : (
        <div className="ml-stack" style={{ gap: 24 }}>
          {boards.map(({ challenge, entries }) => (
            <Card
              key={challenge.id}
              title={challenge.title}
              description={challenge.endedAt ? `Ended ${challenge.endedAt.toUTCString()}` : undefined}
            >
              <div className="ml-row" style={{ gap: 12, marginBottom: 12 }}>
                <a
                  className="ml-button ml-button-secondary"
                  href={`/teach/${classroom.joinCode}/challenge/${challenge.id}`}
                >
                  Leaderboard and replay<span className="ml-visually-hidden"> of {challenge.title}</span>
                </a>
                <a
                  className="ml-button ml-button-secondary"
                  href={`/api/export/challenge/${challenge.id}`}
                  download
                >
                  Download results CSV<span className="ml-visually-hidden"> of {challenge.title}</span>
                </a>
              </div>
              {entries.length === 0 ? (
                <p className="ml-empty">Nobody took part.</p>
              ) : (
                <table className="ml-table" aria-label={`Results of ${challenge.title}`}>
                  <thead>
                    <tr>
                      <th scope="col">#</th>
                      <th scope="col">Student</th>
                      <th scope="col">Private log loss</th>
                      <th scope="col">Public log loss</th>
                    </tr>
                  </thead>
                  <tbody>
                    {entries.map((entry, index) => (
                      <tr key={entry.id}>
                        <td>{index + 1}</td>
                        <th scope="row">{entry.nickname}</th>
                        <td>{entry.best ? formatLoss(entry.best.privateLogLoss) : "–"}</td>
                        <td>{entry.best ? formatLoss(entry.best.publicLogLoss) : "–"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </Card>
          ))}
        </div>
      )}
    </AppShell>
  );
}
