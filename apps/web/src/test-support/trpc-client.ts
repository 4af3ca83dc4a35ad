import { createContext } from "~/server/trpc/init";
import { createCaller } from "~/server/trpc/root";

type Caller = ReturnType<typeof createCaller>;

/**
 * A tRPC caller that behaves like one browser: it keeps the session cookie the server sets and sends it
 * back, so tests go through the real cookie signing, parsing and role checks.
 */
export class TestBrowser {
  cookie: string | null = null;
  lastSetCookie: string[] = [];

  /** Headers sent with every call besides the cookie (a User-Agent, our server's protocol header…). */
  constructor(readonly headers: Record<string, string> = {}) {}

  async call<T>(run: (caller: Caller) => Promise<T>): Promise<T> {
    const resHeaders = new Headers();
    const headers = new Headers({ ...this.headers, ...(this.cookie ? { cookie: this.cookie } : {}) });
    const caller = createCaller(() => createContext({ headers, resHeaders }));
    try {
      return await run(caller);
    } finally {
      this.lastSetCookie = resHeaders.getSetCookie();
      for (const header of this.lastSetCookie) {
        const [pair = ""] = header.split(";");
        this.cookie = /Max-Age=0/.test(header) ? null : pair;
      }
    }
  }
}
