import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { Service } from "./service.js";

/** A service listening on a socket. */
export interface RunningService {
  /** The base URL, e.g. `http://127.0.0.1:8080` (the port the system chose when listening on 0). */
  readonly url: string;
  readonly port: number;
  /** Stops accepting connections, waits for the running assessments, closes the service. */
  close(): Promise<void>;
}

/** Listens with `@hono/node-server` on `host:port` (port 0: any free port) and resolves once it listens. */
export function startService(service: Service, options: { port: number; host: string }): Promise<RunningService> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: service.app.fetch, port: options.port, hostname: options.host }, (info: AddressInfo) => {
      const host = info.family === "IPv6" ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}`,
        port: info.port,
        close: async () => {
          await new Promise<void>((done) => {
            server.close(() => done());
            // Event streams stay open until their assessment ends: close idle and streaming connections now.
            (server as { closeAllConnections?: () => void }).closeAllConnections?.();
          });
          await service.close();
        },
      });
    });
    server.once("error", reject);
  });
}
