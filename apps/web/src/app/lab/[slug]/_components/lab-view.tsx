"use client";

import { decisionBoundary, sigmoid } from "@margin/core";
import type { LabLanguage } from "@margin/db";
import { AppShell, PageHeader } from "@margin/ui/app-shell";
import { Button, ButtonLink } from "@margin/ui/button";
import { Card } from "@margin/ui/card";
import { LossChart, type LossPoint } from "@margin/ui/loss-chart";
import { type ChartBoundary, ScatterBoundaryChart } from "@margin/ui/scatter-boundary-chart";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { CodeEditor } from "~/lab/code-editor";
import { type CheckResult, referenceRun, type StudentRun, type Verdict } from "~/lab/grader";
import { runAndGrade } from "~/lab/sandbox-client";
import { starterCode } from "~/lab/starter";
import { describeModel } from "~/lib/format";
import { LESSON_BOX, lessonData } from "~/lib/lesson-data";
import { useTRPC } from "~/trpc/react";

const AUTOSAVE_MS = 800;
type SaveState = "idle" | "pending" | "saving" | "saved" | "error";

interface Props {
  lessonSlug: "cats-or-dogs";
  lessonTitle: string;
  objective: string;
  notebook: ReactNode;
}

export function NotAStudent({ title }: { title: string }) {
  return (
    <AppShell>
      <PageHeader eyebrow={`${title} · Coding lab`} title="Implement logistic regression from scratch">
        The coding lab saves your work to your class: join your class first, then come back here.
      </PageHeader>
      <ButtonLink href="/">Join a class</ButtonLink>
    </AppShell>
  );
}

export function LabView({ lessonSlug, lessonTitle, objective, notebook }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const mine = useQuery(trpc.lab.mine.queryOptions({ lessonSlug }));

  if (mine.isPending) {
    return (
      <AppShell meta="Coding lab">
        <p className="ml-empty">Loading your work…</p>
      </AppShell>
    );
  }
  if (mine.isError) {
    return (
      <AppShell meta="Coding lab">
        <p className="ml-alert" role="alert">
          {mine.error.message}
        </p>
      </AppShell>
    );
  }
  const language = mine.data.language ?? "javascript";
  return (
    <Lab
      lessonSlug={lessonSlug}
      lessonTitle={lessonTitle}
      objective={objective}
      notebook={notebook}
      initialLanguage={language}
      initialCode={mine.data.draft ?? starterCode(language)}
      passingCode={mine.data.passingCode}
      objectiveCompleted={mine.data.objectiveCompleted}
      onProgress={() => queryClient.invalidateQueries(trpc.lab.mine.queryFilter({ lessonSlug }))}
    />
  );
}

interface LabProps extends Props {
  initialLanguage: LabLanguage;
  initialCode: string;
  passingCode: string | null;
  objectiveCompleted: boolean;
  onProgress: () => void;
}

function Lab(props: LabProps) {
  const { lessonSlug, lessonTitle, objective, notebook, passingCode, objectiveCompleted, onProgress } = props;
  const trpc = useTRPC();
  const [language, setLanguage] = useState<LabLanguage>(props.initialLanguage);
  const [editorValue, setEditorValue] = useState(props.initialCode);
  const code = useRef(props.initialCode);
  const [saveState, setSaveState] = useState<SaveState>("idle");
  const [running, setRunning] = useState(false);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const saveDraft = useMutation(trpc.lab.saveDraft.mutationOptions());
  const recordRun = useMutation(trpc.lab.recordRun.mutationOptions());

  const save = useCallback(
    async (draft: string, lang: LabLanguage) => {
      setSaveState("saving");
      try {
        await saveDraft.mutateAsync({ lessonSlug, language: lang, draft });
        setSaveState((state) => (state === "saving" ? "saved" : state));
      } catch {
        setSaveState("error");
      }
    },
    [saveDraft.mutateAsync, lessonSlug],
  );

  const scheduleSave = useCallback(
    (lang: LabLanguage) => {
      setSaveState("pending");
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(code.current, lang), AUTOSAVE_MS);
    },
    [save],
  );
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const onChange = useCallback(
    (value: string) => {
      code.current = value;
      scheduleSave(language);
    },
    [scheduleSave, language],
  );

  const switchLanguage = (next: LabLanguage) => {
    if (next === language) return;
    // Untouched starter code follows the language; anything the student wrote stays.
    if (code.current === starterCode(language)) {
      code.current = starterCode(next);
      setEditorValue(code.current);
    }
    setLanguage(next);
    scheduleSave(next);
  };

  const run = useCallback(async () => {
    if (running) return;
    setRunning(true);
    setServerError(null);
    const source = code.current;
    try {
      // The page's own run answers at once and draws the charts; the server then grades the same code
      // itself, and its checks replace the page's.
      const local = await runAndGrade(source, language);
      setVerdict(local);
      if (local.problem) return;
      if (timer.current) clearTimeout(timer.current);
      const graded = await recordRun.mutateAsync({ lessonSlug, language, code: source });
      setSaveState("saved");
      setVerdict({
        checks: graded.checks,
        passed: graded.passed,
        run: local.run,
        ...(graded.problem ? { problem: graded.problem } : {}),
      });
      if (graded.passed) onProgress();
    } catch (error) {
      setServerError(error instanceof Error ? error.message : String(error));
    } finally {
      setRunning(false);
    }
  }, [running, language, lessonSlug, recordRun.mutateAsync, onProgress]);

  const restorePassing = () => {
    if (!passingCode) return;
    code.current = passingCode;
    setEditorValue(passingCode);
    scheduleSave(language);
  };

  const passedCount = verdict?.checks.filter((check) => check.passed).length ?? 0;

  return (
    <AppShell meta="Coding lab">
      <PageHeader eyebrow={`${lessonTitle} · Coding lab`} title="Implement logistic regression from scratch">
        Write the notebook's functions in JavaScript or TypeScript. "Run checks" tests them one by one against
        the reference implementation; your code runs in a sandbox with no access to the page or the network,
        and the server checks it again before your progress is saved.
      </PageHeader>

      <div className="ml-lab-status" role="status" aria-label="Objective progress">
        {objectiveCompleted ? (
          <span className="ml-badge ml-badge-success">Completed</span>
        ) : (
          <span className="ml-badge ml-badge-muted">Not yet</span>
        )}
        <span>
          Objective: <strong>{objective}</strong>
        </span>
      </div>

      <div className="ml-lab-grid">
        <Card title="Your code" className="ml-lab-code-card">
          <div className="ml-lab-toolbar">
            <fieldset className="ml-lab-language">
              <legend className="ml-visually-hidden">Language</legend>
              {(["javascript", "typescript"] as const).map((lang) => (
                <label key={lang}>
                  <input
                    type="radio"
                    name="lab-language"
                    value={lang}
                    checked={language === lang}
                    onChange={() => switchLanguage(lang)}
                  />
                  {lang === "javascript" ? "JavaScript" : "TypeScript"}
                </label>
              ))}
            </fieldset>
            <span className="ml-lab-save" aria-live="polite">
              {SAVE_LABELS[saveState]}
            </span>
          </div>
          <CodeEditor
            value={editorValue}
            language={language}
            label="Code editor"
            onChange={onChange}
            onRun={() => void run()}
          />
          <div className="ml-lab-actions">
            <Button onClick={() => void run()} disabled={running}>
              {running ? "Running…" : "Run checks"}
            </Button>
            {passingCode ? (
              <Button variant="secondary" onClick={restorePassing}>
                Restore last passing version
              </Button>
            ) : null}
            <span className="ml-field-hint">Ctrl + Enter runs too.</span>
          </div>
        </Card>
        <div className="ml-lab-notebook">{notebook}</div>
      </div>

      <Card
        title="Checks"
        description={
          verdict
            ? verdict.problem
              ? "Nothing could be checked this time."
              : `${passedCount} of ${verdict.checks.length} checks pass.`
            : "Run your code to check each function."
        }
      >
        {serverError ? (
          <div className="ml-alert ml-lab-problem" role="alert">
            <p>The server could not grade this run: {serverError}</p>
          </div>
        ) : null}
        {verdict?.problem ? (
          <div className="ml-alert ml-lab-problem" role="alert">
            <p>{verdict.problem.message}</p>
            <p className="ml-lab-hint">Hint: {verdict.problem.hint}</p>
          </div>
        ) : verdict ? (
          <ol className="ml-lab-checks" aria-label="Check results">
            {verdict.checks.map((check) => (
              <CheckItem key={check.id} check={check} />
            ))}
          </ol>
        ) : null}
        {verdict?.passed ? (
          <p className="ml-lab-pass" role="status">
            All checks pass — your from-scratch logistic regression matches the notebook.
          </p>
        ) : null}
      </Card>

      {verdict?.run ? <RunCharts run={verdict.run} /> : null}
    </AppShell>
  );
}

const SAVE_LABELS: Record<SaveState, string> = {
  idle: "",
  pending: "Unsaved changes…",
  saving: "Saving…",
  saved: "Draft saved",
  error: "Could not save — your code is still here; keep working and it will retry.",
};

function CheckItem({ check }: { check: CheckResult }) {
  return (
    <li
      className={`ml-lab-check ${check.passed ? "is-pass" : "is-fail"}`}
      aria-label={`${check.title}: ${check.passed ? "passed" : "failed"}`}
    >
      <span className="ml-lab-check-mark" aria-hidden="true">
        {check.passed ? "✓" : "✗"}
      </span>
      <div>
        <p className="ml-lab-check-title">{check.title}</p>
        <p>{check.message}</p>
        {!check.passed && (check.expected || check.got) ? (
          <dl className="ml-lab-expect">
            <dt>Expected</dt>
            <dd>{check.expected}</dd>
            <dt>Got</dt>
            <dd>{check.got}</dd>
          </dl>
        ) : null}
        {!check.passed && check.hint ? <p className="ml-lab-hint">Hint: {check.hint}</p> : null}
      </div>
    </li>
  );
}

function lossPoints(losses: readonly number[]): LossPoint[] {
  const step = Math.max(1, Math.floor(losses.length / 200));
  const points: LossPoint[] = [];
  for (let i = 0; i < losses.length; i += 1) {
    const loss = losses[i];
    const shown = i % step === 0 || i === losses.length - 1;
    if (shown && typeof loss === "number" && Number.isFinite(loss)) points.push({ iteration: i + 1, loss });
  }
  return points;
}

function RunCharts({ run }: { run: StudentRun }) {
  const { points } = lessonData();
  const reference = referenceRun();
  const finite = [...run.w, run.b].every(Number.isFinite);
  const boundaries = useMemo<ChartBoundary[]>(() => {
    const list: ChartBoundary[] = [
      {
        id: "reference",
        name: "Notebook",
        color: "#6b7280",
        segment: decisionBoundary({ w: reference.w, b: reference.b }, LESSON_BOX),
        description: `notebook: ${describeModel(reference.w, reference.b)}`,
      },
    ];
    if (finite) {
      list.push({
        id: "yours",
        name: "Yours",
        color: "var(--ml-primary)",
        segment: decisionBoundary({ w: run.w, b: run.b }, LESSON_BOX),
        description: `yours: ${describeModel(run.w, run.b)}`,
        emphasized: true,
      });
    }
    return list;
  }, [run, reference, finite]);
  return (
    <div className="ml-grid ml-lab-charts">
      <Card title="Your loss curve" description="Log loss after each update, from your train().">
        <LossChart title="Your loss" points={lossPoints(run.losses)} />
      </Card>
      <Card title="Notebook's loss curve" description="The reference run: lr = 0.1, 1000 updates.">
        <LossChart title="Notebook loss" points={lossPoints(reference.losses)} />
      </Card>
      <Card
        title="Your decision boundary"
        description="Shaded by your model's σ(w·x + b); grey is the notebook's."
      >
        <ScatterBoundaryChart
          title="Your boundary on the lesson's data"
          points={points}
          boundaries={boundaries}
          box={LESSON_BOX}
          probability={finite ? (x1, x2) => sigmoid(run.w[0] * x1 + run.w[1] * x2 + run.b) : undefined}
        />
      </Card>
    </div>
  );
}
