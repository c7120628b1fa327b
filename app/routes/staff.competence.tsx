import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorPage } from "~/components/error-page";
import { FormFold } from "~/components/form-fold";
import { FieldErrors, FormErrors } from "~/components/form";
import { may, rolesTo } from "~/domain/accounts/permissions";
import { CompetenceSchema, PlanItemSchema, TrainingRecordSchema } from "~/domain/competence/competence";
import { MAX_ATTACHMENT_BYTES, sniffAttachmentType } from "~/domain/feedback/attachments";
import type { MessageKey } from "~/i18n";
import { useI18n } from "~/i18n/i18n-context";
import {
  addPlanItem,
  getCompetenceMatrix,
  listCompetences,
  listTrainingPlan,
  listTrainingRecords,
  markAttendance,
  recordTraining,
  saveCompetence,
  type TrainingEvidenceFile,
} from "~/models/competence.server";
import { requireRole } from "~/utils/auth.server";
import { businessDateOf } from "~/utils/clock";
import { getDb } from "~/utils/db.server";
import { readForm } from "~/utils/form-body.server";
import { pageMeta } from "~/utils/meta";
import { rolesFor } from "~/utils/navigation";
import { removeUploads, storeUpload } from "~/utils/uploads.server";
import isoStyles from "~/styles/iso.css?url";
import { scrollRegion } from "~/components/scroll-region";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, rolesFor("/staff/competence"));
  const db = getDb();
  const today = businessDateOf(new Date());
  const year = z.coerce.number().int().min(2000).max(2100).catch(Number(today.slice(0, 4))).parse(new URL(request.url).searchParams.get("year") ?? today.slice(0, 4));
  const [competences, matrix, records, plan] = await Promise.all([
    listCompetences(db, user.unitId),
    getCompetenceMatrix(db, user.unitId, today),
    listTrainingRecords(db, user.unitId),
    listTrainingPlan(db, user.unitId, year),
  ]);
  return { competences, matrix, records, plan, year, today, canEdit: may(user.roles, "keepCompetence") };
}

type Reply = { intent: string; fieldErrors: Record<string, string[] | null | undefined>; formErrors: string[] };
const fail = (intent: string, fieldErrors: Reply["fieldErrors"], formErrors: string[] = []) => data<Reply>({ intent, fieldErrors, formErrors }, { status: 400 });
const errorsOf = (errors: ReadonlyArray<{ field: string; key: string }>) => {
  const out: Record<string, string[]> = {};
  for (const e of errors) out[e.field] = [...(out[e.field] ?? []), e.key];
  return out;
};

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, rolesTo("keepCompetence"));
  const read = await readForm(request, { maxBytes: MAX_ATTACHMENT_BYTES + 64 * 1024, maxFileBytes: MAX_ATTACHMENT_BYTES });
  if (!read.ok) return fail("record", { evidenceFile: ["competence.error.badFile"] });
  const form = read.formData;
  const intent = String(form.get("intent") ?? "");
  const db = getDb();
  const actor = { kind: "user", userId: user.id } as const;
  if (intent === "competence") {
    const s = parseWithZod(form, { schema: CompetenceSchema });
    if (s.status !== "success") return fail(intent, s.reply().error ?? {});
    await saveCompetence(db, actor, user.unitId, s.value);
    return redirect("/staff/competence?saved=competence");
  }
  if (intent === "record") {
    const s = parseWithZod(form, { schema: TrainingRecordSchema });
    if (s.status !== "success") return fail(intent, s.reply().error ?? {});
    let file: TrainingEvidenceFile | null = null;
    const upload = form.get("evidenceFile");
    if (upload && typeof upload !== "string" && upload.size > 0) {
      const bytes = new Uint8Array(await upload.arrayBuffer());
      const type = sniffAttachmentType(bytes);
      if (!type) return fail(intent, { evidenceFile: ["competence.error.badFile"] });
      const stored = await storeUpload(bytes, type.extension);
      file = { storedName: stored.storedName, sha256: stored.sha256, mime: type.mime, originalName: upload.name.slice(0, 200) || `evidence.${type.extension}` };
    }
    const result = await recordTraining(db, actor, user.unitId, s.value, file);
    if (!result.ok) {
      if (file) await removeUploads([file.storedName]);
      return fail(intent, errorsOf(result.errors));
    }
    return redirect("/staff/competence?saved=record");
  }
  if (intent === "plan") {
    const s = parseWithZod(form, { schema: PlanItemSchema });
    if (s.status !== "success") return fail(intent, s.reply().error ?? {});
    const attendees = form.getAll("attendeeIds").map(Number).filter((n) => Number.isInteger(n) && n > 0);
    await addPlanItem(db, actor, user.unitId, s.value, attendees);
    return redirect(`/staff/competence?year=${s.value.year}&saved=plan`);
  }
  if (intent === "attendance") {
    const itemId = Number(form.get("planItemId"));
    const attended = form.getAll("attended").map(Number).filter((n) => Number.isInteger(n) && n > 0);
    if (!Number.isInteger(itemId) || !(await markAttendance(db, actor, user.unitId, itemId, attended))) return fail(intent, {}, ["competence.error.unknownCompetence"]);
    return redirect("/staff/competence?saved=attendance");
  }
  return fail(intent, {}, ["error.invalid"]);
}

export default function CompetencePage() {
  const { competences, matrix, records, plan, year, today, canEdit } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t, formatDate } = useI18n();
  const input = (intent: string, name: string, label: MessageKey, type = "text", extra?: Record<string, unknown>) => {
    const id = `${intent}-${name}`;
    const errors = reply?.intent === intent ? (reply.fieldErrors[name] ?? undefined) : undefined;
    return (
      <div className={errors?.length ? "field field--invalid" : "field"}>
        <label htmlFor={id}>{t(label)}</label>
        {type === "textarea" ? (
          <textarea id={id} name={name} rows={3} aria-describedby={errors?.length ? `${id}-error` : undefined} aria-invalid={errors?.length ? true : undefined} />
        ) : (
          <input id={id} name={name} type={type} aria-describedby={errors?.length ? `${id}-error` : undefined} aria-invalid={errors?.length ? true : undefined} {...extra} />
        )}
        <FieldErrors id={`${id}-error`} errors={errors ?? undefined} />
      </div>
    );
  };
  const select = (intent: string, name: string, label: MessageKey, options: Array<{ value: string | number; label: string }>, blank = false) => {
    const id = `${intent}-${name}`;
    const errors = reply?.intent === intent ? (reply.fieldErrors[name] ?? undefined) : undefined;
    return (
      <div className={errors?.length ? "field field--invalid" : "field"}>
        <label htmlFor={id}>{t(label)}</label>
        <select id={id} name={name}>
          {blank ? <option value="">—</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        <FieldErrors id={`${id}-error`} errors={errors ?? undefined} />
      </div>
    );
  };
  const people = matrix.rows.map((r) => ({ value: r.userId, label: r.name }));
  const comps = competences.map((c) => ({ value: c.id, label: `${c.code} · ${c.title}` }));
  return (
    <main id="main" className="page">
      <h1>{t("competence.title")}</h1>
      <p>{t("competence.intro")}</p>

      <section aria-labelledby="matrix-title">
        <h2 id="matrix-title">{t("competence.matrix")}</h2>
        <div className="matrix-scroll" {...scrollRegion({ labelledBy: "matrix-title" })} data-testid="matrix-scroll">
          <table className="matrix" data-testid="matrix">
            <thead>
              <tr>
                <th scope="col">{t("competence.record.user")}</th>
                {matrix.competences.map((c) => (
                  <th scope="col" key={c.id} title={c.title}>
                    {c.code}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {matrix.rows.map((r) => (
                <tr key={r.userId}>
                  <th scope="row">{r.name}</th>
                  {r.cells.map((c) => {
                    const shown = c.required || c.status !== "missing" ? c.status : null;
                    return (
                      <td key={c.competenceId} className={shown ? `status-${shown}` : undefined} data-status={shown ?? "not-required"}>
                        {shown ? t(`competence.status.${shown}`) : <span className="muted">{t("competence.status.notRequired")}</span>}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="required-title">
        <h2 id="required-title">{t("competence.required")}</h2>
        <div className="table-scroll" {...scrollRegion({ labelledBy: "required-title" })}>
          <table className="iso-table">
            <thead>
              <tr>
                <th scope="col">{t("competence.field.code")}</th>
                <th scope="col">{t("competence.field.title")}</th>
                <th scope="col">{t("competence.field.validityMonths")}</th>
                <th scope="col">{t("competence.field.requiredFor")}</th>
              </tr>
            </thead>
            <tbody>
              {competences.map((c) => (
                <tr key={c.id}>
                  <td className="nowrap">{c.code}</td>
                  <td>{c.title}</td>
                  <td>{c.validity_months ?? "—"}</td>
                  <td>{c.requiredFor.map((r) => `${r.kind}:${r.code}`).join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {canEdit ? (
          <FormFold summary={t("competence.edit")} open={reply?.intent === "competence"}>
            <Form method="post" className="stack" aria-label={t("competence.save")}>
              <input type="hidden" name="intent" value="competence" />
              {input("competence", "code", "competence.field.code", "text", { placeholder: "NL-HT" })}
              {input("competence", "title", "competence.field.title")}
              {input("competence", "validityMonths", "competence.field.validityMonths", "number", { min: 1 })}
              {input("competence", "requiredFor", "competence.field.requiredFor", "textarea")}
              <button type="submit" className="button">
                {t("competence.save")}
              </button>
            </Form>
          </FormFold>
        ) : null}
      </section>

      <section aria-labelledby="records-title">
        <h2 id="records-title">{t("competence.records")}</h2>
        <div className="table-scroll" {...scrollRegion({ labelledBy: "records-title" })}>
          <table className="iso-table" data-testid="records">
            <thead>
              <tr>
                <th scope="col">{t("competence.record.user")}</th>
                <th scope="col">{t("competence.record.competence")}</th>
                <th scope="col">{t("competence.record.course")}</th>
                <th scope="col">{t("competence.record.provider")}</th>
                <th scope="col">{t("competence.record.endDate")}</th>
                <th scope="col">{t("competence.record.hours")}</th>
                <th scope="col">{t("competence.record.expiresOn")}</th>
                <th scope="col">{t("competence.record.evidence")}</th>
              </tr>
            </thead>
            <tbody>
              {records.map((r) => (
                <tr key={r.id}>
                  <td>{r.user_name}</td>
                  <td className="nowrap">{r.competence_code ?? "—"}</td>
                  <td>{r.course}</td>
                  <td>{r.provider}</td>
                  <td className="nowrap">{formatDate(r.end_date)}</td>
                  <td>{r.hours ?? ""}</td>
                  <td className="nowrap">{r.expires_on ? formatDate(r.expires_on) : "—"}</td>
                  <td>{r.evidence_document_code ?? r.evidence_original_name ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {canEdit ? (
          <FormFold summary={t("competence.record.add")} open={reply?.intent === "record"}>
            <Form method="post" encType="multipart/form-data" className="stack" aria-label={t("competence.record.add")}>
              <input type="hidden" name="intent" value="record" />
              <FormErrors id="record-form-error" errors={reply?.intent === "record" ? reply.formErrors : undefined} />
              {select("record", "userId", "competence.record.user", people)}
              {select("record", "competenceId", "competence.record.competence", comps, true)}
              {input("record", "course", "competence.record.course")}
              {input("record", "provider", "competence.record.provider")}
              {input("record", "startDate", "competence.record.startDate", "date", { defaultValue: today })}
              {input("record", "endDate", "competence.record.endDate", "date", { defaultValue: today })}
              {input("record", "hours", "competence.record.hours", "number", { min: 0, step: "0.5" })}
              {input("record", "expiresOn", "competence.record.expiresOn", "date")}
              {input("record", "evidenceDocumentCode", "competence.record.evidenceDocument")}
              {input("record", "evidenceFile", "competence.record.evidenceFile", "file", { accept: "application/pdf,image/jpeg,image/png,image/webp" })}
              <button type="submit" className="button">
                {t("competence.record.add")}
              </button>
            </Form>
          </FormFold>
        ) : null}
      </section>

      <section aria-labelledby="plan-title">
        <h2 id="plan-title">{t("competence.plan", { year: String(year) })}</h2>
        {plan.map((item) => (
          <div key={item.id} className="card">
            <h3>
              {formatDate(item.planned_date)} · {item.course} ({item.provider}){item.competence_code ? ` · ${item.competence_code}` : ""}
            </h3>
            <Form method="post" className="stack">
              <input type="hidden" name="intent" value="attendance" />
              <input type="hidden" name="planItemId" value={item.id} />
              <fieldset>
                <legend>{t("competence.plan.attendees")}</legend>
                {item.attendees.map((a) => (
                  <label key={a.userId} className="checkbox">
                    <input type="checkbox" name="attended" value={a.userId} defaultChecked={a.attended === 1} disabled={!canEdit} />
                    {a.name} — {a.attended === null ? "…" : a.attended ? t("competence.plan.attended") : t("competence.plan.absent")}
                  </label>
                ))}
              </fieldset>
              {canEdit ? (
                <button type="submit" className="button button--secondary">
                  {t("competence.plan.mark")}
                </button>
              ) : null}
            </Form>
          </div>
        ))}
        {canEdit ? (
          <FormFold summary={t("competence.plan.add")} open={reply?.intent === "plan"}>
            <Form method="post" className="stack" aria-label={t("competence.plan.add")}>
              <input type="hidden" name="intent" value="plan" />
              <input type="hidden" name="year" value={year} />
              {select("plan", "competenceId", "competence.record.competence", comps, true)}
              {input("plan", "course", "competence.record.course")}
              {input("plan", "provider", "competence.record.provider")}
              {input("plan", "plannedDate", "competence.plan.plannedDate", "date")}
              {input("plan", "hours", "competence.record.hours", "number", { min: 0 })}
              <fieldset>
                <legend>{t("competence.plan.invite")}</legend>
                {people.map((p) => (
                  <label key={p.value} className="checkbox">
                    <input type="checkbox" name="attendeeIds" value={p.value} />
                    {p.label}
                  </label>
                ))}
              </fieldset>
              <button type="submit" className="button">
                {t("competence.plan.add")}
              </button>
            </Form>
          </FormFold>
        ) : null}
      </section>
    </main>
  );
}

export const links: LinksFunction = () => [{ rel: "stylesheet", href: isoStyles }];
export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "competence.title");

export function ErrorBoundary() {
  return <ErrorPage />;
}
