import "./globals.css";

import type { Metadata } from "next";
import type { ReactNode } from "react";

import { TRPCReactProvider } from "~/trpc/react";

export const metadata: Metadata = {
  title: { default: "Greenroom", template: "%s · Greenroom" },
  description: "The developer portal that keeps itself up to date.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </body>
    </html>
  );
}
