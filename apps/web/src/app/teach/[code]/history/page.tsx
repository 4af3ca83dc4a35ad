import { AppShell, PageHeader } from "@margin/ui/app-shell";
import { Card } from "@margin/ui/card";
import type { Metadata } from "next";
import { formatLoss } from "~/lib/format";
import { challengeHistory } from "~/server/challenges/boards";
import { getDb } from "~/server/db";
import { ClassNav, managedClassPage } from "../roster/_components/class-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Challenge history" };

export default async function HistoryPage({ params }: { params: Promise<{ code: string }> }) {
  const { classroom } = await managedClassPage((await params).code, "history");
  const boards = await challengeHistory(getDb(), classroom.id);
  return (
    <AppShell>
      <ClassNav code={classroom.joinCode} current="history" />
      <PageHeader eyebrow={classroom.name} title="Challenge history">
        Every finished challenge of this class, ranked as at its reveal: by the private held-out log loss of
        each student's better pick, or of their best public model if they picked nothing.
      </PageHeader>
      {boards.length === 0 ? (
        <Card>
          <p className="ml-empty">No finished challenges yet.</p>
        </Card>
      ) : (
        <div className="ml-stack" style={{ gap: 24 }}>
          {boards.map((challenge) => (
            <Card
              key={challenge.id}
              title={challenge.title}
              description={`${challenge.endedAt ? `Ended ${challenge.endedAt.toUTCString()}. ` : ""}The best possible model scores ${formatLoss(challenge.bestPossible)} on the private points.`}
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
              {challenge.standings.length === 0 ? (
                <p className="ml-empty">Nobody took part.</p>
              ) : (
                <table className="ml-table" aria-label={`Results of ${challenge.title}`}>
                  <thead>
                    <tr>
                      <th scope="col">#</th>
                      <th scope="col">Student</th>
                      <th scope="col">Private log loss</th>
                      <th scope="col">Gap to best possible</th>
                      <th scope="col">Best public log loss</th>
                    </tr>
                  </thead>
                  <tbody>
                    {challenge.standings.map((standing) => (
                      <tr key={standing.participantId}>
                        <td>{standing.rank ?? "–"}</td>
                        <th scope="row">{standing.nickname}</th>
                        <td>
                          {standing.privateLogLoss === null ? (
                            "–"
                          ) : (
                            <>
                              {formatLoss(standing.privateLogLoss)}
                              <span className="ml-field-hint">
                                {" "}
                                {standing.usedPicks ? "picked" : "best public"}
                              </span>
                            </>
                          )}
                        </td>
                        <td>
                          {standing.privateLogLoss === null
                            ? "–"
                            : `+${formatLoss(Math.max(0, standing.privateLogLoss - challenge.bestPossible))}`}
                        </td>
                        <td>
                          {standing.bestPublicLogLoss === null ? "–" : formatLoss(standing.bestPublicLogLoss)}
                        </td>
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
