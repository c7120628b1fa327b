import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { diffRevisions } from "~/domain/documents/diff";
import { DocumentCodeSchema } from "~/domain/documents/document";
import { CompareSchema } from "~/domain/documents/schema";
import { useI18n } from "~/i18n/i18n-context";
import { getDocument } from "~/models/documents.server";
import { requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";
import { rolesFor } from "~/utils/navigation";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, rolesFor("/staff/documents"));
  const code = DocumentCodeSchema.safeParse(params.code);
  const query = CompareSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const detail = code.success ? await getDocument(getDb(), user.unitId, code.data) : null;
  if (!detail) throw new Response("Not found", { status: 404 });
  if (!query.success) throw new Response("Bad request", { status: 400 });
  const a = detail.revisions.find((r) => r.revision === query.data.a);
  const b = detail.revisions.find((r) => r.revision === query.data.b);
  if (!a || !b) throw new Response("Not found", { status: 404 });
  const before = `# ${a.title}\n\n${a.body_md}`;
  const after = `# ${b.title}\n\n${b.body_md}`;
  return { code: detail.document.code, a: a.revision, b: b.revision, parts: diffRevisions(before, after) };
}

export default function Compare() {
  const { code, a, b, parts } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const changed = parts.some((p) => p.kind !== "same");
  return (
    <main id="main" className="page">
      <p>
        <Link to={`/staff/documents/${code}`}>← {code}</Link>
      </p>
      <h1>{t("document.compareTitle", { a, b })}</h1>
      {!changed ? (
        <p>{t("document.noDifferences")}</p>
      ) : (
        <div className="diff" role="document">
          {parts.map((part, i) =>
            part.kind === "same" ? (
              <span key={i}>{part.text}</span>
            ) : part.kind === "added" ? (
              <ins key={i} className="diff-added" title={t("document.diffAdded")}>
                {part.text}
              </ins>
            ) : (
              <del key={i} className="diff-removed" title={t("document.diffRemoved")}>
                {part.text}
              </del>
            ),
          )}
        </div>
      )}
    </main>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "document.compare");

export function ErrorBoundary() {
  return <ErrorPage />;
}
