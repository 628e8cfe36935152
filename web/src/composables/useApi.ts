/** The two shapes every screen needs: a cursor-paged list, and a submit that shows problems. */
import { ref, type Ref } from "vue";
import { asProblem, unwrap, type Schemas } from "../api";

type Problem = Schemas["Problem"];
type PageResult<T> = { data?: { items: T[]; next_cursor?: string | null }; error?: unknown; response: Response };

/** A list read page by page ("load more"), as the API's cursors give it. */
export function usePaged<T>(fetchPage: (cursor: string | undefined) => Promise<PageResult<T>>) {
  const items = ref([]) as Ref<T[]>;
  const next = ref<string | undefined>();
  const loading = ref(false);
  const problem = ref<Problem | null>(null);
  let generation = 0;

  async function load(cursor: string | undefined, replace: boolean): Promise<void> {
    const mine = ++generation;
    loading.value = true;
    problem.value = null;
    try {
      const page = unwrap(await fetchPage(cursor));
      if (mine !== generation) return; // a newer reload won
      items.value = replace ? page.items : [...items.value, ...page.items];
      next.value = page.next_cursor ?? undefined;
    } catch (err) {
      if (mine === generation) problem.value = asProblem(err);
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  return {
    items,
    next,
    loading,
    problem,
    reload: () => load(undefined, true),
    more: () => load(next.value, false),
  };
}

/** Runs one API call for a form or an action; its problem and field errors are kept for display. */
export function useSubmit() {
  const busy = ref(false);
  const problem = ref<Problem | null>(null);
  const fieldErrors = ref<Record<string, string>>({});

  async function run<R>(call: () => Promise<R>): Promise<R | undefined> {
    busy.value = true;
    problem.value = null;
    fieldErrors.value = {};
    try {
      return await call();
    } catch (err) {
      const p = asProblem(err);
      problem.value = p;
      fieldErrors.value = Object.fromEntries(p.errors.map((e) => [e.field, e.message]));
      return undefined;
    } finally {
      busy.value = false;
    }
  }

  function clear(): void {
    problem.value = null;
    fieldErrors.value = {};
  }

  return { busy, problem, fieldErrors, run, clear };
}
