import { parseWithZod } from "@conform-to/zod/v4";
import { may } from "~/domain/accounts/permissions";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { DoneNotice } from "~/components/done-notice";
import { ErrorPage } from "~/components/error-page";
import { FormErrors } from "~/components/form";
import { DocumentCodeSchema } from "~/domain/documents/document";
import { allowedRevisionActions } from "~/domain/documents/revision-workflow";
import { RevisionActionSchema } from "~/domain/documents/schema";
import { useI18n } from "~/i18n/i18n-context";
import {
  acknowledgeRevision,
  applyRevisionAction,
  getDocument,
  listAcknowledgements,
  listRequiredReaders,
  recordReview,
} from "~/models/documents.server";
import { requireRole, type SessionUser } from "~/utils/auth.server";
import { businessDateOf } from "~/utils/clock";
import { getDb } from "~/utils/db.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { pageMeta } from "~/utils/meta";
import { rolesFor } from "~/utils/navigation";
import { scrollRegion } from "~/components/scroll-region";

async function load(user: SessionUser, codeParam: string | undefined) {
  const code = DocumentCodeSchema.safeParse(codeParam);
  const detail = code.success ? await getDocument(getDb(), user.unitId, code.data) : null;
  if (!detail) throw new Response("Not found", { status: 404 });
  return detail;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, rolesFor("/staff/documents"));
  const { document, revisions } = await load(user, params.code);
  const today = businessDateOf(new Date());
  const asked = Number(new URL(request.url).searchParams.get("rev"));
  const effective = revisions.find((r) => r.state === "effective") ?? null;
  const shown = revisions.find((r) => r.revision === asked) ?? effective ?? revisions[0];
  if (!shown) throw new Response("Not found", { status: 404 });
  const pending = revisions.find((r) => r.state === "draft" || r.state === "in_review" || r.state === "approved") ?? null;
  const db = getDb();
  const [readers, acks] = effective
    ? await Promise.all([listRequiredReaders(db, user.unitId), listAcknowledgements(db, effective.id)])
    : [[], []];
  const acked = new Map(acks.map((a) => [a.user_id, a.acknowledged_at]));
  return {
    document,
    revisions: revisions.map(({ body_md: _body, ...r }) => r),
    shown: { ...shown, html: renderMarkdown(shown.body_md), body_md: undefined },
    effective: effective && { id: effective.id, revision: effective.revision },
    pending: pending && {
      id: pending.id,
      revision: pending.revision,
      state: pending.state,
      actions: allowedRevisionActions(
        { state: pending.state, changeReason: pending.change_reason, effectiveDate: pending.effective_date },
        user.roles,
        today,
      ).filter((a) => a !== "edit"),
      canEdit: pending.state === "draft" && may(user.roles, "keepQualitySystem"),
      returnedComment: pending.returned_comment,
    },
    canDraft: !pending && may(user.roles, "keepQualitySystem"),
    canReview: may(user.roles, "keepQualitySystem"),
    reviewOverdue: document.next_review_date !== null && document.next_review_date < today,
    today,
    myAck: acked.get(user.id) ?? null,
    canAck: effective !== null && readers.some((r) => r.id === user.id),
    readers: readers.map((r) => ({ name: r.display_name, at: acked.get(r.id) ?? null })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, rolesFor("/staff/documents"));
  const { document, revisions } = await load(user, params.code);
  const submission = parseWithZod(await request.formData(), { schema: RevisionActionSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const value = submission.value;
  if (value.intent === "acknowledge" && !may(user.roles, "acknowledgeDocuments")) {
    throw new Response("Forbidden", { status: 403 });
  }
  const db = getDb();
  const today = businessDateOf(new Date());
  if (value.intent === "review") {
    if (!may(user.roles, "keepQualitySystem")) throw new Response("Forbidden", { status: 403 });
    await recordReview(db, { kind: "user", userId: user.id }, user.unitId, document.id, today);
    return redirect(`/staff/documents/${document.code}?reviewed=1`);
  }
  if (!revisions.some((r) => r.id === value.revisionId)) throw new Response("Not found", { status: 404 });
  const result =
    value.intent === "acknowledge"
      ? await acknowledgeRevision(db, user.id, user.unitId, value.revisionId)
      : await applyRevisionAction(
          db,
          { kind: "user", userId: user.id, name: user.displayName, roles: user.roles },
          user.unitId,
          value.revisionId,
          value.intent,
          { comment: "comment" in value ? value.comment : undefined, effectiveDate: "effectiveDate" in value ? value.effectiveDate : undefined },
          today,
        );
  if (!result.ok) return data(submission.reply({ formErrors: [result.error] }), { status: 409 });
  return redirect(`/staff/documents/${document.code}?done=${value.intent}`);
}

export default function DocumentPage() {
  const data = useLoaderData<typeof loader>();
  const { document: doc, shown, pending, revisions } = data;
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t, formatDate, formatDateTime } = useI18n();
  const missing = data.readers.filter((r) => !r.at);
  return (
    <main id="main" className="page">
      <p>
        <Link to="/staff/documents">← {t("documents.title")}</Link>
      </p>
      <h1>
        {doc.code} – {shown.title}
      </h1>
      {searchParams.has("reviewed") ? (
        <p className="notice" role="status">
          {doc.next_review_date ? t("document.review.done", { date: formatDate(doc.next_review_date) }) : t("document.saved")}
        </p>
      ) : (
        <DoneNotice area="document" />
      )}
      {searchParams.get("imported") === "unchanged" || searchParams.get("imported") === "pending_exists" ? (
        <p className="notice notice--warning" role="status">
          {t(searchParams.get("imported") === "unchanged" ? "document.error.unchanged" : "document.error.pendingExists")}
        </p>
      ) : searchParams.has("imported") ? (
        <p className="notice" role="status">
          {t("document.saved")}
        </p>
      ) : null}
      {lastResult ? <FormErrors id="document-errors" errors={lastResult.error?.[""] ?? undefined} /> : null}

      <dl className="facts document-header">
        <dt>{t("document.header.code")}</dt>
        <dd>{doc.code}</dd>
        <dt>{t("document.header.revision")}</dt>
        <dd>
          {shown.revision} – <span className={`badge badge--rev-${shown.state}`}>{t(`revState.${shown.state}`)}</span>
        </dd>
        <dt>{t("document.header.effectiveDate")}</dt>
        <dd>{shown.effective_date ? formatDate(shown.effective_date) : "—"}</dd>
        <dt>{t("document.header.approved")}</dt>
        <dd>
          {shown.approved_by_name && shown.approved_at
            ? t("document.header.approvedBy", { name: shown.approved_by_name, date: formatDate(shown.approved_at) })
            : "—"}
        </dd>
        <dt>{t("document.header.owner")}</dt>
        <dd>{t(`role.${doc.owner_role}`)}</dd>
        <dt>{t("document.header.iso")}</dt>
        <dd>{doc.isoClauses.join(", ") || "—"}</dd>
        <dt>{t("document.header.related")}</dt>
        <dd>
          {doc.related.length === 0
            ? "—"
            : doc.related.map((code, i) => (
                <span key={code}>
                  {i > 0 ? ", " : ""}
                  <Link to={`/staff/documents/${code}`}>{code}</Link>
                </span>
              ))}
        </dd>
        <dt>{t("document.header.nextReview")}</dt>
        <dd>
          {doc.next_review_date ? formatDate(doc.next_review_date) : "—"}
          {data.reviewOverdue ? <span className="badge badge--warn"> {t("documents.reviewOverdue")}</span> : null}
        </dd>
      </dl>
      <p>
        <a href={`/staff/documents/${doc.code}/revisions/${shown.revision}.pdf`}>{t("document.pdf")}</a>
      </p>

      {pending ? (
        <section className="action-form" aria-labelledby="pending-title">
          <h2 id="pending-title">{t("document.pending", { revision: pending.revision, state: t(`revState.${pending.state}`) })}</h2>
          {pending.returnedComment ? <p className="field-hint">{pending.returnedComment}</p> : null}
          <p>
            <Link to={`/staff/documents/${doc.code}?rev=${pending.revision}`}>{t("document.col.view")}</Link>
            {pending.canEdit ? (
              <>
                {" · "}
                <Link to={`/staff/documents/${doc.code}/draft`}>{t("document.editDraft")}</Link>
              </>
            ) : null}
          </p>
          {pending.actions.map((action) => (
            <Form method="post" key={action} className="stack">
              <input type="hidden" name="intent" value={action} />
              <input type="hidden" name="revisionId" value={pending.id} />
              {action === "return" || action === "approve" ? (
                <div className="field">
                  <label htmlFor={`comment-${action}`}>{t("document.field.comment")}</label>
                  <textarea id={`comment-${action}`} name="comment" rows={2} required={action === "return"} />
                </div>
              ) : null}
              {action === "approve" ? (
                <div className="field">
                  <label htmlFor="effectiveDate">{t("document.field.effectiveDate")}</label>
                  <input id="effectiveDate" name="effectiveDate" type="date" defaultValue={data.today} />
                </div>
              ) : null}
              <button type="submit" className={action === "return" ? "button button--secondary" : "button"}>
                {t(`document.action.${action}`)}
              </button>
            </Form>
          ))}
        </section>
      ) : data.canDraft ? (
        <p>
          <Link to={`/staff/documents/${doc.code}/draft`} className="button">
            {t("document.newRevision")}
          </Link>
        </p>
      ) : null}

      {shown.state !== "effective" ? (
        <p className={shown.state === "obsolete" ? "banner banner--obsolete" : "banner banner--draft"} role="note">
          {shown.state === "obsolete" ? t("document.obsoleteBanner") : t("document.draftBanner")}{" "}
          {data.effective && shown.revision !== data.effective.revision ? (
            <Link to={`/staff/documents/${doc.code}`}>{t("document.viewEffective")}</Link>
          ) : null}
        </p>
      ) : null}
      {/* The text scrolls sideways when a table in it is wider than the window: a named tab stop (WCAG 2.1.1). */}
      <article
        className={`document-body${shown.state === "obsolete" ? " document-body--obsolete" : ""}`}
        tabIndex={0}
        aria-label={`${doc.code} – ${shown.title}`}
        dangerouslySetInnerHTML={{ __html: shown.html }}
      />

      {data.effective ? (
        <section aria-labelledby="ack-title" className="section">
          <h2 id="ack-title">{t("document.ack.title")}</h2>
          {data.myAck ? (
            <p>{t("document.ack.done", { date: formatDate(data.myAck) })}</p>
          ) : data.canAck ? (
            <Form method="post">
              <input type="hidden" name="intent" value="acknowledge" />
              <input type="hidden" name="revisionId" value={data.effective.id} />
              <button type="submit" className="button">
                {t("document.ack.button")}
              </button>
            </Form>
          ) : null}
          <p>{t("document.ack.readBy", { count: data.readers.length - missing.length })}</p>
          {missing.length === 0 ? (
            <p>{t("document.ack.allDone")}</p>
          ) : (
            <>
              <p>{t("document.ack.missing", { count: missing.length })}</p>
              <ul className="ack-missing">
                {missing.map((r) => (
                  <li key={r.name}>{r.name}</li>
                ))}
              </ul>
            </>
          )}
        </section>
      ) : null}

      {data.canReview ? (
        <section aria-labelledby="review-title" className="section">
          <h2 id="review-title">{t("document.review.title")}</h2>
          <Form method="post">
            <input type="hidden" name="intent" value="review" />
            <button type="submit" className="button button--secondary">
              {t("document.review.button")}
            </button>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="history-title" className="section">
        <h2 id="history-title">{t("document.history")}</h2>
        <div className="table-scroll" {...scrollRegion({ labelledBy: "history-title" })}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("document.col.revision")}</th>
                <th scope="col">{t("document.col.state")}</th>
                <th scope="col">{t("document.col.reason")}</th>
                <th scope="col">{t("document.col.effective")}</th>
                <th scope="col">{t("document.col.approvedBy")}</th>
                <th scope="col">{t("document.col.view")}</th>
              </tr>
            </thead>
            <tbody>
              {revisions.map((r) => (
                <tr key={r.id}>
                  <td>{r.revision}</td>
                  <td>{t(`revState.${r.state}`)}</td>
                  <td>{r.change_reason ?? "—"}</td>
                  <td className="nowrap">{r.effective_date ? formatDate(r.effective_date) : "—"}</td>
                  <td>{r.approved_by_name && r.approved_at ? `${r.approved_by_name} (${formatDateTime(r.approved_at)})` : "—"}</td>
                  <td>
                    <Link to={`/staff/documents/${doc.code}?rev=${r.revision}`}>{t("document.col.view")}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {revisions.length > 1 ? (
          <Form method="get" action={`/staff/documents/${doc.code}/compare`} className="inline-filters">
            <div className="field">
              <label htmlFor="compare-a">{t("document.compareFrom")}</label>
              <select id="compare-a" name="a" defaultValue={revisions[1]?.revision}>
                {revisions.map((r) => (
                  <option key={r.id} value={r.revision}>
                    {r.revision}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="compare-b">{t("document.compareTo")}</label>
              <select id="compare-b" name="b" defaultValue={revisions[0]?.revision}>
                {revisions.map((r) => (
                  <option key={r.id} value={r.revision}>
                    {r.revision}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button button--secondary">
              {t("document.compareSubmit")}
            </button>
          </Form>
        ) : null}
      </section>
    </main>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  data ? [{ title: `${data.document.code} – ${data.shown.title}` }] : pageMeta(matches, "documents.title");

export function ErrorBoundary() {
  return <ErrorPage />;
}
