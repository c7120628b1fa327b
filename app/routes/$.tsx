import type { MetaFunction } from "@remix-run/node";
import { ErrorPage } from "~/components/error-page";
import { pageMeta } from "~/utils/meta";

export async function loader() {
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "errorPage.notFoundTitle");
