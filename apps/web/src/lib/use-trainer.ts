"use client";

import { createTrainerClient } from "@margin/core/trainer";
import { useCallback, useEffect, useRef } from "react";

type TrainerClient = ReturnType<typeof createTrainerClient>;

/** Starts the training worker on first use and terminates it when the component goes away. */
export function useTrainer(): () => TrainerClient {
  const client = useRef<TrainerClient | null>(null);

  useEffect(
    () => () => {
      client.current?.terminate();
      client.current = null;
    },
    [],
  );

  return useCallback(() => {
    client.current ??= createTrainerClient(
      new Worker(new URL("../workers/trainer.worker.ts", import.meta.url), {
        type: "module",
        name: "trainer",
      }),
    );
    return client.current;
  }, []);
}
