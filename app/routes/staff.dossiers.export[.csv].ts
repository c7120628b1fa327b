import type { LoaderFunctionArgs } from "@remix-run/node";
import { CHANNELS } from "~/domain/dossiers/channels";
import { DOSSIER_STATES } from "~/domain/dossiers/lifecycle";
import { RegisterFilterSchema } from "~/domain/dossiers/register-filter";
import { formatDateTime, translator } from "~/i18n";
import { getLanguage } from "~/i18n/language.server";
import { streamRegister } from "~/models/dossier-register.server";
import { requireRole } from "~/utils/auth.server";
import { csvStreamResponse, type CsvValues } from "~/utils/csv";
import { getDb } from "~/utils/db.server";
import { rolesFor } from "~/utils/navigation";

/** The tracking book (sổ theo dõi hồ sơ) as CSV, with the register's filters. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, rolesFor("/staff/dossiers"));
  const parsed = RegisterFilterSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    return Response.json({ errors: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) }, { status: 400 });
  }
  const language = await getLanguage(request);
  const t = translator(language);
  const { after: _after, ...filter } = parsed.data;
  const rows = streamRegister(getDb(), { ...filter, unitId: user.unitId, now: new Date() });
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
