import { CLIENT_ADDRESS_HEADER } from "~/server/client-headers";
import { createContext } from "~/server/trpc/init";
import { createCaller } from "~/server/trpc/root";

type Caller = ReturnType<typeof createCaller>;

let devices = 0;
const nextDeviceAddress = () => {
  devices += 1;
  return `2001:db8:${devices.toString(16)}::1`;
};

/**
 * A tRPC caller that behaves like one browser: it keeps the session cookie the server sets and sends it
 * back, so tests go through the real sessions, cookies and role checks.
 */
export class TestBrowser {
  cookie: string | null = null;
  lastSetCookie: string[] = [];

  /**
   * Each browser is its own device on its own network (a /64 of the documentation range), as the custom
   * server would report it; pass one to put several browsers behind one address. `headers` go with every
   * call besides the cookie (a User-Agent, the server's protocol header…).
   */
  constructor(
    readonly address = nextDeviceAddress(),
    readonly headers: Record<string, string> = {},
  ) {}

  async call<T>(run: (caller: Caller) => Promise<T>): Promise<T> {
    const resHeaders = new Headers();
    const headers = new Headers({
      ...this.headers,
      [CLIENT_ADDRESS_HEADER]: this.address,
      ...(this.cookie ? { cookie: this.cookie } : {}),
    });
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
