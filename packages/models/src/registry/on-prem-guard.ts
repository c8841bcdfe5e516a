import { isIP } from "node:net";
import { UserInputError } from "@kyocho/core";

/** Where a host is, as far as its address alone tells. */
export type HostKind = "loopback" | "private" | "link-local" | "allowed" | "external";

export interface OnPremGuardOptions {
  /** Host names, `*.domain` wildcards, IP addresses or CIDR ranges that count as inside the bank. */
  allowedHosts?: readonly string[];
  /** Accept any endpoint (customer data may then leave the network). */
  allowExternal?: boolean;
}

/**
 * Classifies the host of `url` without resolving anything over the network:
 * loopback (`localhost`, 127.0.0.0/8, ::1), private ranges (10/8, 172.16/12,
 * 192.168/16, 100.64/10, IPv6 ULA fc00::/7), link-local (169.254/16,
 * fe80::/10), a host listed in `allowedHosts`, or external. A host *name* is
 * external unless listed: its address is decided by DNS at request time, which
 * a start-up check cannot vouch for.
 *
 * @example
 * classifyEndpoint("http://10.20.1.5:8000/v1") // "private"
 * classifyEndpoint("https://api.openai.com/v1") // "external"
 * classifyEndpoint("http://vllm.bank.internal/v1", ["*.bank.internal"]) // "allowed"
 */
export function classifyEndpoint(url: string, allowedHosts: readonly string[] = []): HostKind {
  const host = hostOf(url);
  const ipKind = classifyAddress(host);
  if (ipKind === "loopback" || ipKind === "private" || ipKind === "link-local") return ipKind;
  if (host === "localhost") return "loopback";
  return allowedHosts.some((entry) => hostMatches(host, entry)) ? "allowed" : "external";
}

/**
 * Refuses an endpoint outside the bank's network, naming where it was
 * configured and how to accept it. Call it at start, for every endpoint.
 *
 * @example
 * assertOnPremises("https://api.openai.com/v1", { allowedHosts: [] }, { path: "models.default.baseURL", source: "config file kyocho.yaml" });
 * // throws: config file kyocho.yaml: models.default.baseURL: https://api.openai.com/v1 is outside the bank's network …
 */
export function assertOnPremises(url: string, guard: OnPremGuardOptions, where: { path: string; source: string }): HostKind {
  const kind = classifyEndpoint(url, guard.allowedHosts);
  if (kind === "external" && !guard.allowExternal) {
    throw new UserInputError(
      `${url} is outside the bank's network (not loopback, not a private address, not in allowedHosts); ` +
        `add "${hostOf(url)}" to allowedHosts if it is an on-premises server, or set allowExternal: true to accept that case data leaves the network`,
      { ...where, code: "EXTERNAL_ENDPOINT" },
    );
  }
  return kind;
}

const TRACING_FLAGS = ["LANGSMITH_TRACING", "LANGCHAIN_TRACING_V2", "LANGCHAIN_TRACING"] as const;

/**
 * LangChain sends every prompt to LangSmith when tracing is switched on in
 * the environment. Refuses that unless the LangSmith endpoint passes the same
 * guard as a model endpoint (a self-hosted LangSmith inside the bank).
 *
 * @example
 * assertTracingOnPremises(process.env, { allowedHosts: config.allowedHosts });
 */
export function assertTracingOnPremises(env: NodeJS.ProcessEnv, guard: OnPremGuardOptions): void {
  const flag = TRACING_FLAGS.find((name) => /^(true|1)$/i.test(env[name]?.trim() ?? ""));
  if (!flag) return;
  const endpoint = env.LANGSMITH_ENDPOINT?.trim() || env.LANGCHAIN_ENDPOINT?.trim() || "https://api.smith.langchain.com";
  if (classifyEndpoint(endpoint, guard.allowedHosts) !== "external" || guard.allowExternal) return;
  throw new UserInputError(
    `${flag} is on and LangChain would send prompts, with case data, to ${endpoint}, outside the bank's network; ` +
      `unset ${flag}, or point LANGSMITH_ENDPOINT at an on-premises LangSmith listed in allowedHosts`,
    { source: "environment", path: flag, code: "EXTERNAL_TRACING" },
  );
}

/** `host:port` of a URL, for logs and audit lines (never the credentials). */
export function endpointHost(url: string): string {
  const parsed = new URL(url);
  return parsed.host;
}

function hostOf(url: string): string {
  let host = new URL(url).hostname.toLowerCase();
  if (host.endsWith(".")) host = host.slice(0, -1);
  if (host.startsWith("[") && host.endsWith("]")) host = host.slice(1, -1);
  return host;
}

function classifyAddress(host: string): HostKind | undefined {
  const version = isIP(host);
  if (version === 4) return classifyV4(parseV4(host)!);
  if (version === 6) {
    const groups = parseV6(host);
    if (!groups) return undefined;
    return classifyV6(groups);
  }
  return undefined;
}

const V4_RANGES: ReadonlyArray<[string, number, HostKind]> = [
  ["127.0.0.0", 8, "loopback"],
  ["0.0.0.0", 32, "loopback"], // "this host": what `vllm serve` prints; a connection to it stays on the machine
  ["10.0.0.0", 8, "private"],
  ["172.16.0.0", 12, "private"],
  ["192.168.0.0", 16, "private"],
  ["100.64.0.0", 10, "private"], // RFC 6598 shared address space: not routed on the internet
  ["169.254.0.0", 16, "link-local"],
];

function classifyV4(address: number): HostKind | undefined {
  for (const [base, bits, kind] of V4_RANGES) {
    if (inV4Range(address, parseV4(base)!, bits)) return kind;
  }
  return undefined;
}

function classifyV6(groups: number[]): HostKind | undefined {
  if (groups.every((g, i) => g === (i === 7 ? 1 : 0))) return "loopback"; // ::1
  if (groups.every((g) => g === 0)) return "loopback"; // ::, the unspecified address, stays on the machine
  // IPv4-mapped (::ffff:a.b.c.d): judged by the IPv4 address inside.
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return classifyV4(((groups[6]! << 16) | groups[7]!) >>> 0);
  }
  if ((groups[0]! & 0xfe00) === 0xfc00) return "private"; // fc00::/7 unique local
  if ((groups[0]! & 0xffc0) === 0xfe80) return "link-local"; // fe80::/10
  return undefined;
}

function hostMatches(host: string, entry: string): boolean {
  const pattern = entry.trim().toLowerCase().replace(/\.$/, "");
  if (pattern.startsWith("*.")) return host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1;
  const slash = pattern.indexOf("/");
  if (slash > 0) return inCidr(host, pattern.slice(0, slash).replace(/^\[|\]$/g, ""), Number(pattern.slice(slash + 1)));
  const bare = pattern.replace(/^\[|\]$/g, "");
  if (isIP(bare) === 6 && isIP(host) === 6) return sameV6(host, bare);
  return host === bare;
}

function inCidr(host: string, base: string, bits: number): boolean {
  if (isIP(host) === 4 && isIP(base) === 4) return bits <= 32 && inV4Range(parseV4(host)!, parseV4(base)!, bits);
  if (isIP(host) === 6 && isIP(base) === 6) {
    const a = parseV6(host);
    const b = parseV6(base);
    if (!a || !b || bits > 128) return false;
    for (let bit = 0; bit < bits; bit += 16) {
      const take = Math.min(16, bits - bit);
      const mask = (0xffff << (16 - take)) & 0xffff;
      if ((a[bit / 16]! & mask) !== (b[bit / 16]! & mask)) return false;
    }
    return true;
  }
  return false;
}

function inV4Range(address: number, base: number, bits: number): boolean {
  if (bits === 0) return true;
  const mask = (0xffffffff << (32 - bits)) >>> 0;
  return (address & mask) >>> 0 === (base & mask) >>> 0;
}

function parseV4(text: string): number | undefined {
  const parts = text.split(".").map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return undefined;
  return ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
}

function sameV6(a: string, b: string): boolean {
  const x = parseV6(a);
  const y = parseV6(b);
  return !!x && !!y && x.every((g, i) => g === y[i]);
}

/** Eight 16-bit groups of an IPv6 address (with `::` and a trailing dotted IPv4 expanded). */
function parseV6(text: string): number[] | undefined {
  let address = text.split("%")[0]!;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (dotted) {
    const v4 = parseV4(dotted[1]!);
    if (v4 === undefined) return undefined;
    address = `${address.slice(0, dotted.index)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const halves = address.split("::");
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(":") : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...tail].map((g) => parseInt(g, 16));
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : undefined;
}
