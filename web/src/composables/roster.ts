/** A session's enrolled people as the session page and the check-in page show them. */
import { ref } from "vue";
import { api, pages, unwrapJson, type Schemas } from "../api";

export function useRoster(sessionId: string) {
  const rows = ref<Schemas["Enrollment"][]>([]);
  const people = ref(new Map<string, Schemas["Participant"]>());

  /** The person's name as the API shows it to this role (a minor: the code). */
  const name = (participantId: string): string => {
    const p = people.value.get(participantId);
    return p?.name ?? p?.code ?? participantId.slice(0, 8);
  };

  /** Every attendance row of the session, and the people not yet known (each read once). */
  async function loadAttendance(): Promise<void> {
    const all: Schemas["Enrollment"][] = [];
    for await (const e of pages((cursor) =>
      api.GET("/api/v1/sessions/{id}/attendance", { params: { path: { id: sessionId }, query: { cursor, limit: 200 } } }),
    )) {
      all.push(e);
    }
    rows.value = all;
    await Promise.all(
      all
        .filter((e) => !people.value.has(e.participant_id))
        .map(async (e) => {
          const p = await api.GET("/api/v1/participants/{id}", { params: { path: { id: e.participant_id } } });
          if (p.data) people.value.set(e.participant_id, unwrapJson(p));
        }),
    );
  }

  return { rows, people, name, loadAttendance };
}
