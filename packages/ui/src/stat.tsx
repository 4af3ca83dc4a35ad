export interface StatProps {
  label: string;
  value: string;
}

export function Stat({ label, value }: StatProps) {
  return (
    <div className="ml-stat">
      <span className="ml-stat-label">{label}</span>
      <span className="ml-stat-value">{value}</span>
    </div>
  );
}

export function Stats({ children }: { children: React.ReactNode }) {
  return <div className="ml-stats">{children}</div>;
}
