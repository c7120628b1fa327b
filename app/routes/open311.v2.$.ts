import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseOpen311Target } from "~/domain/feedback/open311";
import { open311ErrorResponse } from "~/models/open311.server";

/** Any other path under the endpoint: a 404 in the format its suffix asks for (XML otherwise). */
export async function loader({ params }: LoaderFunctionArgs) {
  const last = (params["*"] ?? "").split("/").pop();
  const { format } = parseOpen311Target(last);
  return open311ErrorResponse(format, [{ code: 404, description: "Không có tài nguyên này trong GeoReport v2." }]);
}

export const action = loader;
