/**
 * The side of a position in words: long a currency (more coming in than
 * going out; 買持ち) or short it (売持ち).
 *
 * @example
 * side(100) // { en: "long", ja: "買持ち" }
 */
export function side(value: number): { en: string; ja: string } {
  return value >= 0 ? { en: "long", ja: "買持ち" } : { en: "short", ja: "売持ち" };
}
