import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { CHANNELS } from "~/domain/dossiers/channels";
import { DOSSIER_STATES } from "~/domain/dossiers/lifecycle";
import { formatDateTime, translator, type Language } from "~/i18n";
import { sentAndBack } from "~/domain/dossiers/tracking-book";
import { streamRegister, type RegisterQuery } from "~/models/dossier-register.server";
import { unitNamesOf } from "~/models/tracking-book.server";
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
    // The lead agency is the unit as named on the day the dossier was received (issue 14, 17).
    const leadAgency = await unitNamesOf(db, query.unitId);
    yield [
      "#",
      t("register.col.code"),
      t("register.col.procedure"),
      t("register.col.applicant"),
      t("register.col.address"),
      t("register.col.leadAgency"),
      t("register.col.channel"),
      t("register.col.received"),
      t("register.col.due"),
      t("register.col.sentTo"),
      t("register.col.sentAt"),
      t("register.col.resultBack"),
      t("register.col.finished"),
      t("register.col.returned"),
      t("register.col.state"),
      t("register.col.outcome"),
      t("register.col.notes"),
    ];
    let n = 0;
    for await (const r of rows) {
      n += 1;
      const steps = sentAndBack({
        assignedAt: r.assigned_at,
        transferAgency: r.transfer_agency,
        transferAt: r.transfer_at,
        transferBackAt: r.transfer_back_at,
        finishedAt: r.finished_at,
      });
      const lead = leadAgency(r.received_date);
      yield [
        n,
        r.code,
        r.procedure_name,
        r.applicant_name,
        [r.applicant_address, r.applicant_phone].filter(Boolean).join(" – "),
        lead,
        channel.get(r.channel),
        date(r.received_at),
        date(r.appointment_at ?? r.due_at),
        steps.sentTo ? (steps.sentTo.agency ?? lead) : "",
        date(steps.sentTo?.at ?? null),
        date(steps.resultBackAt),
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
