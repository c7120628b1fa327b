import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseOpen311Target } from "~/domain/feedback/open311";
import { open311ErrorResponse } from "~/models/open311.server";

/** `GET /open311/v2/tokens/{token}.{xml|json}`: every service is realtime, so no token is ever issued. */
export async function loader({ params }: LoaderFunctionArgs) {
  const target = parseOpen311Target(params.token);
  return open311ErrorResponse(target.format, [
    target.ok ? { code: 404, description: "Không có token này: các dịch vụ trả service_request_id ngay khi tạo (realtime)." } : target.error,
  ]);
}
