import "@margin/ui/styles.css";
import type { Metadata, Viewport } from "next";
import localFont from "next/font/local";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { TRPCReactProvider } from "~/trpc/react";

// Fonts come from an npm package, not a font CDN: builds and classrooms may be offline.
const inter = localFont({
  src: [
    { path: "../../node_modules/@fontsource/inter/files/inter-latin-400-normal.woff2", weight: "400" },
    { path: "../../node_modules/@fontsource/inter/files/inter-latin-600-normal.woff2", weight: "600" },
    { path: "../../node_modules/@fontsource/inter/files/inter-latin-700-normal.woff2", weight: "700" },
    { path: "../../node_modules/@fontsource/inter/files/inter-latin-800-normal.woff2", weight: "800" },
  ],
  variable: "--ml-font-inter",
  display: "swap",
});

export const metadata: Metadata = {
  title: { default: "Margin Lab", template: "%s · Margin Lab" },
  description: "Cats or Dogs? Learn logistic regression by training your own model, live with your class.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: its scripts carry the nonce of that request's CSP (src/proxy.ts).
  await connection();
  return (
    <html lang="en" className={inter.variable}>
      <body>
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </body>
    </html>
  );
}
