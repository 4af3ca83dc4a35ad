const when = (at: Date) => at.toLocaleString(undefined, { dateStyle: "short", timeStyle: "short" });

/** Events newest first, each with its time above it (the audit on the school page and the roster). */
export function ActivityList({
  label,
  items,
}: {
  label: string;
  items: { id: string; at: Date; text: string }[];
}) {
  return (
    <ul className="ml-stack" aria-label={label} style={{ listStyle: "none", margin: 0, padding: 0, gap: 8 }}>
      {items.map((item) => (
        <li key={item.id}>
          <time className="ml-field-hint" style={{ display: "block" }} dateTime={item.at.toISOString()}>
            {when(item.at)}
          </time>
          {item.text}
        </li>
      ))}
    </ul>
  );
}
