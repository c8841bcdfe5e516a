import { z } from "zod";

/**
 * Text a policy or a finding carries in English and Japanese. A plain string
 * is English only (a bank's own policy may not translate every rule); a
 * Japanese report then falls back to it.
 */
export const LocalizedTextSchema = z.union([z.string().min(1), z.strictObject({ en: z.string().min(1), ja: z.string().min(1) })]);
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/**
 * The English form of a text.
 *
 * @example
 * english({ en: "Leverage", ja: "レバレッジ" }) // "Leverage"
 */
export function english(text: LocalizedText): string {
  return typeof text === "string" ? text : text.en;
}

/**
 * The Japanese form of a text, or undefined when it has none.
 *
 * @example
 * japanese({ en: "Leverage", ja: "レバレッジ" }) // "レバレッジ"
 * japanese("Leverage") // undefined
 */
export function japanese(text: LocalizedText | undefined): string | undefined {
  return text === undefined || typeof text === "string" ? undefined : text.ja;
}
