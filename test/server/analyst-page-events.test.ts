import { describe, expect, it } from "vitest";

/** The page's event reader (a browser ES module; Node 20 has the same fetch streams). */
interface SseEvent {
  id: string | undefined;
  type: string;
  data: unknown;
}
interface EventsReader {
  parseEvents(buffer: string): { events: { id: string | undefined; type: string; data: string }[]; rest: string };
  followEvents(
    api: { events(id: string, options: { lastEventId?: string }): Promise<Response> },
    id: string,
    options: { onEvent(event: SseEvent): void; onReconnect?(attempt: number): void; retryMs?: number },
  ): Promise<void>;
}
const READER = new URL("../../packages/server/public/assets/events-reader.js", import.meta.url).href;
const reader = (await import(READER)) as EventsReader;

const sse = (id: number, type: string, data: object) => `id: ${id}\nevent: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
const EVENTS = [
  sse(1, "planned", { plan: { tasks: [] } }),
  sse(2, "expert_started", { expert: "fx" }),
  sse(3, "expert_finished", { expert: "fx" }),
  sse(4, "end", { status: "awaiting_signoff" }),
];

/** A stream of `chunks` that fails (a dropped connection) after them unless `complete`. */
function body(chunks: string[], complete: boolean): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let next = 0;
  // Pulled one chunk at a time: an error raised with chunks still queued would discard them.
  return new ReadableStream({
    pull(controller) {
      if (next < chunks.length) controller.enqueue(encoder.encode(chunks[next++]));
      else if (complete) controller.close();
      else controller.error(new TypeError("network error"));
    },
  });
}

describe("the analyst page's event reader", () => {
  it("parses SSE blocks split anywhere, with CRLF, comments and multi-line data", () => {
    const text = ': keep-alive\r\n\r\nid: 7\r\nevent: merged\r\ndata: {"a":\r\ndata: 1}\r\n\r\nid: 8\nevent: en';
    const { events, rest } = reader.parseEvents(text);
    expect(events).toEqual([{ id: "7", type: "merged", data: '{"a":\n1}' }]);
    expect(rest).toBe("id: 8\nevent: en");
    // A chunk ending between \r and \n does not end the event early.
    const first = reader.parseEvents("id: 9\r");
    expect(first.events).toEqual([]);
    expect(reader.parseEvents(`${first.rest}\nevent: end\r\ndata: {}\r\n\r\n`).events).toEqual([{ id: "9", type: "end", data: "{}" }]);
  });

  it("resumes a dropped stream with Last-Event-ID: every event once, in order, up to end", async () => {
    const asked: (string | undefined)[] = [];
    const api = {
      // Like the service: from the start, or after Last-Event-ID; the first connection drops after two events,
      // the second splits an event across chunks.
      async events(_id: string, { lastEventId }: { lastEventId?: string }) {
        asked.push(lastEventId);
        const rest = EVENTS.slice(lastEventId === undefined ? 0 : Number(lastEventId));
        if (asked.length === 1) return new Response(body(rest.slice(0, 2), false));
        const text = rest.join("");
        return new Response(body([text.slice(0, 10), text.slice(10)], true));
      },
    };
    const seen: SseEvent[] = [];
    let reconnects = 0;
    await reader.followEvents(api, "a-1", { onEvent: (e) => seen.push(e), onReconnect: () => reconnects++, retryMs: 1 });
    expect(seen.map((e) => `${e.id}:${e.type}`)).toEqual(["1:planned", "2:expert_started", "3:expert_finished", "4:end"]);
    expect(seen[1]!.data).toEqual({ expert: "fx" });
    expect(asked).toEqual([undefined, "2"]);
    expect(reconnects).toBe(1);
  });
});
