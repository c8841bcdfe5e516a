/**
 * Reads a server-sent event stream with fetch and a stream reader (EventSource cannot send an Authorization
 * header). On a dropped connection it reconnects with `Last-Event-ID` set to the last event it saw, so no event is
 * delivered twice or lost; it stops after the `end` event, on abort, or when the service refuses (a problem).
 */

/** Splits SSE text into events. Returns the events complete so far and the unparsed rest. */
export function parseEvents(buffer) {
  const events = [];
  // A chunk may end between the \r and \n of a CRLF: keep that \r for the next chunk rather than read it as a line end.
  const held = buffer.endsWith("\r") ? "\r" : "";
  const blocks = (held ? buffer.slice(0, -1) : buffer).replace(/\r\n?/g, "\n").split("\n\n");
  const rest = (blocks.pop() ?? "") + held;
  for (const block of blocks) {
    const event = { id: undefined, type: "message", data: "" };
    const data = [];
    for (const line of block.split("\n")) {
      if (!line || line.startsWith(":")) continue;
      const colon = line.indexOf(":");
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
      if (field === "id") event.id = value;
      else if (field === "event") event.type = value;
      else if (field === "data") data.push(value);
    }
    if (data.length === 0 && event.id === undefined) continue;
    event.data = data.join("\n");
    events.push(event);
  }
  return { events, rest };
}

/**
 * Follows `/v1/assessments/{id}/events` until `end`. `onEvent({ id, type, data })` gets each event once, `data`
 * parsed from JSON; `onReconnect(attempt)` is told before each resume.
 */
export async function followEvents(api, id, { onEvent, onReconnect = () => {}, signal, retryMs = 500, maxRetries = 20 } = {}) {
  let lastEventId;
  let attempts = 0;
  for (;;) {
    try {
      const response = await api.events(id, { lastEventId, signal });
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        const parsed = parseEvents(buffer);
        buffer = parsed.rest;
        for (const event of parsed.events) {
          if (event.id !== undefined) lastEventId = event.id;
          attempts = 0;
          let data;
          try {
            data = event.data ? JSON.parse(event.data) : undefined;
          } catch {
            data = event.data;
          }
          onEvent({ id: event.id, type: event.type, data });
          if (event.type === "end") {
            await reader.cancel().catch(() => {});
            return;
          }
        }
      }
    } catch (error) {
      // A refusal (401, 404…) will not get better by asking again; an abort means the page moved on.
      if (signal?.aborted || (error && typeof error.status === "number")) throw error;
    }
    if (++attempts > maxRetries) throw new Error("the event stream kept dropping");
    onReconnect(attempts);
    await new Promise((resolve) => setTimeout(resolve, retryMs * Math.min(attempts, 5)));
  }
}
