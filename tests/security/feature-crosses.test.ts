import type { Ack, BoundaryScore } from "@margin/core/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { challengeStudent, ok, teacherWithClass } from "./support/accounts";
import { HttpBrowser } from "./support/http-client";
import { type RunningApp, startRunningApp } from "./support/running-app";

// Attacks on feature crosses and the projector view, against the running platform.
let app: RunningApp;
beforeAll(async () => {
  app = await startRunningApp();
});
afterAll(() => app?.stop());

/** A teacher with a class and a live challenge on the ring, with or without feature crosses. */
async function liveChallenge(controls: string[]) {
  const teacher = new HttpBrowser(app.webUrl);
  const { code } = await teacherWithClass(teacher);
  const challenge = ok(
    await teacher.mutate<{ id: string }>("challenge.create", {
      code,
      title: "Ring",
      kind: "circles",
      noise: 0.1,
      seed: 5,
      trainSize: 100,
      testSize: 100,
      durationMinutes: 10,
      controls,
    }),
  );
  ok(await teacher.mutate("challenge.transition", { challengeId: challenge.id, to: "live" }));
  return { teacher, code, challengeId: challenge.id };
}

const circle = { w: [-10, -10], b: 5.625, features: ["x1^2", "x2^2"] };

describe("feature crosses the teacher didn't allow", () => {
  it("are refused on the socket and in picks, one at a time or batched, and nothing is stored", async () => {
    const { challengeId, code } = await liveChallenge(["learningRate"]);
    const { browser, socket } = await challengeStudent(app.webUrl, code, challengeId, "Mallory");
    try {
      const send = (payload: unknown) =>
        socket.emitWithAck("boundary:update", payload as never) as Promise<Ack<BoundaryScore>>;
      expect(await send({ ...circle, iteration: 1 })).toMatchObject({
        ok: false,
        error: { code: "FEATURE_NOT_ALLOWED" },
      });
      // Smuggling: a cross under x1's name needs a weight count the schema refuses; made-up names too.
      for (const forged of [
        { w: [1, 1, 1], b: 0, features: ["x1", "x1", "x2"], iteration: 2 },
        { w: [1, 1], b: 0, features: ["x1", "x1*x1"], iteration: 3 },
        { w: [1, 1, 1], b: 0, iteration: 4 },
        {
          w: [1, 1],
          b: 0,
          features: ["x1", "x2"],
          standardisation: { mean: [0, 0, 0], std: [1, 1, 1] },
          iteration: 5,
        },
      ]) {
        expect(await send(forged)).toMatchObject({ ok: false, error: { code: "INVALID_PAYLOAD" } });
      }
      // The honest straight model still scores: the socket was refused, not dropped.
      expect(await send({ w: [1, 1], b: 0, features: ["x1", "x2"], iteration: 6 })).toMatchObject({
        ok: true,
      });

      const picks = await browser.batch(
        "mutation",
        Array.from({ length: 5 }, () => ["challenge.pick", { challengeId, ...circle }] as [string, unknown]),
      );
      for (const pick of picks) {
        expect(pick).toMatchObject({
          ok: false,
          error: { code: "BAD_REQUEST", message: "x₁², x₂² aren't allowed in this challenge: use x₁, x₂" },
        });
      }
      expect(await browser.query("challenge.myPicks", { challengeId })).toEqual({ ok: true, data: [] });
    } finally {
      socket.close();
    }
  });

  it("are scored when allowed, and a pick can't carry weights that don't fit its features", async () => {
    const { challengeId, code } = await liveChallenge(["learningRate", "featureCrosses"]);
    const { browser, socket } = await challengeStudent(app.webUrl, code, challengeId, "Mei");
    try {
      const ack = (await socket.emitWithAck("boundary:update", {
        ...circle,
        iteration: 1,
      } as never)) as Ack<BoundaryScore>;
      expect(ack.ok && ack.data.accuracy).toBeGreaterThanOrEqual(0.95);
      const misfit = await browser.mutate("challenge.pick", {
        challengeId,
        w: [-10, -10, 3],
        b: 5.625,
        features: circle.features,
      });
      expect(misfit).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
      const picked = ok(
        await browser.mutate<{ features: string[]; publicLoss: number }>("challenge.pick", {
          challengeId,
          ...circle,
        }),
      );
      expect(picked.features).toEqual(circle.features);
      expect(picked.publicLoss).toBeLessThan(0.3);
    } finally {
      socket.close();
    }
  });
});

describe("the projector view", () => {
  it("opens only for the class's own teacher: others get a 404, students and strangers a sign-in", async () => {
    const { teacher, code, challengeId } = await liveChallenge(["learningRate"]);
    const path = `/teach/${code}/challenge/${challengeId}/projector`;
    expect((await teacher.fetch(path)).status).toBe(200);

    const other = await liveChallenge(["learningRate"]);
    expect((await other.teacher.fetch(path)).status).toBe(404);
    // Their own class's code with our challenge's id looks like a missing challenge too.
    expect(
      (await other.teacher.fetch(`/teach/${other.code}/challenge/${challengeId}/projector`)).status,
    ).toBe(404);

    const pupil = new HttpBrowser(app.webUrl);
    ok(await pupil.mutate("student.join", { code, nickname: "Peeking" }));
    for (const visitor of [pupil, new HttpBrowser(app.webUrl)]) {
      const response = await visitor.fetch(path);
      expect(response.status).toBe(307);
      expect(response.headers.get("location")).toMatch(/\/signin\?next=/);
      expect(await response.text()).not.toContain("QR code");
    }
  });
});
