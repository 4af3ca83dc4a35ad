import { questionInsights } from "@margin/db";
import { AppShell, PageHeader } from "@margin/ui/app-shell";
import { Card } from "@margin/ui/card";
import type { Metadata } from "next";
import { formatPercent } from "~/lib/format";
import { getDb } from "~/server/db";
import { ensureLesson } from "~/server/lessons";
import { questionsFor } from "~/server/quiz/bank";
import { ClassNav, managedClassPage } from "../roster/_components/class-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Question insight" };

const LESSON = "cats-or-dogs";

export default async function InsightsPage({ params }: { params: Promise<{ code: string }> }) {
  const { classroom, user } = await managedClassPage((await params).code, "insights");
  const db = getDb();
  await ensureLesson(db, LESSON);
  const insights = await questionInsights(db, {
    actorId: user.id,
    classroomId: classroom.id,
    lessonSlug: LESSON,
  });
  const questions = new Map(questionsFor(LESSON).map((q) => [q.id, q]));
  const answerText = (questionId: string, answer: string) => {
    const question = questions.get(questionId);
    if (question && "choices" in question)
      return question.choices.find((c) => c.id === answer)?.text ?? answer;
    return answer;
  };
  return (
    <AppShell>
      <ClassNav code={classroom.joinCode} current="insights" />
      <PageHeader eyebrow={classroom.name} title="Question insight">
        For each quiz question: how many students got it right the first time, and the wrong answers they gave
        most often. Hardest questions first. Questions with each student's own numbers have different answers
        for everyone, so their wrong answers aren't compared.
      </PageHeader>
      <Card title="Questions">
        {insights.length === 0 ? (
          <p className="ml-empty">No quiz answers yet.</p>
        ) : (
          <div className="ml-table-wrap">
            <table className="ml-table" aria-label="Question insight">
              <thead>
                <tr>
                  <th scope="col">Question</th>
                  <th scope="col">Objective</th>
                  <th scope="col">Students</th>
                  <th scope="col">Right first try</th>
                  <th scope="col">Most common wrong answers</th>
                </tr>
              </thead>
              <tbody>
                {insights.map((insight) => (
                  <tr key={insight.questionId}>
                    <th scope="row">
                      {questions.get(insight.questionId)?.title ?? insight.questionId}
                      {questions.get(insight.questionId)?.kind === "generated" ? (
                        <span className="ml-field-hint"> (own numbers)</span>
                      ) : null}
                    </th>
                    <td>{insight.objectiveKey}</td>
                    <td>{insight.students}</td>
                    <td>{formatPercent(insight.firstTryCorrectShare)}</td>
                    <td>
                      {insight.wrongAnswers.length === 0 ||
                      questions.get(insight.questionId)?.kind === "generated"
                        ? "–"
                        : insight.wrongAnswers
                            .map((w) => `“${answerText(insight.questionId, w.answer)}” (${w.count}×)`)
                            .join(", ")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </AppShell>
  );
}
