/**
 * Huigui API client: the generated `paths` types (openapi-typescript), an
 * openapi-fetch client, and a thin hand-written layer every app needs —
 * logins that keep and renew their tokens, problems as typed errors, cursor
 * pages, idempotency keys and an offline check-in queue. Only `schema.ts` is
 * generated; this file survives regeneration.
 */
import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { components, paths } from "./schema.js";

export type { components, paths };
type Schemas = components["schemas"];
export type Problem = Schemas["Problem"];
export type FieldError = Schemas["FieldError"];
export type TokenPair = Schemas["TokenPair"];
export type SyncEvent = Schemas["SyncEvent"];
export type SyncResult = Schemas["SyncResult"];

/** An RFC 9457 problem returned by the API, as an exception. */
export class ProblemError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(`${problem.status} ${problem.code}: ${problem.detail}`);
    this.name = "ProblemError";
    this.problem = problem;
  }
  get status(): number {
    return this.problem.status;
  }
  /** The stable machine code (`validation_failed`, `conflict`, …; see `/problems`). */
  get code(): string {
    return this.problem.code;
  }
  /** Field-level errors of a 422, keyed by field name. */
  get fieldErrors(): Record<string, string> {
    return Object.fromEntries(this.problem.errors.map((e) => [e.field, e.message]));
  }
}

/** True when `value` has the shape of a problem document. */
export function isProblem(value: unknown): value is Problem {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Problem).code === "string" &&
    typeof (value as Problem).status === "number"
  );
}

/**
 * Returns `data` of an openapi-fetch result, or throws its problem as a
 * {@link ProblemError} (an optional style: `{data, error}` works as well).
 */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || result.data === undefined) {
    if (isProblem(result.error)) throw new ProblemError(result.error);
    if (result.response.ok && result.data === undefined) return undefined as T;
    throw new Error(`unexpected ${result.response.status} response`);
  }
  return result.data;
}

/**
 * Like {@link unwrap}, for operations that can also answer CSV (`format=csv`):
 * the JSON body, typed without the `string` of the CSV alternative.
 */
export function unwrapJson<T>(result: { data?: T; error?: unknown; response: Response }): Exclude<T, string> {
  const data = unwrap(result);
  if (typeof data === "string") throw new Error("expected JSON, got text");
  return data as Exclude<T, string>;
}

/**
 * A CSV upload (`POST /api/v1/participants/import`) sent as its bytes, so a
 * GB18030 file stays GB18030: pass `body: csvFile(bytes)` with
 * `bodySerializer: sendAsIs`. The generated type of a `text/csv` body is
 * `string`, and openapi-fetch would otherwise JSON-encode it.
 */
export function csvFile(bytes: Uint8Array | Blob | string): string {
  return bytes as unknown as string;
}

/** A `bodySerializer` that sends the body unchanged (see {@link csvFile}). */
export function sendAsIs(body: unknown): BodyInit {
  return body as BodyInit;
}

/** A fresh `Idempotency-Key` (or `client_event_id`): a random UUID. */
export function newKey(): string {
  return globalThis.crypto.randomUUID();
}

/** A cursor page as every list returns it. */
export interface Page<T> {
  items: T[];
  next_cursor?: string | null;
}

/**
 * Every item of a list, page after page:
 * `for await (const o of pages((cursor) => hg.api.GET("/api/v1/organizations", { params: { query: { cursor } } })))`.
 */
export async function* pages<T>(
  fetchPage: (cursor: string | undefined) => Promise<{ data?: Page<T>; error?: unknown; response: Response }>,
): AsyncGenerator<T, void, undefined> {
  let cursor: string | undefined;
  do {
    const page = unwrap(await fetchPage(cursor));
    yield* page.items;
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
}

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
  client?: { clientId: string; clientSecret: string };
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
export class HuiguiClient {
  readonly api: Client<paths>;
  private current?: Session;
  private renewing?: Promise<Session>;
  private readonly onSession?: (session: Session | undefined) => void;
  private readonly renewBeforeMs: number;
  /** A second client without the auth middleware, for the token calls themselves. */
  private readonly raw: Client<paths>;

  constructor(options: HuiguiClientOptions) {
    const base = { baseUrl: options.baseUrl, fetch: options.fetch };
    this.api = createClient<paths>(base);
    this.raw = createClient<paths>(base);
    this.current = options.session;
    this.onSession = options.onSession;
    this.renewBeforeMs = (options.renewBeforeSecs ?? 30) * 1000;
    const auth: Middleware = {
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
  get session(): Session | undefined {
    return this.current;
  }

  /** Logs a user in with e-mail and password. Throws {@link ProblemError} on 401/429. */
  async login(email: string, password: string): Promise<Session> {
    const pair = unwrap(await this.raw.POST("/api/v1/auth/token", { body: { email, password } }));
    return this.keep(this.fromPair(pair));
  }

  /** Logs a partner app in with its client credentials; renewed by asking again. */
  async loginClient(clientId: string, clientSecret: string): Promise<Session> {
    return this.keep(await this.clientToken({ clientId, clientSecret }));
  }

  /**
   * Renews the session now: rotates a user's refresh token, or asks again
   * with a partner client's credentials. Concurrent calls share one request.
   */
  refresh(): Promise<Session> {
    if (!this.renewing) {
      const session = this.current;
      if (!session) return Promise.reject(new Error("not logged in"));
      this.renewing = this.renew(session).finally(() => {
        this.renewing = undefined;
      });
    }
    return this.renewing;
  }

  /** Revokes a user's refresh token and forgets the session. */
  async logout(): Promise<void> {
    const session = this.current;
    this.keep(undefined);
    if (session?.refreshToken) {
      await this.raw.POST("/api/v1/auth/logout", { body: { refresh_token: session.refreshToken } });
    }
  }

  private async fresh(): Promise<Session> {
    const session = this.current;
    if (!session) throw new Error("not logged in");
    if (this.renewing || Date.now() >= (session.renewAt ?? session.expiresAt - this.renewBeforeMs)) {
      return this.refresh();
    }
    return session;
  }

  private async renew(session: Session): Promise<Session> {
    if (session.client) return this.keep(await this.clientToken(session.client));
    if (!session.refreshToken) throw new Error("not logged in");
    const result = await this.raw.POST("/api/v1/auth/refresh", {
      body: { refresh_token: session.refreshToken },
    });
    if (result.response.status === 401) this.keep(undefined);
    return this.keep(this.fromPair(unwrap(result)));
  }

  private async clientToken(client: { clientId: string; clientSecret: string }): Promise<Session> {
    const token = unwrap(
      await this.raw.POST("/api/v1/auth/client-token", {
        body: { client_id: client.clientId, client_secret: client.clientSecret },
      }),
    );
    return { ...this.lifetime(token.expires_in), accessToken: token.access_token, client };
  }

  private fromPair(pair: TokenPair): Session {
    return { ...this.lifetime(pair.expires_in), accessToken: pair.access_token, refreshToken: pair.refresh_token };
  }

  private lifetime(expiresInSecs: number): { expiresAt: number; renewAt: number } {
    const now = Date.now();
    const life = expiresInSecs * 1000;
    return { expiresAt: now + life, renewAt: now + life - Math.min(this.renewBeforeMs, life / 4) };
  }

  private keep(session: Session): Session;
  private keep(session: undefined): undefined;
  private keep(session: Session | undefined): Session | undefined {
    this.current = session;
    this.onSession?.(session);
    return session;
  }
}

/** Where an {@link OfflineQueue} keeps unsent events (the console uses IndexedDB). */
export interface QueueStore {
  load(): Promise<SyncEvent[]>;
  save(events: SyncEvent[]): Promise<void>;
}

/** A store in memory (tests, or apps that persist elsewhere). */
export function memoryStore(): QueueStore {
  let kept: SyncEvent[] = [];
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
  /** Read-modify-write steps on the store run one at a time (two quick adds must not lose one). */
  private step: Promise<unknown> = Promise.resolve();
  private flushing?: Promise<SyncResult[]>;

  constructor(
    private readonly client: HuiguiClient,
    private readonly store: QueueStore = memoryStore(),
  ) {}

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.step.then(work, work);
    this.step = next.catch(() => undefined);
    return next;
  }

  /** Adds an event (a `client_event_id` is made when it has none) and returns it. */
  add(event: Omit<SyncEvent, "client_event_id"> & { client_event_id?: string }): Promise<SyncEvent> {
    const full: SyncEvent = { ...event, client_event_id: event.client_event_id ?? newKey() };
    return this.exclusive(async () => {
      await this.store.save([...(await this.store.load()), full]);
      return full;
    });
  }

  /** Events waiting to be sent. */
  pending(): Promise<SyncEvent[]> {
    return this.store.load();
  }

  /**
   * Sends what is waiting, in batches of at most `batch` (default 500), and
   * returns each event's result (`created`, `duplicate`, `conflict`, `rejected`).
   * Throws when the server cannot be reached; what was not answered stays queued.
   */
  flush(batch = 500): Promise<SyncResult[]> {
    // One flush at a time: a second caller shares the one under way.
    if (!this.flushing) {
      this.flushing = this.send(batch).finally(() => {
        this.flushing = undefined;
      });
    }
    return this.flushing;
  }

  private async send(batch: number): Promise<SyncResult[]> {
    const results: SyncResult[] = [];
    for (;;) {
      const waiting = await this.store.load();
      if (waiting.length === 0) return results;
      const events = waiting.slice(0, batch);
      const answer = unwrap(
        await this.client.api.POST("/api/v1/attendance/sync", {
          params: { header: { "Idempotency-Key": newKey() } },
          body: { events },
        }),
      );
      results.push(...answer.results);
      const sent = new Set(events.map((e) => e.client_event_id));
      await this.exclusive(async () =>
        this.store.save((await this.store.load()).filter((e) => !sent.has(e.client_event_id))),
      );
    }
  }
}
