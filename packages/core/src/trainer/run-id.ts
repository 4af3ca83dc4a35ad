let counter = 0;

/**
 * A run id unique within this page, for cancelling one training run. Not crypto.randomUUID: it needs a
 * secure context, and classroom phones often reach the app over plain http on the school network.
 */
export function newRunId(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}
