/**
 * The console's one way to the server: the generated SDK's `HuiguiClient`
 * (typed paths, single-flight token renewal). The access token lives in
 * memory only; the refresh token, so that a reload keeps the user logged
 * in, in this tab's `sessionStorage` (never `localStorage`), beside the
 * last `GET /me` answer (for a reload without a network).
 */
import { HuiguiClient, ProblemError, isProblem, unwrap, type components, type Session } from "@huigui/client";
import { reactive } from "vue";

export { ProblemError, unwrap, unwrapJson, newKey, pages, csvFile, sendAsIs } from "@huigui/client";
export type Schemas = components["schemas"];
export type Me = Schemas["Me"];
export type Permission = Schemas["Permission"];

const REFRESH_KEY = "huigui.refresh_token";

function restored(): Session | undefined {
  const refreshToken = sessionStorage.getItem(REFRESH_KEY);
  // No access token yet: the first call renews it with the refresh token.
  return refreshToken ? { accessToken: "", expiresAt: 0, refreshToken } : undefined;
}

/** Who is logged in, as `GET /me` said; `null` before login or after logout. */
export const auth = reactive<{ me: Me | null; ready: boolean }>({ me: null, ready: false });

export const hg = new HuiguiClient({
  baseUrl: window.location.origin,
  session: restored(),
  onSession: (session) => {
    if (session?.refreshToken) sessionStorage.setItem(REFRESH_KEY, session.refreshToken);
    else sessionStorage.removeItem(REFRESH_KEY);
    if (!session) keepMe(null);
  },
});

/** The typed openapi-fetch client (`api.GET("/api/v1/…", …)`). */
export const api = hg.api;

const ME_KEY = "huigui.me";

function keepMe(me: Me | null): void {
  auth.me = me;
  if (me) sessionStorage.setItem(ME_KEY, JSON.stringify(me));
  else sessionStorage.removeItem(ME_KEY);
}

/**
 * Loads `GET /me` for a restored session; forgets a session the server no
 * longer accepts. Without a network (a reload in a village hall) the tab's
 * last answer stands in, so the check-in page and its queue stay usable.
 */
export async function loadMe(): Promise<void> {
  try {
    if (hg.session) keepMe(unwrap(await api.GET("/api/v1/me")));
  } catch (err) {
    const kept = sessionStorage.getItem(ME_KEY);
    if (err instanceof TypeError && kept && hg.session) auth.me = JSON.parse(kept) as Me;
    else await logout();
  } finally {
    auth.ready = true;
  }
}

export async function login(email: string, password: string): Promise<void> {
  await hg.login(email, password);
  keepMe(unwrap(await api.GET("/api/v1/me")));
}

/** Revokes the refresh token on the server and forgets the session here. */
export async function logout(): Promise<void> {
  await hg.logout().catch(() => undefined);
  keepMe(null);
}

/** Whether the logged-in role may do this (the server's own matrix, from `GET /me`). */
export function can(permission: Permission): boolean {
  return auth.me?.permissions.includes(permission) ?? false;
}

/** A problem from any thrown value, for display (network failures become one too). */
export function asProblem(err: unknown): Schemas["Problem"] {
  if (err instanceof ProblemError) return err.problem;
  if (isProblem(err)) return err;
  return {
    type: "about:blank",
    title: "network",
    status: 0,
    code: "network_error",
    detail: err instanceof Error ? err.message : String(err),
    errors: [],
  };
}

/**
 * A report's CSV (`format=csv`) as a file download. The response is read as
 * text through the SDK, then handed to the browser as a Blob.
 */
export function download(filename: string, text: string, type = "text/csv;charset=utf-8"): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
