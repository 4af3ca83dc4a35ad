/**
 * tRPC over plain HTTP, the way a script (not our React client) would speak it: any batch size, any
 * headers, a cookie jar per "browser". Inputs and outputs use the superjson envelope ({ json }) that the
 * server's transformer expects; plain JSON values need no metadata.
 */

export interface TrpcError {
  code: string;
  httpStatus: number;
  message: string;
}

export type TrpcResult<T = unknown> = { ok: true; data: T } | { ok: false; error: TrpcError };

export interface CallOptions {
  /** Extra or overriding request headers (X-Forwarded-For, Origin, Sec-Fetch-Site, …). */
  headers?: Record<string, string>;
}

interface WireResult {
  result?: { data?: { json?: unknown } };
  error?: { json?: { message?: string; code?: number; data?: { code?: string; httpStatus?: number } } };
}

function toResult(item: WireResult | undefined, status: number): TrpcResult {
  if (item?.error) {
    const { json } = item.error;
    return {
      ok: false,
      error: {
        code: json?.data?.code ?? "UNKNOWN",
        httpStatus: json?.data?.httpStatus ?? status,
        message: json?.message ?? "",
      },
    };
  }
  return { ok: true, data: item?.result?.data?.json };
}

/** One browser: keeps the cookies the server sets, sends them back, and sends a same-origin Origin. */
export class HttpBrowser {
  readonly cookies = new Map<string, string>();

  /** `headers` go with every request (e.g. an X-Forwarded-For saying which address this browser is on). */
  constructor(
    readonly baseUrl: string,
    readonly headers: Record<string, string> = {},
  ) {}

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  /** Fetch with this browser's cookies and a same-origin Origin header; stores Set-Cookie. */
  async fetch(
    path: string,
    init: Omit<RequestInit, "headers"> & { headers?: Record<string, string> } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = {
      origin: this.baseUrl,
      "sec-fetch-site": "same-origin",
      ...(this.cookies.size > 0 ? { cookie: this.cookieHeader() } : {}),
      ...this.headers,
      ...init.headers,
    };
    const response = await fetch(new URL(path, this.baseUrl), { ...init, headers, redirect: "manual" });
    for (const header of response.headers.getSetCookie()) {
      const [pair = ""] = header.split(";");
      const [name = "", ...rest] = pair.split("=");
      const value = rest.join("=");
      if (/max-age=0/i.test(header) || value === "") this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    return response;
  }

  /** One mutation. */
  async mutate<T = unknown>(path: string, input: unknown, options: CallOptions = {}): Promise<TrpcResult<T>> {
    const [result] = await this.batch("mutation", [[path, input]], options);
    return result as TrpcResult<T>;
  }

  /** One query. */
  async query<T = unknown>(path: string, input?: unknown, options: CallOptions = {}): Promise<TrpcResult<T>> {
    const [result] = await this.batch("query", [[path, input]], options);
    return result as TrpcResult<T>;
  }

  /**
   * Many calls in ONE HTTP request (`?batch=1`), as the attack in issue 12 row 1 does. Returns one result
   * per call; when the server refuses the request as a whole, every call gets that error.
   */
  async batch(
    type: "query" | "mutation",
    calls: [path: string, input: unknown][],
    options: CallOptions = {},
  ): Promise<TrpcResult[]> {
    const paths = calls.map(([path]) => path).join(",");
    const inputs = Object.fromEntries(calls.map(([, input], index) => [index, { json: input ?? null }]));
    const url =
      type === "query"
        ? `/api/trpc/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(inputs))}`
        : `/api/trpc/${paths}?batch=1`;
    const response = await this.fetch(url, {
      method: type === "query" ? "GET" : "POST",
      headers: { "content-type": "application/json", ...options.headers },
      body: type === "mutation" ? JSON.stringify(inputs) : undefined,
    });
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      const error = { code: "NOT_JSON", httpStatus: response.status, message: text.slice(0, 200) };
      return calls.map(() => ({ ok: false, error }));
    }
    if (Array.isArray(body)) return calls.map((_, index) => toResult(body[index], response.status));
    // A refusal of the whole request (one error object, not one per call).
    return calls.map(() => toResult(body as WireResult, response.status));
  }
}
