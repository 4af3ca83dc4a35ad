"use client";

import { predictedLabel } from "@margin/core";
import { FunctionChart } from "../function-chart";
import { RangeField } from "../range-field";
import { Stat, Stats } from "../stat";
import { FixedNote, Presets, sample, shown, WidgetLayout, type WidgetProps } from "./widget-kit";

export interface PerExampleLossState {
  yhat: number;
  /** The true label, 1 (dog) or 0 (cat). */
  y: number;
}

/** Loss of one example: −log ŷ when y = 1, −log(1 − ŷ) when y = 0. */
export const exampleLoss = (y: number, yhat: number) => (y === 1 ? -Math.log(yhat) : -Math.log(1 - yhat));

const FOR_DOG = sample((p) => -Math.log(p), 0.005, 0.995, 199);
const FOR_CAT = sample((p) => -Math.log(1 - p), 0.005, 0.995, 199);
const round2 = (value: number) => Math.round(value * 100) / 100;

/** Move the prediction ŷ and feel how log loss punishes confident mistakes. */
export function PerExampleLoss({ state, onChange, hidden }: WidgetProps<PerExampleLossState>) {
  const { yhat, y } = state;
  const loss = exampleLoss(y, yhat);
  const right = predictedLabel(yhat) === y;
  // The lesson's three cases for the current label: perfect, unsure, confidently wrong.
  const cases = y === 1 ? [0.99, 0.5, 0.01] : [0.01, 0.5, 0.99];
  return (
    <WidgetLayout
      visual={
        <FunctionChart
          title="Loss of one example"
          summary={`Two curves over ŷ from 0 to 1: −log ŷ, the loss when the true label is 1, falls from very large to 0; −log(1 − ŷ), the loss when the label is 0, rises from 0 to very large. Marked: y = ${y}, ŷ = ${yhat.toFixed(2)}, loss = ${loss.toFixed(2)}.`}
          xDomain={[0, 1]}
          yDomain={[0, 5]}
          xTicks={[0, 0.25, 0.5, 0.75, 1]}
          yTicks={[0, 1, 2, 3, 4, 5]}
          axisLabels={["prediction ŷ", "loss"]}
          series={[
            {
              id: "dog",
              name: "y = 1: −log ŷ",
              color: "var(--ml-dog)",
              points: FOR_DOG,
              dashed: y !== 1,
            },
            {
              id: "cat",
              name: "y = 0: −log(1 − ŷ)",
              color: "var(--ml-cat)",
              points: FOR_CAT,
              dashed: y !== 0,
            },
          ]}
          references={[{ id: "half", axis: "x", value: 0.5, label: "ŷ = 0.5" }]}
          markers={[
            {
              id: "here",
              name: `loss ${loss.toFixed(2)}`,
              color: right ? "var(--ml-success)" : "var(--ml-danger)",
              points: [{ x: yhat, y: Math.min(loss, 5) }],
            },
          ]}
          onScrub={
            shown(hidden, "yhat")
              ? (x) => onChange({ yhat: Math.min(0.99, Math.max(0.01, round2(x))) })
              : undefined
          }
        />
      }
      controls={
        <div className="ml-stack">
          {shown(hidden, "y") ? (
            <Presets
              label="True label"
              value={y}
              onPick={(value) => onChange({ y: value })}
              options={[
                { value: 1, label: "y = 1 (dog)" },
                { value: 0, label: "y = 0 (cat)" },
              ]}
            />
          ) : null}
          {shown(hidden, "yhat") ? (
            <>
              <RangeField
                label="Predicted ŷ"
                min={0.01}
                max={0.99}
                step={0.01}
                value={yhat}
                onChange={(value) => onChange({ yhat: round2(value) })}
                format={(value) => value.toFixed(2)}
              />
              <Presets
                label="The lesson's cases"
                value={yhat}
                onPick={(value) => onChange({ yhat: value })}
                options={cases.map((value) => ({ value, label: `ŷ = ${value}` }))}
              />
            </>
          ) : null}
          <FixedNote
            items={[
              ...(shown(hidden, "y") ? [] : [{ label: "y", value: String(y) }]),
              ...(shown(hidden, "yhat") ? [] : [{ label: "ŷ", value: yhat.toFixed(2) }]),
            ]}
          />
          <Stats>
            <Stat label="Formula" value={y === 1 ? "−log ŷ" : "−log(1 − ŷ)"} />
            <Stat label="Loss" value={loss.toFixed(2)} />
          </Stats>
          <table className="ml-table" aria-label={`Loss for y = ${y} at three predictions`}>
            <thead>
              <tr>
                <th scope="col">ŷ</th>
                <th scope="col">Loss</th>
                <th scope="col">Meaning</th>
              </tr>
            </thead>
            <tbody>
              {[
                { p: y === 1 ? 1 : 0, meaning: "perfect" },
                { p: 0.5, meaning: "unsure" },
                { p: y === 1 ? 0.01 : 0.99, meaning: "confident and wrong" },
              ].map((row) => (
                <tr key={row.meaning}>
                  <td>{row.p}</td>
                  <td>{Math.abs(exampleLoss(y, row.p)).toFixed(2)}</td>
                  <td>{row.meaning}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      }
    />
  );
}
