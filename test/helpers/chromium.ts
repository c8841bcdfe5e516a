import { existsSync } from "node:fs";

/** Debian's Chromium, which the browser tests drive through playwright-core (no browser download). */
export const CHROMIUM = "/usr/bin/chromium";

/**
 * The flags every browser test starts Chromium with: headless, as root (`--no-sandbox`), and without the background
 * connections (updates, sync, QUIC) that a closed network refuses many at a time.
 */
export const CHROMIUM_ARGS: string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Whether Chromium is here. Under CI a missing Chromium is an error, never a skipped test counted as a pass;
 * on a developer's machine without it the browser tests skip.
 */
export function chromiumAvailable(): boolean {
  const available = existsSync(CHROMIUM);
  if (!available && process.env.CI) throw new Error(`${CHROMIUM} is missing: CI must install Debian's chromium package`);
  return available;
}
