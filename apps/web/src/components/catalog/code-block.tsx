"use client";

import { Highlight, themes } from "prism-react-renderer";

/** Highlighted source (YAML, JSON, GraphQL SDL …) with line numbers; rendered locally, nothing fetched. */
export function CodeBlock({ code, language, maxHeight = "70vh", testId }: { code: string; language: string; maxHeight?: string; testId?: string }) {
  return (
    <Highlight code={code.replace(/\n$/, "")} language={language} theme={themes.github}>
      {({ className, style, tokens, getLineProps, getTokenProps }) => (
        <pre className={`${className} overflow-auto rounded-md p-4 text-[13px] leading-5 ring-1 ring-slate-200`} style={{ ...style, maxHeight }} data-testid={testId}>
          {tokens.map((line, lineIndex) => (
            <div key={lineIndex} {...getLineProps({ line })}>
              <span className="mr-4 inline-block w-8 select-none text-right text-slate-400">{lineIndex + 1}</span>
              {line.map((token, tokenIndex) => (
                <span key={tokenIndex} {...getTokenProps({ token })} />
              ))}
            </div>
          ))}
        </pre>
      )}
    </Highlight>
  );
}
