import "server-only";
import { headers } from "next/headers";
import { createContext } from "./init";
import { createCaller } from "./root";

/** The tRPC API for a server component, as the browser making this request (its session included). */
export async function serverCaller() {
  const requestHeaders = new Headers(await headers());
  return createCaller(() => createContext({ headers: requestHeaders }));
}
