import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { diffBlocks, diffRevisions } from "~/domain/documents/diff";
import { DocumentCodeSchema } from "~/domain/documents/document";
import { CompareSchema } from "~/domain/documents/schema";
import { useI18n } from "~/i18n/i18n-context";
import { getDocument } from "~/models/documents.server";
import { requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { renderDiffBlock } from "~/utils/markdown.server";
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
  return {
    code: detail.document.code,
    a: a.revision,
    b: b.revision,
    blocks: diffBlocks(before, after).map(renderDiffBlock),
    parts: diffRevisions(before, after),
  };
}

export default function Compare() {
  const { code, a, b, blocks, parts } = useLoaderData<typeof loader>();
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
        <>
          <p className="diff-legend">
            <del className="diff-removed">{t("document.diffRemoved")}</del> <ins className="diff-added">{t("document.diffAdded")}</ins>
          </p>
          <section className="diff-rendered markdown" aria-label={t("document.diffRendered")} tabIndex={0}>
            {blocks.map((block, i) =>
              block.kind === "added" ? (
                <ins key={i} className="diff-block diff-block--added" dangerouslySetInnerHTML={{ __html: block.html }} />
              ) : block.kind === "removed" ? (
                <del key={i} className="diff-block diff-block--removed" dangerouslySetInnerHTML={{ __html: block.html }} />
              ) : (
                <div key={i} className={`diff-block diff-block--${block.kind}`} dangerouslySetInnerHTML={{ __html: block.html }} />
              ),
            )}
          </section>
          <details className="diff-source">
            <summary>{t("document.diffSource")}</summary>
            <div className="diff">
              {parts.map((part, i) =>
                part.kind === "same" ? (
                  <span key={i}>{part.text}</span>
                ) : part.kind === "added" ? (
                  <ins key={i} className="diff-added">
                    {part.text}
                  </ins>
                ) : (
                  <del key={i} className="diff-removed">
                    {part.text}
                  </del>
                ),
              )}
            </div>
          </details>
        </>
      )}
    </main>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "document.compare");

export function ErrorBoundary() {
  return <ErrorPage />;
}
