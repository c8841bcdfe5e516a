/**
 * A light English stemmer for routing: it strips inflections only (plural
 * `-s`/`-es`/`-ies`, `-ed`, `-ing`) and drops a final `e`, so "hedge",
 * "hedges", "hedged" and "hedging" meet at "hedg", and "counterparties" at
 * "counterparty". Derivational endings are kept on purpose: "appreciate"
 * (as in "we'd appreciate a view") must not meet the FX word
 * "appreciation". Words of three letters or fewer ("fx", "usd", "ltv") are
 * returned as they are.
 *
 * @example
 * lightStem("hedging") // "hedg"
 * lightStem("sanctioned") // "sanction"
 * lightStem("securities") // "security"
 */
export function lightStem(word: string): string {
  let w = word.toLowerCase();
  if (w.length <= 3) return w;
  if (w.endsWith("ies") && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/(?:ss|us|is)$/.test(w)) {
    // "gross", "status", "basis": not plurals.
  } else if (/(?:ches|shes|xes|zes|sses)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith("s")) w = w.slice(0, -1);
  else if (w.endsWith("ing") && w.length > 5 && /[aeiouy]/.test(w.slice(0, -3))) w = undouble(w.slice(0, -3));
  else if (w.endsWith("ed") && w.length > 4 && /[aeiouy]/.test(w.slice(0, -2))) w = undouble(w.slice(0, -2));
  if (w.length > 3 && w.endsWith("e") && !w.endsWith("ee")) w = w.slice(0, -1);
  return w;
}

/** "stopped" → "stopp" → "stop"; l, s and z stay doubled ("called", "passed"). */
function undouble(w: string): string {
  return /([^aeiouylsz])\1$/.test(w) ? w.slice(0, -1) : w;
}
