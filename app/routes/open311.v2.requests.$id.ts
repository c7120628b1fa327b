import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { TrackingCodeSchema } from "~/domain/feedback/feedback";
import { open311Request, parseOpen311Target } from "~/domain/feedback/open311";
import { getOpen311Request, open311ErrorResponse, open311Response, open311TooManyRequests } from "~/models/open311.server";
import { getPublicUnit } from "~/models/units.server";
import { getDb } from "~/utils/db.server";
import { clientKey, consumeRateLimit } from "~/utils/rate-limit.server";

/** `GET /open311/v2/requests/{service_request_id}.{xml|json}`: one request, as a one-element list. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const target = parseOpen311Target(params.id);
  if (!target.ok) return open311ErrorResponse(target.format, [target.error]);
  const limited = await consumeRateLimit("open311", clientKey(context));
  if (!limited.ok) return open311TooManyRequests(target.format, limited.retryAfterSeconds);
  const notFound = () => open311ErrorResponse(target.format, [{ code: 404, description: `Không có yêu cầu "${target.name}".` }]);
  const code = TrackingCodeSchema.safeParse(target.name);
  if (!code.success) return notFound();
  const db = getDb();
  const unit = await getPublicUnit(db);
  const item = unit ? await getOpen311Request(db, unit.id, code.data) : null;
  if (!unit || !item) return notFound();
  return open311Response(target.format, "service_requests", [open311Request(item, unit.name)], { cors: true });
}

/** The specification defines no write here: a 400 in the format asked for. */
export async function action({ request, params }: ActionFunctionArgs) {
  const target = parseOpen311Target(params.id);
  return open311ErrorResponse(target.format, [{ code: 400, description: `${request.method} không áp dụng cho một yêu cầu.` }]);
}
