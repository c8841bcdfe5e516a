import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { TestRedisTls } from "@kyocho/queue/testing";

/**
 * Makes, with `openssl`, a throw-away CA and a server certificate it signs
 * for 127.0.0.1 and localhost, in `dir`: what a bank's private Redis serves,
 * whose CA kyocho is given through `NODE_EXTRA_CA_CERTS`. Redis nodes use the
 * same certificate as TLS clients of each other (replication, cluster bus).
 */
export function makeTestCertificates(dir: string): TestRedisTls {
  const caFile = join(dir, "ca.crt");
  const caKey = join(dir, "ca.key");
  const keyFile = join(dir, "redis.key");
  const request = join(dir, "redis.csr");
  const certFile = join(dir, "redis.crt");
  const extensions = join(dir, "san.cnf");
  writeFileSync(extensions, "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth,clientAuth\n");
  const openssl = (args: string[]) => execFileSync("openssl", args, { stdio: "ignore" });
  openssl(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", caKey, "-out", caFile, "-days", "1", "-subj", "/CN=kyocho test CA"]);
  openssl(["req", "-newkey", "rsa:2048", "-nodes", "-keyout", keyFile, "-out", request, "-subj", "/CN=localhost"]);
  openssl(["x509", "-req", "-in", request, "-CA", caFile, "-CAkey", caKey, "-CAcreateserial", "-out", certFile, "-days", "1", "-extfile", extensions]);
  return { certFile, keyFile, caFile };
}
