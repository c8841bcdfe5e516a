// Preloaded with `node --import` (see module-log.ts): appends to the file named by
// KYOCHO_MODULE_LOG every module the process loads — each ES module as the loader
// resolves it (the hook runs on the loader's thread, so it writes the file itself),
// and at exit every CommonJS module in require.cache. One file URL or path a line.
import { appendFileSync } from "node:fs";
import { createRequire, register } from "node:module";

const log = process.env.KYOCHO_MODULE_LOG;
if (log) {
  const hooks = `
    import { appendFileSync } from "node:fs";
    let log;
    export function initialize(data) { log = data.log; }
    export async function resolve(specifier, context, next) {
      const resolved = await next(specifier, context);
      appendFileSync(log, resolved.url + "\\n");
      return resolved;
    }`;
  register(`data:text/javascript,${encodeURIComponent(hooks)}`, { parentURL: import.meta.url, data: { log } });
  const require = createRequire(import.meta.url);
  process.on("exit", () =>
    appendFileSync(
      log,
      Object.keys(require.cache)
        .map((path) => `${path}\n`)
        .join(""),
    ),
  );
}
