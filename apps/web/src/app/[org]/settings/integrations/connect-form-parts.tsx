"use client";

import { Alert, Button } from "@greenroom/ui";

import { formError } from "~/components/form-errors";

type Verdict = { ok: true; summary: string } | { ok: false; problem: string };

/** The two buttons every connect form ends with. */
export function ConnectActions({ testing, connecting, onTest, className = "flex gap-2 sm:col-span-2" }: { testing: boolean; connecting: boolean; onTest: () => void; className?: string }) {
  return (
    <div className={className}>
      <Button type="button" variant="secondary" loading={testing} onClick={onTest}>
        Test connection
      </Button>
      <Button type="submit" loading={connecting}>
        Connect and sync
      </Button>
    </div>
  );
}

/** Below a connect form: the test's verdict in words, and any error not shown beside a field. */
export function ConnectFeedback({ verdict, testError, connectError, fields }: { verdict: Verdict | undefined; testError: { message: string } | null; connectError: unknown; fields: string[] }) {
  const problem = formError(connectError, fields);
  return (
    <div className="space-y-3 px-5 pb-5 empty:hidden">
      {verdict ? (
        <div data-testid="connection-verdict">
          {verdict.ok ? <Alert tone="emerald" title="Connection works">{verdict.summary}</Alert> : <Alert title="Connection failed">{verdict.problem}</Alert>}
        </div>
      ) : null}
      {testError ? <Alert>{testError.message}</Alert> : null}
      {problem ? <Alert>{problem}</Alert> : null}
    </div>
  );
}
