import { type FeatureName, LINEAR_FEATURES } from "@margin/core";
import { FeatureListSchema } from "@margin/core/protocol";
import { z } from "zod";
import type { Db } from "./client";
import { DbError } from "./errors";

/** Parses `input` with `schema`, turning a zod failure into DbError("INVALID"). */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const details = result.error.issues
    .map((issue) => `${issue.path.join(".") || "input"}: ${issue.message}`)
    .join("; ");
  throw new DbError("INVALID", `Invalid input: ${details}`, { cause: result.error });
}

/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export const IdSchema = z.string().min(1).max(64);
export const NameSchema = z.string().trim().min(1).max(100);
export const NicknameSchema = z.string().trim().min(1).max(32);
export const EmailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email());
/** A hash computed by the caller (the web app owns hashing); only its size is checked here. */
export const SecretHashSchema = z.string().min(1).max(512);
/** z.number() rejects NaN and ±Infinity (zod 4). */
export const FiniteSchema = z.number();
export const WeightsSchema = z.array(FiniteSchema).min(1).max(64);

/** Weights as stored (JSON): read back without bounds, the writer checked them. */
export const JsonWeights = z.array(z.number());

/** The features a stored model's weights belong to (core's names, canonical order); absent: x1, x2. */
export const ModelFeaturesSchema = FeatureListSchema.default([...LINEAR_FEATURES]);

/** A stored feature list; rows written before feature crosses existed hold null, i.e. x1, x2. */
export function storedFeatures(json: unknown): FeatureName[] {
  return json === null || json === undefined ? [...LINEAR_FEATURES] : FeatureListSchema.parse(json);
}
