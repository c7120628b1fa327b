import { createHash } from "node:crypto";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { IdempotencyKeySchema } from "~/domain/dossiers/api-schema";
import {
  open311Contact,
  open311Discovery,
  open311Receipt,
  open311Request,
  open311Services,
  OPEN311_CONTENT_TYPES,
  parseOpen311Create,
  parseOpen311ListQuery,
  parseOpen311Target,
  readOpen311Params,
  serializeOpen311,
} from "~/domain/feedback/open311";
import { findApiClientByToken } from "~/models/api-clients.server";
import { fileOpen311Request, fileOpen311RequestOnce, listOpen311Requests, open311ErrorResponse, open311Response, open311TooManyRequests } from "~/models/open311.server";
import { getPublicUnit } from "~/models/units.server";
import { getDb } from "~/utils/db.server";
import { publicOrigin } from "~/utils/env.server";
import { clientKey, consumeRateLimit } from "~/utils/rate-limit.server";

const RESOURCES = ["discovery", "services", "requests"] as const;
const MAX_BODY_BYTES = 64 * 1024;

/** `GET /open311/v2/{discovery|services|requests}.{xml|json}` (GeoReport v2). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const target = parseOpen311Target(params.resource, RESOURCES);
  if (!target.ok) return open311ErrorResponse(target.format, [target.error]);
  const { format } = target;
  const limited = await consumeRateLimit("open311", clientKey(context));
  if (!limited.ok) return open311TooManyRequests(format, limited.retryAfterSeconds);
  const db = getDb();
  const unit = await getPublicUnit(db);
  if (!unit) return open311ErrorResponse(format, [{ code: 503, description: "Chưa cấu hình đơn vị." }]);
  const url = new URL(request.url);

  if (target.name === "discovery") {
    const discovery = open311Discovery({ contact: open311Contact(unit), url: `${publicOrigin(request)}/open311/v2` });
    return open311Response(format, "discovery", discovery, { cors: true });
  }
  if (target.name === "services") return open311Response(format, "services", open311Services(), { cors: true });

  const query = parseOpen311ListQuery(readOpen311Params(url.searchParams), new Date());
  if (!query.ok) return open311ErrorResponse(format, query.errors);
  const items = await listOpen311Requests(db, unit.id, query.value);
  return open311Response(format, "service_requests", items.map((item) => open311Request(item, unit.name)), { cors: true });
}

/** `POST /open311/v2/requests.{xml|json}`: a keyed client files a request. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const target = parseOpen311Target(params.resource, RESOURCES);
  if (!target.ok) return open311ErrorResponse(target.format, [target.error]);
  const { format } = target;
  const limited = await consumeRateLimit("open311", clientKey(context));
  if (!limited.ok) return open311TooManyRequests(format, limited.retryAfterSeconds);
  if (target.name !== "requests" || request.method !== "POST") {
    return open311ErrorResponse(format, [{ code: 400, description: `${request.method} không áp dụng cho ${target.name}.${format}.` }]);
  }
  const contentType = request.headers.get("Content-Type") ?? "";
  if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(contentType)) {
    return open311ErrorResponse(format, [{ code: 400, description: "Thân yêu cầu phải là application/x-www-form-urlencoded; charset=utf-8." }]);
  }
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_BODY_BYTES) {
    return open311ErrorResponse(format, [{ code: 400, description: "Thân yêu cầu tối đa 64 KiB." }]);
  }
  const body = await request.text();
  if (Buffer.byteLength(body) > MAX_BODY_BYTES) {
    return open311ErrorResponse(format, [{ code: 400, description: "Thân yêu cầu tối đa 64 KiB." }]);
  }
  const form = readOpen311Params(new URLSearchParams(body));

  const apiKey = form.scalars.get("api_key");
  const db = getDb();
  const client = apiKey && apiKey.length <= 200 ? await findApiClientByToken(db, apiKey) : null;
  if (!client) {
    const inUrl = new URL(request.url).searchParams.has("api_key");
    const description = inUrl
      ? "api_key phải được gửi trong thân yêu cầu POST, không trong URL."
      : apiKey
        ? "api_key không hợp lệ hoặc đã bị khóa."
        : "Thiếu api_key.";
    return open311ErrorResponse(format, [{ code: 403, description }]);
  }
  if (!client.scopes.includes("open311")) {
    return open311ErrorResponse(format, [{ code: 403, description: "api_key này không được cấp quyền dùng Open311." }]);
  }

  const rawKey = request.headers.get("Idempotency-Key");
  const key = rawKey === null ? null : IdempotencyKeySchema.safeParse(rawKey);
  if (key && !key.success) {
    return open311ErrorResponse(format, [{ code: 400, description: "Idempotency-Key phải gồm 1–200 ký tự ASCII in được." }]);
  }
  const parsed = parseOpen311Create(form);
  if (!parsed.ok) return open311ErrorResponse(format, parsed.errors);
  const origin = publicOrigin(request);
  const file = async (trx: typeof db) => {
    const { code, unitName } = await fileOpen311Request(trx, client, parsed.value, origin);
    return serializeOpen311(format, "service_requests", [open311Receipt(code, parsed.value.serviceCode, unitName)]);
  };
  if (!key) return new Response(await file(db), { headers: { "Content-Type": OPEN311_CONTENT_TYPES[format], "Cache-Control": "no-store" } });
  const requestHash = createHash("sha256").update(`${format}\n${body}`).digest("hex");
  const filed = await fileOpen311RequestOnce(db, client, { key: key.data, requestHash }, file);
  if (filed.kind === "key_reused") {
    return open311ErrorResponse(format, [{ code: 422, description: "Idempotency-Key này đã được dùng cho một yêu cầu khác." }]);
  }
  return new Response(filed.body, {
    headers: {
      "Content-Type": OPEN311_CONTENT_TYPES[format],
      "Cache-Control": "no-store",
      ...(filed.kind === "replayed" ? { "Idempotent-Replayed": "true" } : {}),
    },
  });
}
