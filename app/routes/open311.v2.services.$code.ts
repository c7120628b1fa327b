import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { isOpen311ServiceCode, open311ServiceDefinition, parseOpen311Target } from "~/domain/feedback/open311";
import { open311ErrorResponse, open311Response } from "~/models/open311.server";

/** `GET /open311/v2/services/{service_code}.{xml|json}`: a service definition. */
export async function loader({ params }: LoaderFunctionArgs) {
  const target = parseOpen311Target(params.code);
  if (!target.ok) return open311ErrorResponse(target.format, [target.error]);
  if (!isOpen311ServiceCode(target.name)) {
    return open311ErrorResponse(target.format, [{ code: 404, description: `service_code: không có dịch vụ "${target.name}".` }]);
  }
  return open311Response(target.format, "service_definition", open311ServiceDefinition(target.name), { cors: true });
}

/** The specification defines no write here: a 400 in the format asked for. */
export async function action({ request, params }: ActionFunctionArgs) {
  const target = parseOpen311Target(params.code);
  return open311ErrorResponse(target.format, [{ code: 400, description: `${request.method} không áp dụng cho định nghĩa dịch vụ.` }]);
}
