// Console output for `pnpm start`: our own lines are prefixed [start], children's [web] etc.

const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
const paint = (code) => (text) =>
  color ? `\x1b[${code}m${text}\x1b[0m` : String(text);

export const c = {
  bold: paint("1"),
  dim: paint("2"),
  red: paint("31"),
  green: paint("32"),
  yellow: paint("33"),
  blue: paint("34"),
  magenta: paint("35"),
  cyan: paint("36"),
};

export const useColor = color;

const tag = c.dim("[start]");

// Progress dots leave the cursor mid-line; whatever is printed next starts on a fresh line.
let midLine = false;

/** Writes whole line(s) to stdout or stderr. */
export function writeLine(text, stream = process.stdout) {
  if (midLine) {
    process.stdout.write("\n");
    midLine = false;
  }
  stream.write(`${text}\n`);
}

/** Finishes a line of progress dots, if one is open. */
export function endLine() {
  if (midLine) {
    process.stdout.write("\n");
    midLine = false;
  }
}

/** Writes without a newline (progress dots). */
export function writePartial(text) {
  process.stdout.write(text);
  midLine = true;
}

/** Each line of `text` prefixed with `[start]`. */
const prefixed = (text) =>
  String(text)
    .split("\n")
    .map((line) => `${tag} ${line}`)
    .join("\n");

export const log = {
  info: (message) => writeLine(prefixed(message)),
  detail: (message) => writeLine(prefixed(c.dim(message))),
  step: (message) => writeLine(prefixed(c.bold(message))),
  ok: (message) => writeLine(prefixed(`${c.green("✓")} ${message}`)),
  warn: (message) =>
    writeLine(prefixed(`${c.yellow("!")} ${message}`), process.stderr),
  error: (message) =>
    writeLine(prefixed(`${c.red("✗")} ${message}`), process.stderr),
};

/** An error whose message is meant for the user as-is (no stack trace). */
export class UserError extends Error {
  constructor(message) {
    super(message);
    this.name = "UserError";
  }
}
