/**
 * Huigui API client: the generated `paths` types (openapi-typescript), an
 * openapi-fetch client, and a thin hand-written layer every app needs —
 * logins that keep and renew their tokens, problems as typed errors, cursor
 * pages, idempotency keys and an offline check-in queue. Only `schema.ts` is
 * generated; this file survives regeneration.
 */
import createClient from "openapi-fetch";
/** An RFC 9457 problem returned by the API, as an exception. */
export class ProblemError extends Error {
    problem;
    constructor(problem) {
        super(`${problem.status} ${problem.code}: ${problem.detail}`);
        this.name = "ProblemError";
        this.problem = problem;
    }
    get status() {
        return this.problem.status;
    }
    /** The stable machine code (`validation_failed`, `conflict`, …; see `/problems`). */
    get code() {
        return this.problem.code;
    }
    /** Field-level errors of a 422, keyed by field name. */
    get fieldErrors() {
        return Object.fromEntries(this.problem.errors.map((e) => [e.field, e.message]));
    }
}
/** True when `value` has the shape of a problem document. */
export function isProblem(value) {
    return (typeof value === "object" &&
        value !== null &&
        typeof value.code === "string" &&
        typeof value.status === "number");
}
/**
 * Returns `data` of an openapi-fetch result, or throws its problem as a
 * {@link ProblemError} (an optional style: `{data, error}` works as well).
 */
export function unwrap(result) {
    if (result.error !== undefined || result.data === undefined) {
        if (isProblem(result.error))
            throw new ProblemError(result.error);
        if (result.response.ok && result.data === undefined)
            return undefined;
        throw new Error(`unexpected ${result.response.status} response`);
    }
    return result.data;
}
/**
 * Like {@link unwrap}, for operations that can also answer CSV (`format=csv`):
 * the JSON body, typed without the `string` of the CSV alternative.
 */
export function unwrapJson(result) {
    const data = unwrap(result);
    if (typeof data === "string")
        throw new Error("expected JSON, got text");
    return data;
}
/**
 * A CSV upload (`POST /api/v1/participants/import`) sent as its bytes, so a
 * GB18030 file stays GB18030: pass `body: csvFile(bytes)` with
 * `bodySerializer: sendAsIs`. The generated type of a `text/csv` body is
 * `string`, and openapi-fetch would otherwise JSON-encode it.
 */
export function csvFile(bytes) {
    return bytes;
}
/** A `bodySerializer` that sends the body unchanged (see {@link csvFile}). */
export function sendAsIs(body) {
    return body;
}
/** A fresh `Idempotency-Key` (or `client_event_id`): a random UUID. */
export function newKey() {
    return globalThis.crypto.randomUUID();
}
/**
 * Every item of a list, page after page:
 * `for await (const o of pages((cursor) => hg.api.GET("/api/v1/organizations", { params: { query: { cursor } } })))`.
 */
export async function* pages(fetchPage) {
    let cursor;
    do {
        const page = unwrap(await fetchPage(cursor));
        yield* page.items;
        cursor = page.next_cursor ?? undefined;
    } while (cursor);
}
/**
 * A client that keeps its tokens: `login()` (a user) or `loginClient()` (a
 * partner app) once, then make typed calls through `api`. Before each call
 * the access token is renewed when it is about to expire — one renewal at a
 * time, shared by every caller, so a refresh token is never sent twice (the
 * server would see a reuse and end the session).
 */
export class HuiguiClient {
    api;
    current;
    renewing;
    onSession;
    renewBeforeMs;
    /** A second client without the auth middleware, for the token calls themselves. */
    raw;
    constructor(options) {
        const base = { baseUrl: options.baseUrl, fetch: options.fetch };
        this.api = createClient(base);
        this.raw = createClient(base);
        this.current = options.session;
        this.onSession = options.onSession;
        this.renewBeforeMs = (options.renewBeforeSecs ?? 30) * 1000;
        const auth = {
            onRequest: async ({ request }) => {
                if (this.current && !request.headers.has("authorization")) {
                    const session = await this.fresh();
                    request.headers.set("authorization", `Bearer ${session.accessToken}`);
                }
                return request;
            },
        };
        this.api.use(auth);
    }
    /** The current session, if logged in. */
    get session() {
        return this.current;
    }
    /** Logs a user in with e-mail and password. Throws {@link ProblemError} on 401/429. */
    async login(email, password) {
        const pair = unwrap(await this.raw.POST("/api/v1/auth/token", { body: { email, password } }));
        return this.keep(this.fromPair(pair));
    }
    /** Logs a partner app in with its client credentials; renewed by asking again. */
    async loginClient(clientId, clientSecret) {
        return this.keep(await this.clientToken({ clientId, clientSecret }));
    }
    /**
     * Renews the session now: rotates a user's refresh token, or asks again
     * with a partner client's credentials. Concurrent calls share one request.
     */
    refresh() {
        if (!this.renewing) {
            const session = this.current;
            if (!session)
                return Promise.reject(new Error("not logged in"));
            this.renewing = this.renew(session).finally(() => {
                this.renewing = undefined;
            });
        }
        return this.renewing;
    }
    /** Revokes a user's refresh token and forgets the session. */
    async logout() {
        const session = this.current;
        this.keep(undefined);
        if (session?.refreshToken) {
            await this.raw.POST("/api/v1/auth/logout", { body: { refresh_token: session.refreshToken } });
        }
    }
    async fresh() {
        const session = this.current;
        if (!session)
            throw new Error("not logged in");
        if (this.renewing || Date.now() >= (session.renewAt ?? session.expiresAt - this.renewBeforeMs)) {
            return this.refresh();
        }
        return session;
    }
    async renew(session) {
        if (session.client)
            return this.keep(await this.clientToken(session.client));
        if (!session.refreshToken)
            throw new Error("not logged in");
        const result = await this.raw.POST("/api/v1/auth/refresh", {
            body: { refresh_token: session.refreshToken },
        });
        if (result.response.status === 401)
            this.keep(undefined);
        return this.keep(this.fromPair(unwrap(result)));
    }
    async clientToken(client) {
        const token = unwrap(await this.raw.POST("/api/v1/auth/client-token", {
            body: { client_id: client.clientId, client_secret: client.clientSecret },
        }));
        return { ...this.lifetime(token.expires_in), accessToken: token.access_token, client };
    }
    fromPair(pair) {
        return { ...this.lifetime(pair.expires_in), accessToken: pair.access_token, refreshToken: pair.refresh_token };
    }
    lifetime(expiresInSecs) {
        const now = Date.now();
        const life = expiresInSecs * 1000;
        return { expiresAt: now + life, renewAt: now + life - Math.min(this.renewBeforeMs, life / 4) };
    }
    keep(session) {
        this.current = session;
        this.onSession?.(session);
        return session;
    }
}
/** A store in memory (tests, or apps that persist elsewhere). */
export function memoryStore() {
    let kept = [];
    return {
        load: async () => [...kept],
        save: async (events) => {
            kept = [...events];
        },
    };
}
/**
 * Check-in events recorded offline, sent through `POST /api/v1/attendance/sync`
 * when the network is back. Each event keeps its `client_event_id`, so sending
 * twice is harmless (the second answer is `duplicate`). Events the server
 * answered are dropped from the queue; the rest (a network failure) stay.
 */
export class OfflineQueue {
    client;
    store;
    /** Read-modify-write steps on the store run one at a time (two quick adds must not lose one). */
    step = Promise.resolve();
    flushing;
    constructor(client, store = memoryStore()) {
        this.client = client;
        this.store = store;
    }
    exclusive(work) {
        const next = this.step.then(work, work);
        this.step = next.catch(() => undefined);
        return next;
    }
    /** Adds an event (a `client_event_id` is made when it has none) and returns it. */
    add(event) {
        const full = { ...event, client_event_id: event.client_event_id ?? newKey() };
        return this.exclusive(async () => {
            await this.store.save([...(await this.store.load()), full]);
            return full;
        });
    }
    /** Events waiting to be sent. */
    pending() {
        return this.store.load();
    }
    /**
     * Sends what is waiting, in batches of at most `batch` (default 500), and
     * returns each event's result (`created`, `duplicate`, `conflict`, `rejected`).
     * Throws when the server cannot be reached; what was not answered stays queued.
     */
    flush(batch = 500) {
        // One flush at a time: a second caller shares the one under way.
        if (!this.flushing) {
            this.flushing = this.send(batch).finally(() => {
                this.flushing = undefined;
            });
        }
        return this.flushing;
    }
    async send(batch) {
        const results = [];
        for (;;) {
            const waiting = await this.store.load();
            if (waiting.length === 0)
                return results;
            const events = waiting.slice(0, batch);
            const answer = unwrap(await this.client.api.POST("/api/v1/attendance/sync", {
                params: { header: { "Idempotency-Key": newKey() } },
                body: { events },
            }));
            results.push(...answer.results);
            const sent = new Set(events.map((e) => e.client_event_id));
            await this.exclusive(async () => this.store.save((await this.store.load()).filter((e) => !sent.has(e.client_event_id))));
        }
    }
}
