import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { basicAuth, isLoopbackHost } from "./basic-auth.js";

let base: string;
let close: () => void;
beforeAll(async () => {
  const app = express();
  app.use(basicAuth({ user: "ops", password: "correct horse battery" }));
  app.get("/", (_req, res) => void res.send("board"));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  close = () => server.close();
});
afterAll(() => close());

const as = (credentials?: string) =>
  fetch(base, credentials === undefined ? {} : { headers: { authorization: `Basic ${Buffer.from(credentials).toString("base64")}` } });

describe("basicAuth", () => {
  it("lets the right credentials through and challenges everything else", async () => {
    expect(await (await as("ops:correct horse battery")).text()).toBe("board");
    for (const wrong of [undefined, "ops:wrong", "ops:", ":correct horse battery", "Ops:correct horse battery", "ops:correct horse battery "]) {
      const response = await as(wrong);
      expect(response.status, String(wrong)).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Basic realm="kyocho dashboard"/);
    }
    expect((await fetch(base, { headers: { authorization: "Bearer ops:correct horse battery" } })).status).toBe(401);
  });
});

describe("isLoopbackHost", () => {
  it("knows which addresses stay on this machine", () => {
    for (const host of ["127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]"]) expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ["0.0.0.0", "::", "10.0.0.5", "192.168.1.2", "example.internal", "128.0.0.1"]) expect(isLoopbackHost(host), host).toBe(false);
  });
});
