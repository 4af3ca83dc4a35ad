import { useId } from "react";

export interface RangeFieldProps {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  onChange: (value: number) => void;
  format?: (value: number) => string;
  disabled?: boolean;
}

/** A slider with its current value shown and announced. */
export function RangeField({
  label,
  value,
  min,
  max,
  step,
  onChange,
  format = String,
  disabled,
}: RangeFieldProps) {
  const id = useId();
  return (
    <div className="ml-field">
      <div className="ml-row" style={{ justifyContent: "space-between" }}>
        <label htmlFor={id}>{label}</label>
        <output htmlFor={id} className="ml-badge ml-badge-muted">
          {format(value)}
        </output>
      </div>
      <input
        id={id}
        className="ml-range"
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        disabled={disabled}
        aria-valuetext={format(value)}
        onChange={(event) => onChange(Number(event.target.value))}
      />
    </div>
  );
}
