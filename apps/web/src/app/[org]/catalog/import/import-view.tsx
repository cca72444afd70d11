"use client";

import { useState } from "react";

import { PasteUploadForm } from "./paste-upload-form";
import { RegisterUrlForm } from "./register-url-form";

const TABS = [
  { id: "paste", label: "Paste or upload" },
  { id: "url", label: "Register a URL" },
] as const;

export function ImportView({ orgSlug }: { orgSlug: string }) {
  const [tab, setTab] = useState<(typeof TABS)[number]["id"]>("paste");
  return (
    <div className="max-w-5xl space-y-5">
      <div role="tablist" aria-label="Import" className="flex gap-1 border-b border-slate-200">
        {TABS.map((item) => (
          <button
            key={item.id}
            type="button"
            role="tab"
            aria-selected={tab === item.id}
            onClick={() => setTab(item.id)}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${tab === item.id ? "border-emerald-600 text-emerald-800" : "border-transparent text-slate-600 hover:text-slate-900"}`}
          >
            {item.label}
          </button>
        ))}
      </div>
      {tab === "paste" ? <PasteUploadForm orgSlug={orgSlug} /> : <RegisterUrlForm orgSlug={orgSlug} />}
    </div>
  );
}
