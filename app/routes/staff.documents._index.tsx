import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { isMessageKey } from "~/i18n/messages";
import { importUploadedDocument } from "~/models/document-import.server";
import { ErrorPage } from "~/components/error-page";
import { DOCUMENT_ROLES, DOCUMENT_TYPES } from "~/domain/documents/document";
import { DocumentFilterSchema } from "~/domain/documents/schema";
import { useI18n } from "~/i18n/i18n-context";
import { listDocuments } from "~/models/documents.server";
import { requireRole } from "~/utils/auth.server";
import { businessDateOf } from "~/utils/clock";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";
import { rolesFor } from "~/utils/navigation";
import { may, rolesTo } from "~/domain/accounts/permissions";
import { readForm } from "~/utils/form-body.server";
import { scrollRegion } from "~/components/scroll-region";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, rolesFor("/staff/documents"));
  const filter = DocumentFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const today = businessDateOf(new Date());
  return { filter, today, documents: await listDocuments(getDb(), user.unitId, filter, today), canUpload: may(user.roles, "keepQualitySystem") };
}

const MAX_DOCUMENT_BYTES = 512 * 1024;

/** The quality lead uploads a Markdown file: a new document, or a new draft of an existing one. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, rolesTo("keepQualitySystem"));
  const read = await readForm(request, { maxBytes: MAX_DOCUMENT_BYTES + 64 * 1024, maxFileBytes: MAX_DOCUMENT_BYTES });
  if (!read.ok) {
    return read.reason === "malformed"
      ? data({ issues: [{ field: "file", message: "error.malformedForm" }] }, { status: 400 })
      : data({ issues: [{ field: "file", message: "error.tooLong" }] }, { status: 413 });
  }
  const file = read.formData.get("file");
  if (!file || typeof file === "string" || file.size === 0 || !file.name.toLowerCase().endsWith(".md")) {
    return data({ issues: [{ field: "file", message: "error.markdownFile" }] }, { status: 400 });
  }
  const text = new TextDecoder("utf-8", { fatal: false }).decode(await file.arrayBuffer());
  const result = await importUploadedDocument(getDb(), { kind: "user", userId: user.id }, user.unitId, file.name.slice(0, 200), text);
  if (!result.ok) return data({ issues: result.issues }, { status: 400 });
  return redirect(`/staff/documents/${result.code}?imported=${result.outcome}`);
}

export default function Documents() {
  const { filter, today, documents, canUpload } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t, formatDate } = useI18n();
  const translate = (message: string) => {
    const [key, detail] = message.split(": ");
    return key && isMessageKey(key) ? `${t(key)}${detail ? ` (${detail})` : ""}` : message;
  };
  return (
    <main id="main" className="page">
      <h1>{t("documents.title")}</h1>
      <Form method="get" className="filters">
        <div className="field">
          <label htmlFor="type">{t("documents.filter.type")}</label>
          <select id="type" name="type" defaultValue={filter.type ?? ""}>
            <option value="">{t("register.filter.all")}</option>
            {DOCUMENT_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`docType.${type}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="state">{t("documents.filter.state")}</label>
          <select id="state" name="state" defaultValue={filter.state ?? ""}>
            <option value="">{t("register.filter.all")}</option>
            <option value="effective">{t("revState.effective")}</option>
            <option value="pending">{t("documents.filter.pending")}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="owner">{t("documents.filter.owner")}</label>
          <select id="owner" name="owner" defaultValue={filter.owner ?? ""}>
            <option value="">{t("register.filter.all")}</option>
            {DOCUMENT_ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`role.${role}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="review">{t("documents.filter.review")}</label>
          <select id="review" name="review" defaultValue={filter.review ?? ""}>
            <option value="">{t("register.filter.all")}</option>
            <option value="overdue">{t("documents.filter.reviewOverdue")}</option>
            <option value="soon">{t("documents.filter.reviewSoon")}</option>
          </select>
        </div>
        <div className="filters__actions">
          <button type="submit" className="button">
            {t("register.apply")}
          </button>
          <Link to="/staff/documents">{t("register.clear")}</Link>
        </div>
      </Form>
      {canUpload ? (
        <Form method="post" encType="multipart/form-data" className="inline-filters">
          <div className="field">
            <label htmlFor="document-file">{t("documents.upload")}</label>
            <input id="document-file" name="file" type="file" accept=".md,text/markdown" required aria-describedby={reply?.issues ? "upload-errors" : undefined} />
          </div>
          <button type="submit" className="button button--secondary">
            {t("documents.uploadSubmit")}
          </button>
        </Form>
      ) : null}
      {reply?.issues ? (
        <ul id="upload-errors" className="field-errors" role="alert">
          {reply.issues.map((issue, i) => (
            <li key={i}>
              {issue.field}: {translate(issue.message)}
            </li>
          ))}
        </ul>
      ) : null}
      <p role="status">{t("documents.count", { count: documents.length })}</p>
      {documents.length === 0 ? (
        <p>{t("documents.none")}</p>
      ) : (
        <div className="table-scroll" {...scrollRegion({ label: t("documents.title") })}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("documents.col.code")}</th>
                <th scope="col">{t("documents.col.title")}</th>
                <th scope="col">{t("documents.col.type")}</th>
                <th scope="col">{t("documents.col.revision")}</th>
                <th scope="col">{t("documents.col.effectiveDate")}</th>
                <th scope="col">{t("documents.col.owner")}</th>
                <th scope="col">{t("documents.col.nextReview")}</th>
                <th scope="col">{t("documents.col.pending")}</th>
              </tr>
            </thead>
            <tbody>
              {documents.map((d) => (
                <tr key={d.id}>
                  <td className="nowrap">
                    <Link to={`/staff/documents/${d.code}`}>{d.code}</Link>
                  </td>
                  <td>{d.title}</td>
                  <td>{t(`docType.${d.type}`)}</td>
                  <td>{d.effective_revision ?? "—"}</td>
                  <td className="nowrap">{d.effective_date ? formatDate(d.effective_date) : "—"}</td>
                  <td>{t(`role.${d.owner_role}`)}</td>
                  <td className="nowrap">
                    {d.next_review_date ? formatDate(d.next_review_date) : "—"}
                    {d.next_review_date && d.next_review_date < today ? (
                      <span className="badge badge--warn"> {t("documents.reviewOverdue")}</span>
                    ) : null}
                  </td>
                  <td>{d.pending_state ? `${d.pending_revision} – ${t(`revState.${d.pending_state}`)}` : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "documents.title");

export function ErrorBoundary() {
  return <ErrorPage />;
}
