/**
 * Huigui API client: the generated `paths` types from openapi-typescript,
 * an openapi-fetch client, and small helpers for login, token refresh and
 * problem+json errors.
 */
import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { components, paths } from "./schema.js";

export type { components, paths };
export type Problem = components["schemas"]["Problem"];
export type TokenPair = components["schemas"]["TokenPair"];

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
  get code(): string {
    return this.problem.code;
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

/** Returns `data`, or throws the problem as a {@link ProblemError}. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || result.data === undefined) {
    if (isProblem(result.error)) throw new ProblemError(result.error);
    if (result.response.ok && result.data === undefined) return undefined as T;
    throw new Error(`unexpected ${result.response.status} response`);
  }
  return result.data;
}

export interface HuiguiClientOptions {
  /** Base URL of the server, e.g. `http://127.0.0.1:8080`. */
  baseUrl: string;
  /** A custom fetch (tests, proxies). */
  fetch?: typeof fetch;
}

/**
 * A client that keeps the access and refresh tokens: `login()` once, then use
 * `api` for typed calls; `refresh()` rotates the pair.
 */
export class HuiguiClient {
  readonly api: Client<paths>;
  private tokens?: TokenPair;

  constructor(options: HuiguiClientOptions) {
    this.api = createClient<paths>({ baseUrl: options.baseUrl, fetch: options.fetch });
    const auth: Middleware = {
      onRequest: ({ request }) => {
        if (this.tokens && !request.headers.has("authorization")) {
          request.headers.set("authorization", `Bearer ${this.tokens.access_token}`);
        }
        return request;
      },
    };
    this.api.use(auth);
  }

  /** The current token pair, if logged in. */
  get session(): TokenPair | undefined {
    return this.tokens;
  }

  /** Logs in with e-mail and password. Throws {@link ProblemError} on 401/429. */
  async login(email: string, password: string): Promise<TokenPair> {
    this.tokens = unwrap(await this.api.POST("/api/v1/auth/token", { body: { email, password } }));
    return this.tokens;
  }

  /** Logs in a partner app with client credentials. */
  async loginClient(clientId: string, clientSecret: string): Promise<void> {
    const token = unwrap(
      await this.api.POST("/api/v1/auth/client-token", {
        body: { client_id: clientId, client_secret: clientSecret },
      }),
    );
    this.tokens = { ...token, refresh_token: "" };
  }

  /** Exchanges the refresh token for a new pair (the old one is consumed). */
  async refresh(): Promise<TokenPair> {
    if (!this.tokens?.refresh_token) throw new Error("not logged in");
    this.tokens = unwrap(
      await this.api.POST("/api/v1/auth/refresh", {
        body: { refresh_token: this.tokens.refresh_token },
      }),
    );
    return this.tokens;
  }

  /** Revokes the refresh token and forgets the session. */
  async logout(): Promise<void> {
    if (this.tokens?.refresh_token) {
      await this.api.POST("/api/v1/auth/logout", {
        body: { refresh_token: this.tokens.refresh_token },
      });
    }
    this.tokens = undefined;
  }
}
