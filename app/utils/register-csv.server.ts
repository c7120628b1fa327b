import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { CHANNELS } from "~/domain/dossiers/channels";
import { DOSSIER_STATES } from "~/domain/dossiers/lifecycle";
import { formatDateTime, translator, type Language } from "~/i18n";
import { streamRegister, type RegisterQuery } from "~/models/dossier-register.server";
import { csvStreamResponse, type CsvValues } from "~/utils/csv";

/** The tracking book (sổ theo dõi hồ sơ) as a streamed CSV download: the route's answer, and what bench/run.ts times. */
export function registerCsvResponse(db: Kysely<Database>, query: Omit<RegisterQuery, "afterId" | "limit">, language: Language): Response {
  const t = translator(language);
  const rows = streamRegister(db, query);
  const date = (v: string | null) => (v ? formatDateTime(v, language) : "");
  // Labels looked up once, not per row.
  const channel = new Map(CHANNELS.map((c) => [c, t(`channel.${c}`)]));
  const state = new Map(DOSSIER_STATES.map((s) => [s, t(`dossier.state.${s}`)]));
  async function* records(): AsyncGenerator<CsvValues> {
    yield [
      "#",
      t("register.col.code"),
      t("register.col.procedure"),
      t("register.col.applicant"),
      t("register.col.address"),
      t("register.col.channel"),
      t("register.col.received"),
      t("register.col.due"),
      t("register.col.finished"),
      t("register.col.returned"),
      t("register.col.state"),
      t("register.col.outcome"),
      t("register.col.notes"),
    ];
    let n = 0;
    for await (const r of rows) {
      n += 1;
      yield [
        n,
        r.code,
        r.procedure_name,
        r.applicant_name,
        [r.applicant_address, r.applicant_phone].filter(Boolean).join(" – "),
        channel.get(r.channel),
        date(r.received_at),
        date(r.appointment_at ?? r.due_at),
        date(r.finished_at),
        date(r.returned_at),
        state.get(r.state),
        r.outcome ? t(`outcome.${r.outcome}`) : "",
        r.closed_reason ?? "",
      ];
    }
  }
  return csvStreamResponse(`so-theo-doi-ho-so.csv`, records());
}
