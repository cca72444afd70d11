// Imported first by scripts/start.mjs, so an old Node gets a clear message instead of a crash.
const [major = 0, minor = 0] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(
    `Greenroom needs Node.js 20.19 or newer; this is ${process.version}.\n` +
      "Install a current Node.js from https://nodejs.org (or `nvm install 22` / `fnm install 22`), then run `pnpm start` again.",
  );
  process.exit(1);
}
