/**
 * The check-in page's offline queue: the SDK's `OfflineQueue`, kept in this
 * browser's IndexedDB (idb-keyval), so events recorded without a network
 * survive a reload. It holds only the events themselves (ids, kind, time) —
 * no names or other personal data.
 */
import { OfflineQueue, type QueueStore, type SyncEvent } from "@huigui/client";
import { createStore, get, set } from "idb-keyval";
import { hg } from ".";

const db = createStore("huigui", "checkin-queue");
const KEY = "events";

const indexedDbStore: QueueStore = {
  load: async () => (await get<SyncEvent[]>(KEY, db)) ?? [],
  save: (events) => set(KEY, events, db),
};

export const checkinQueue = new OfflineQueue(hg, indexedDbStore);

/** A failed fetch (no network), as opposed to an answer from the server. */
export function isNetworkFailure(err: unknown): boolean {
  return err instanceof TypeError;
}
