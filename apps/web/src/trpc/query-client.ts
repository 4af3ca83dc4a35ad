import { QueryClient } from "@tanstack/react-query";

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Errors with a 4xx meaning (bad code, not found) won't fix themselves on retry.
      queries: { staleTime: 5_000, retry: 1 },
    },
  });
}
