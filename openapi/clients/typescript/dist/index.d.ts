/**
 * Huigui API client: the generated `paths` types (openapi-typescript), an
 * openapi-fetch client, and a thin hand-written layer every app needs —
 * logins that keep and renew their tokens, problems as typed errors, cursor
 * pages, idempotency keys and an offline check-in queue. Only `schema.ts` is
 * generated; this file survives regeneration.
 */
import { type Client } from "openapi-fetch";
import type { components, paths } from "./schema.js";
export type { components, paths };
type Schemas = components["schemas"];
export type Problem = Schemas["Problem"];
export type FieldError = Schemas["FieldError"];
export type TokenPair = Schemas["TokenPair"];
export type SyncEvent = Schemas["SyncEvent"];
export type SyncResult = Schemas["SyncResult"];
/** An RFC 9457 problem returned by the API, as an exception. */
export declare class ProblemError extends Error {
    readonly problem: Problem;
    constructor(problem: Problem);
    get status(): number;
    /** The stable machine code (`validation_failed`, `conflict`, …; see `/problems`). */
    get code(): string;
    /** Field-level errors of a 422, keyed by field name. */
    get fieldErrors(): Record<string, string>;
}
/** True when `value` has the shape of a problem document. */
export declare function isProblem(value: unknown): value is Problem;
/**
 * Returns `data` of an openapi-fetch result, or throws its problem as a
 * {@link ProblemError} (an optional style: `{data, error}` works as well).
 */
export declare function unwrap<T>(result: {
    data?: T;
    error?: unknown;
    response: Response;
}): T;
/**
 * Like {@link unwrap}, for operations that can also answer CSV (`format=csv`):
 * the JSON body, typed without the `string` of the CSV alternative.
 */
export declare function unwrapJson<T>(result: {
    data?: T;
    error?: unknown;
    response: Response;
}): Exclude<T, string>;
/**
 * A CSV upload (`POST /api/v1/participants/import`) sent as its bytes, so a
 * GB18030 file stays GB18030: pass `body: csvFile(bytes)` with
 * `bodySerializer: sendAsIs`. The generated type of a `text/csv` body is
 * `string`, and openapi-fetch would otherwise JSON-encode it.
 */
export declare function csvFile(bytes: Uint8Array | Blob | string): string;
/** A `bodySerializer` that sends the body unchanged (see {@link csvFile}). */
export declare function sendAsIs(body: unknown): BodyInit;
/** A fresh `Idempotency-Key` (or `client_event_id`): a random UUID. */
export declare function newKey(): string;
/** A cursor page as every list returns it. */
export interface Page<T> {
    items: T[];
    next_cursor?: string | null;
}
/**
 * Every item of a list, page after page:
 * `for await (const o of pages((cursor) => hg.api.GET("/api/v1/organizations", { params: { query: { cursor } } })))`.
 */
export declare function pages<T>(fetchPage: (cursor: string | undefined) => Promise<{
    data?: Page<T>;
    error?: unknown;
    response: Response;
}>): AsyncGenerator<T, void, undefined>;
/**
 * What a client holds to stay logged in. A user session has a refresh token;
 * a partner client instead keeps its credentials to ask again.
 */
export interface Session {
    accessToken: string;
    /** Epoch milliseconds after which the access token is no longer used. */
    expiresAt: number;
    /**
     * Epoch milliseconds from which the token is renewed before a call: at most
     * `renewBeforeSecs` before `expiresAt`, and never in the first three quarters
     * of a short-lived token's life. Without it, `expiresAt - renewBeforeSecs`.
     */
    renewAt?: number;
    refreshToken?: string;
    client?: {
        clientId: string;
        clientSecret: string;
    };
}
export interface HuiguiClientOptions {
    /** Base URL of the server, e.g. `http://127.0.0.1:8080`. */
    baseUrl: string;
    /** A custom fetch (tests, proxies). */
    fetch?: typeof fetch;
    /** A session to restore (e.g. from `sessionStorage`). */
    session?: Session;
    /** Called whenever the session changes (login, renewal, logout → `undefined`), to persist it. */
    onSession?: (session: Session | undefined) => void;
    /** Renew this many seconds before the access token expires (default 30). */
    renewBeforeSecs?: number;
}
/**
 * A client that keeps its tokens: `login()` (a user) or `loginClient()` (a
 * partner app) once, then make typed calls through `api`. Before each call
 * the access token is renewed when it is about to expire — one renewal at a
 * time, shared by every caller, so a refresh token is never sent twice (the
 * server would see a reuse and end the session).
 */
export declare class HuiguiClient {
    readonly api: Client<paths>;
    private current?;
    private renewing?;
    private readonly onSession?;
    private readonly renewBeforeMs;
    /** A second client without the auth middleware, for the token calls themselves. */
    private readonly raw;
    constructor(options: HuiguiClientOptions);
    /** The current session, if logged in. */
    get session(): Session | undefined;
    /** Logs a user in with e-mail and password. Throws {@link ProblemError} on 401/429. */
    login(email: string, password: string): Promise<Session>;
    /** Logs a partner app in with its client credentials; renewed by asking again. */
    loginClient(clientId: string, clientSecret: string): Promise<Session>;
    /**
     * Renews the session now: rotates a user's refresh token, or asks again
     * with a partner client's credentials. Concurrent calls share one request.
     */
    refresh(): Promise<Session>;
    /** Revokes a user's refresh token and forgets the session. */
    logout(): Promise<void>;
    private fresh;
    private renew;
    private clientToken;
    private fromPair;
    private lifetime;
    private keep;
}
/** Where an {@link OfflineQueue} keeps unsent events (the console uses IndexedDB). */
export interface QueueStore {
    load(): Promise<SyncEvent[]>;
    save(events: SyncEvent[]): Promise<void>;
}
/** A store in memory (tests, or apps that persist elsewhere). */
export declare function memoryStore(): QueueStore;
/**
 * Check-in events recorded offline, sent through `POST /api/v1/attendance/sync`
 * when the network is back. Each event keeps its `client_event_id`, so sending
 * twice is harmless (the second answer is `duplicate`). Events the server
 * answered are dropped from the queue; the rest (a network failure) stay.
 */
export declare class OfflineQueue {
    private readonly client;
    private readonly store;
    /** Read-modify-write steps on the store run one at a time (two quick adds must not lose one). */
    private step;
    private flushing?;
    constructor(client: HuiguiClient, store?: QueueStore);
    private exclusive;
    /** Adds an event (a `client_event_id` is made when it has none) and returns it. */
    add(event: Omit<SyncEvent, "client_event_id"> & {
        client_event_id?: string;
    }): Promise<SyncEvent>;
    /** Events waiting to be sent. */
    pending(): Promise<SyncEvent[]>;
    /**
     * Sends what is waiting, in batches of at most `batch` (default 500), and
     * returns each event's result (`created`, `duplicate`, `conflict`, `rejected`).
     * Throws when the server cannot be reached; what was not answered stays queued.
     */
    flush(batch?: number): Promise<SyncResult[]>;
    private send;
}
