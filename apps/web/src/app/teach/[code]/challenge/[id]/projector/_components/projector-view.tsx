"use client";

import { Button, ButtonLink } from "@margin/ui/button";
import { FullscreenButton } from "@margin/ui/fullscreen-button";
import { ScatterBoundaryChart } from "@margin/ui/scatter-boundary-chart";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { describeBestPossible, describeDataset } from "~/lib/challenge-data";
import { describeModel, formatLoss } from "~/lib/format";
import { boundaryPathsById } from "~/lib/live-boundaries";
import { useChallengeBoundaries } from "~/lib/use-challenge-boundaries";
import { useChallengeTrainingData } from "~/lib/use-challenge-data";
import { useTRPC } from "~/trpc/react";
import { JoinPanel } from "./join-panel";
import { Podium } from "./podium";
import { ServerCountdown } from "./server-countdown";
import { TopBoard } from "./top-board";

interface Props {
  code: string;
  challengeId: string;
  joinUrl: string;
  qrSvg: string;
  /** Open with names hidden (the dashboard's choice when it opened this window). */
  hideNames: boolean;
}

/** Boundaries are drawn this much thicker than on a laptop: they have to carry to the back row. */
const PROJECTOR_STROKE = 1.8;

/**
 * The challenge on a projector, one screen with no scrolling: before the start the join code and QR fill
 * the side; during the race the boundary chart takes most of the screen beside a top-10 board and the
 * server's countdown; at the end a podium reveals the private board. Live boundaries come from the
 * realtime service (the dashboard's hook); a status change there refetches the state and the board at once.
 */
export function ProjectorView({ code, challengeId, joinUrl, qrSvg, hideNames: hiddenAtFirst }: Props) {
  const trpc = useTRPC();
  const state = useQuery({ ...trpc.challenge.state.queryOptions({ challengeId }), refetchInterval: 2_000 });
  // Hidden names are hidden by the server: the board and the live stream then carry aliases only.
  const { live, link, hideNames, setHideNames } = useChallengeBoundaries(challengeId, {
    hideNames: hiddenAtFirst,
    onStatus: () => {
      void state.refetch();
      void leaderboard.refetch();
    },
  });
  const leaderboard = useQuery({
    ...trpc.challenge.leaderboard.queryOptions({ challengeId, mode: "loss", hideNames }),
    refetchInterval: 2_000,
  });

  const { points, box, axisLabels } = useChallengeTrainingData(challengeId);
  const paths = useMemo(() => boundaryPathsById(live, box), [live, box]);
  const challenge = state.data;
  const board = leaderboard.data;
  const phase = !challenge ? "loading" : challenge.status === "draft" ? "waiting" : challenge.status;
  const colors = new Map([...live.values()].map((student) => [student.studentId, student.color]));

  const boundaries = [...live.values()].map((student) => ({
    id: student.studentId,
    name: student.nickname,
    color: student.color,
    paths: paths.get(student.studentId) ?? [],
    description: `public log loss ${formatLoss(student.loss)}; ${describeModel(student.w, student.b, student.features)}`,
  }));

  return (
    <div className="ml-projector">
      <header className="ml-projector-header">
        <div className="ml-projector-title">
          <h1>{challenge?.title ?? "Challenge"}</h1>
          {challenge ? <p>{describeDataset(challenge.kind, challenge.knobs)}</p> : null}
        </div>
        {challenge ? (
          <ServerCountdown
            status={challenge.status}
            remainingMs={challenge.remainingMs}
            measuredAt={state.dataUpdatedAt}
          />
        ) : null}
        <div className="ml-projector-actions">
          <Button variant="secondary" aria-pressed={hideNames} onClick={() => setHideNames(!hideNames)}>
            Hide names
          </Button>
          <FullscreenButton />
          <ButtonLink variant="secondary" href={`/teach/${code}/challenge/${challengeId}`}>
            Dashboard
          </ButtonLink>
          <span className="ml-visually-hidden" role="status">
            Live link {link}
          </span>
        </div>
      </header>
      {phase === "ended" ? (
        <main className="ml-projector-main ml-projector-main-podium">
          <Podium
            rows={board?.revealed ? board.rows : null}
            colors={colors}
            bestPossible={
              board?.optimum && challenge
                ? describeBestPossible(board.optimum.privateLoss, challenge.controls)
                : null
            }
          />
        </main>
      ) : (
        <main className="ml-projector-main">
          <section className="ml-projector-chart" aria-label="Everyone's boundary">
            <ScatterBoundaryChart
              title={
                phase === "waiting" ? "The training data" : "Training data with every student's boundary"
              }
              points={points}
              box={box}
              boundaries={boundaries}
              axisLabels={axisLabels}
              maxLegendEntries={0}
              strokeScale={PROJECTOR_STROKE}
            />
          </section>
          <div className="ml-projector-side">
            {phase === "waiting" || phase === "loading" ? (
              <JoinPanel code={code} joinUrl={joinUrl} qrSvg={qrSvg} size="large" />
            ) : (
              <>
                <TopBoard rows={board && !board.revealed ? board.rows : []} live={live} />
                <JoinPanel code={code} joinUrl={joinUrl} qrSvg={qrSvg} size="compact" />
              </>
            )}
          </div>
        </main>
      )}
    </div>
  );
}
