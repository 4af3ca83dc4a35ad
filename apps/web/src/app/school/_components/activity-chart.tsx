import type { ActivityDay } from "@margin/db";

const WIDTH = 560;
const HEIGHT = 160;
const PAD = 24;

/** Quiz answers per day as bars; the table beside it is the text alternative. */
export function ActivityChart({ days }: { days: ActivityDay[] }) {
  const max = Math.max(1, ...days.map((d) => d.answers));
  const slot = (WIDTH - PAD) / Math.max(1, days.length);
  return (
    <figure style={{ margin: 0 }}>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT + PAD}`}
        role="img"
        aria-label={`Quiz answers per day over the last ${days.length} days, at most ${max} a day`}
        style={{ width: "100%", height: "auto" }}
      >
        <line x1={PAD} x2={WIDTH} y1={HEIGHT} y2={HEIGHT} stroke="var(--ml-border)" />
        <text x={PAD - 6} y={12} textAnchor="end" fontSize="11" fill="var(--ml-text-muted)">
          {max}
        </text>
        <text x={PAD - 6} y={HEIGHT} textAnchor="end" fontSize="11" fill="var(--ml-text-muted)">
          0
        </text>
        {days.map((day, i) => {
          const h = ((HEIGHT - 8) * day.answers) / max;
          const x = PAD + i * slot + slot * 0.15;
          return (
            <g key={day.day}>
              <rect x={x} y={HEIGHT - h} width={slot * 0.7} height={h} rx={2} fill="var(--ml-primary)">
                <title>{`${day.day}: ${day.answers} answers by ${day.activeStudents} students`}</title>
              </rect>
              {(days.length - 1 - i) % 2 === 0 ? (
                <text
                  x={x + slot * 0.35}
                  y={HEIGHT + 16}
                  textAnchor="middle"
                  fontSize="10"
                  fill="var(--ml-text-muted)"
                >
                  {day.day.slice(5)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption className="ml-field-hint">Quiz answers per day (UTC), all classes.</figcaption>
    </figure>
  );
}
