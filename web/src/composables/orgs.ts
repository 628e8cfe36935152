/** Names of the organisations this role may see, read once per login (`GET /organizations`). */
import { reactive } from "vue";
import { api, pages, type Schemas } from "../api";

const known = reactive(new Map<string, Schemas["Organization"]>());
let loading: Promise<void> | undefined;

export function loadOrgs(force = false): Promise<void> {
  if (!loading || force) {
    loading = (async () => {
      for await (const o of pages((cursor) =>
        api.GET("/api/v1/organizations", { params: { query: { cursor, limit: 200 } } }),
      )) {
        known.set(o.id, o);
      }
    })().catch(() => {
      loading = undefined;
    });
  }
  return loading;
}

export function forgetOrgs(): void {
  known.clear();
  loading = undefined;
}

export function orgName(id: string | null | undefined): string {
  if (!id) return "";
  return known.get(id)?.name ?? id.slice(0, 8);
}

export function orgsOfKind(kind: Schemas["OrganizationKind"]): Schemas["Organization"][] {
  return [...known.values()].filter((o) => o.kind === kind);
}

export function allOrgs(): Schemas["Organization"][] {
  return [...known.values()];
}
