import { existsSync } from "node:fs";
import { extname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { UserInputError } from "@kyocho/core";
import { defineCouncil, type CouncilDefinition } from "@kyocho/council";

const TYPESCRIPT = new Set([".ts", ".mts", ".cts"]);

/**
 * Loads `--council MODULE`: a JavaScript module, or a TypeScript one when
 * `tsx` is installed, whose default export (or `council` export) is a
 * {@link CouncilDefinition}. Everything wrong with it — a missing file, no
 * such export, no experts — is exit 2 naming the module; an error the
 * module throws while loading is reported with its first line.
 *
 * @example
 * const definition = await loadCouncilModule("examples/councils/real-estate.ts");
 */
export async function loadCouncilModule(path: string): Promise<CouncilDefinition> {
  const source = `--council ${path}`;
  const file = resolve(path);
  if (!existsSync(file)) throw new UserInputError("file not found", { source });
  let loaded: Record<string, unknown>;
  try {
    loaded = TYPESCRIPT.has(extname(file)) ? await importTypeScript(file, source) : ((await import(pathToFileURL(file).href)) as Record<string, unknown>);
  } catch (error) {
    if (error instanceof UserInputError) throw error;
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new UserInputError(`the module failed to load: ${message}`, { source });
  }
  const exported = (loaded.default ?? loaded.council) as CouncilDefinition | undefined;
  if (!exported || typeof exported !== "object") {
    throw new UserInputError("exports no council: export default defineCouncil({ experts, policy }) (or export const council)", { source });
  }
  try {
    return defineCouncil(exported);
  } catch (error) {
    // The definition's own message names the field (experts[4].name); the source says which module.
    throw new UserInputError((error as Error).message.replace(/^council definition: /, ""), { source });
  }
}

/** TypeScript through tsx's loader, when the project has it; otherwise a clear way out. */
async function importTypeScript(file: string, source: string): Promise<Record<string, unknown>> {
  let api: { tsImport: (specifier: string, parent: string) => Promise<Record<string, unknown>> };
  try {
    api = await import("tsx/esm/api");
  } catch {
    throw new UserInputError("a TypeScript council needs tsx (npm install --save-dev tsx), or compile it to JavaScript first", { source });
  }
  return api.tsImport(pathToFileURL(file).href, import.meta.url);
}
