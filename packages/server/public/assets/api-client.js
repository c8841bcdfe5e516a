/**
 * The service's HTTP API as the page uses it. The token goes in the Authorization header of every request and
 * nowhere else (never a URL, never a log). Every refusal is thrown as an {@link ApiProblem} carrying the
 * service's RFC 9457 problem, so the page can show its `detail`.
 */

/** A refused request: the problem document the service answered with. */
export class ApiProblem extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
  }
}

async function problemOf(response) {
  try {
    return await response.json();
  } catch {
    return { title: response.statusText, status: response.status };
  }
}

/** A client bound to one bearer token. */
export function createApi(token, fetchImpl = globalThis.fetch.bind(globalThis)) {
  const headers = (extra = {}) => ({ authorization: `Bearer ${token}`, ...extra });

  async function call(path, init = {}) {
    const response = await fetchImpl(path, { ...init, headers: headers(init.headers), cache: "no-store", referrerPolicy: "no-referrer" });
    if (!response.ok) throw new ApiProblem(response.status, await problemOf(response));
    return response;
  }
  const json = async (path, init) => (await call(path, init)).json();
  const post = (path, body, extra = {}) =>
    json(path, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json", ...extra } });

  return {
    /** `{ subject, roles, canSignAs }` */
    me: () => json("/v1/me"),
    /** Starts an assessment without waiting for it: `{ id, status, location }` (202), or the finished assessment (200). */
    assess: (kase, question) => post("/v1/assessments", question ? { question, case: kase } : { case: kase }, { prefer: "respond-async" }),
    /** `{ items: [record without assessment] }`, newest first. */
    list: (query = {}) => json(`/v1/assessments?${new URLSearchParams(query)}`),
    record: (id) => json(`/v1/assessments/${encodeURIComponent(id)}`),
    reportHtml: async (id, lang) => (await call(`/v1/assessments/${encodeURIComponent(id)}/report.html${lang === "ja" ? "?lang=ja" : ""}`)).text(),
    signoff: (id, body) => post(`/v1/assessments/${encodeURIComponent(id)}/signoff`, body),
    /** The raw event-stream response (see events-reader.js); `lastEventId` resumes after that event. */
    events: (id, { lastEventId, signal } = {}) =>
      call(`/v1/assessments/${encodeURIComponent(id)}/events`, {
        signal,
        headers: { accept: "text/event-stream", ...(lastEventId !== undefined ? { "last-event-id": String(lastEventId) } : {}) },
      }),
  };
}
