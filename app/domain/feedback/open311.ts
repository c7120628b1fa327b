import { z } from "zod";
import { ProcedureCodeSchema } from "~/domain/procedures/schema";
import { DossierCodeSchema, isPlainText, PhoneSchema } from "~/domain/shared/fields";
import { isMessageKey, translator } from "~/i18n";
import { FEEDBACK_ANSWER_WORKING_DAYS } from "./deadlines";
import { open311Status, TrackingCodeSchema, type FeedbackKind, type FeedbackState } from "./feedback";

/**
 * Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2): the services, their definitions, the
 * parameters a client sends and the documents we answer, in XML and JSON. Texts are Vietnamese:
 * they reach citizens through the clients' apps.
 */

export const OPEN311_SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
/** Bump when the service list or a service definition changes: clients refresh their caches then. */
export const OPEN311_CHANGESET = "2026-11-25T00:00:00+07:00";
export const OPEN311_KEY_SERVICE = "Liên hệ quản trị hệ thống UBND xã để được cấp khóa API";
export const OPEN311_MAX_RESULTS = 1000;
export const OPEN311_MAX_DAYS = 90;
export const OPEN311_DESCRIPTION_MAX = 4000;

export const OPEN311_FORMATS = ["xml", "json"] as const;
export type Open311Format = (typeof OPEN311_FORMATS)[number];
export const OPEN311_CONTENT_TYPES: Record<Open311Format, string> = {
  xml: "text/xml; charset=utf-8",
  json: "application/json; charset=utf-8",
};
const DISCOVERY_FORMATS = ["text/xml", "application/json"];

export interface Open311Error {
  code: number;
  description: string;
}

const error = (code: number, description: string): Open311Error => ({ code, description });

// ---------------------------------------------------------------------------------------------
// Paths: every resource ends in `.xml` or `.json`.

export type Open311Target = { ok: true; name: string; format: Open311Format } | { ok: false; format: Open311Format; error: Open311Error };

/**
 * `services.json` → `{ name: "services", format: "json" }`. Without a known suffix the answer is
 * a 404 in XML, the one format every client reads.
 */
export function parseOpen311Target(segment: string | undefined, names?: readonly string[]): Open311Target {
  const dot = (segment ?? "").lastIndexOf(".");
  const name = dot > 0 ? (segment ?? "").slice(0, dot) : (segment ?? "");
  const suffix = dot > 0 ? (segment ?? "").slice(dot + 1) : "";
  const format = OPEN311_FORMATS.find((f) => f === suffix);
  if (!format) return { ok: false, format: "xml", error: error(404, "Không có tài nguyên này: đường dẫn phải kết thúc bằng .xml hoặc .json.") };
  if (names && !names.includes(name)) return { ok: false, format, error: error(404, `Không có tài nguyên "${name}".`) };
  return { ok: true, name, format };
}

// ---------------------------------------------------------------------------------------------
// Discovery, services and their definitions.

export interface Open311UnitContact {
  name: string;
  address: string | null;
  phone: string | null;
  email: string | null;
}

export function open311Contact(unit: Open311UnitContact): string {
  return [
    unit.name,
    unit.address ? `địa chỉ: ${unit.address}` : null,
    unit.phone ? `điện thoại: ${unit.phone}` : null,
    unit.email ? `thư điện tử: ${unit.email}` : null,
  ]
    .filter((part) => part !== null)
    .join("; ");
}

/** `url` is the endpoint's base, e.g. `https://xa.example.vn/open311/v2`. */
export function open311Discovery(input: { contact: string; url: string }) {
  return {
    changeset: OPEN311_CHANGESET,
    contact: input.contact,
    key_service: OPEN311_KEY_SERVICE,
    endpoints: [
      {
        specification: OPEN311_SPECIFICATION,
        url: input.url,
        changeset: OPEN311_CHANGESET,
        type: "production",
        formats: DISCOVERY_FORMATS,
      },
    ],
  };
}

/**
 * The kinds an Open311 client may file. Not complaints: a complaint must identify the complainant
 * (Law on Complaints 2011 art. 8), which an API key held by a third-party app cannot vouch for.
 */
export const OPEN311_SERVICE_CODES = ["feedback", "recommendation", "compliment"] as const satisfies readonly FeedbackKind[];
export type Open311ServiceCode = (typeof OPEN311_SERVICE_CODES)[number];

export function isOpen311ServiceCode(value: string): value is Open311ServiceCode {
  return (OPEN311_SERVICE_CODES as readonly string[]).includes(value);
}

export interface Open311Service {
  service_code: Open311ServiceCode;
  service_name: string;
  description: string;
  metadata: boolean;
  type: "realtime" | "batch" | "blackbox";
  keywords: string;
  group: string;
}

const GROUP = "Thủ tục hành chính";

export const OPEN311_SERVICES: Record<Open311ServiceCode, Open311Service> = {
  feedback: {
    service_code: "feedback",
    service_name: "Phản ánh",
    description:
      "Phản ánh một việc chưa đúng, chưa tốt về quy định hoặc việc giải quyết thủ tục hành chính, hay về thái độ của cán bộ (Nghị định 20/2008/NĐ-CP). " +
      "Khiếu nại không nhận qua Open311 vì người khiếu nại phải được xác định danh tính (Luật Khiếu nại 2011, điều 8): nộp tại Bộ phận Một cửa hoặc trên trang góp ý của xã.",
    metadata: true,
    type: "realtime",
    keywords: "phản ánh, thủ tục hành chính, cán bộ, một cửa",
    group: GROUP,
  },
  recommendation: {
    service_code: "recommendation",
    service_name: "Kiến nghị",
    description: "Đề xuất sửa đổi một thủ tục, một quy định hành chính hoặc cách tiếp nhận và trả kết quả hồ sơ (Nghị định 20/2008/NĐ-CP).",
    metadata: true,
    type: "realtime",
    keywords: "kiến nghị, đề xuất, quy định hành chính, thủ tục hành chính",
    group: GROUP,
  },
  compliment: {
    service_code: "compliment",
    service_name: "Khen ngợi",
    description: "Ghi nhận cán bộ, việc làm tốt của Bộ phận Một cửa.",
    metadata: true,
    type: "realtime",
    keywords: "khen ngợi, ghi nhận, cán bộ",
    group: GROUP,
  },
};

export function open311Services(): Open311Service[] {
  return OPEN311_SERVICE_CODES.map((code) => OPEN311_SERVICES[code]);
}

export const OPEN311_DATATYPES = ["string", "number", "datetime", "text", "singlevaluelist", "multivaluelist"] as const;
export type Open311Datatype = (typeof OPEN311_DATATYPES)[number];

export interface Open311Attribute {
  variable: boolean;
  code: string;
  datatype: Open311Datatype;
  required: boolean;
  datatype_description: string | null;
  order: number;
  description: string;
  values: { key: string; name: string }[];
}

/** Each attribute with the schema its value must pass. */
const ATTRIBUTES: ReadonlyArray<{ definition: Open311Attribute; schema: z.ZodType<string> }> = [
  {
    definition: {
      variable: true,
      code: "dossier_code",
      datatype: "string",
      required: false,
      datatype_description: "Dạng <mã đơn vị>-YYMMDD-NNNN, in trên phiếu hẹn trả kết quả.",
      order: 1,
      description: "Mã hồ sơ liên quan",
      values: [],
    },
    schema: DossierCodeSchema,
  },
  {
    definition: {
      variable: true,
      code: "procedure_code",
      datatype: "string",
      required: false,
      datatype_description: "Mã thủ tục hành chính trên Cổng Dịch vụ công quốc gia, dạng 1.001193.",
      order: 2,
      description: "Mã thủ tục hành chính liên quan",
      values: [],
    },
    schema: ProcedureCodeSchema,
  },
  {
    // Decree 13/2023 art. 11: processing personal data needs the subject's consent. Required on every
    // request, as on the web form: even without contact fields, a description may name people.
    definition: {
      variable: true,
      code: "consent",
      datatype: "singlevaluelist",
      required: true,
      datatype_description: null,
      order: 3,
      description:
        "Tôi đồng ý để Ủy ban nhân dân xã xử lý dữ liệu cá nhân tôi cung cấp, chỉ để giải quyết ý kiến này (Nghị định 13/2023/NĐ-CP). " +
        "Nội dung, vị trí và trạng thái ý kiến được công khai qua Open311; họ tên, số điện thoại, thư điện tử không bao giờ được công khai.",
      values: [{ key: "yes", name: "Đồng ý xử lý dữ liệu cá nhân" }],
    },
    schema: z.literal("yes"),
  },
];

export function open311ServiceDefinition(code: Open311ServiceCode) {
  return { service_code: code, attributes: ATTRIBUTES.map((a) => a.definition) };
}

/** What happens next, per service: the legal clock of Decree 20/2008 as amended by Decree 92/2017. */
export function open311ServiceNotice(code: Open311ServiceCode, unitName: string): string {
  if (code === "compliment") return `${unitName} ghi nhận ý kiến và chuyển lời khen đến cán bộ, bộ phận liên quan.`;
  return `${unitName} xem xét và trả lời trong ${FEEDBACK_ANSWER_WORKING_DAYS} ngày làm việc kể từ ngày nhận (Nghị định 20/2008/NĐ-CP, sửa đổi bởi Nghị định 92/2017/NĐ-CP).`;
}

// ---------------------------------------------------------------------------------------------
// Parameters: form bodies and query strings.

export interface Open311Params {
  /** Top-level parameters, trimmed; an empty one is absent. */
  scalars: Map<string, string>;
  /** `attribute[code]=v` (multi false) or `attribute[code][]=v` repeated (multi true). */
  attributes: Map<string, { values: string[]; multi: boolean }>;
  /** Parameters given twice or in both attribute forms. */
  errors: Open311Error[];
}

const ATTRIBUTE_PARAM = /^attribute\[([^\]]+)\](\[\])?$/;

export function readOpen311Params(params: URLSearchParams): Open311Params {
  const scalars = new Map<string, string>();
  const attributes = new Map<string, { values: string[]; multi: boolean }>();
  const errors: Open311Error[] = [];
  const twice = new Set<string>();
  for (const [key, raw] of params) {
    const value = raw.trim();
    // The spec: an empty optional parameter behaves exactly like an absent one.
    if (value === "") continue;
    const attribute = ATTRIBUTE_PARAM.exec(key);
    if (attribute) {
      const code = attribute[1] ?? "";
      const multi = attribute[2] !== undefined;
      const seen = attributes.get(code);
      if (!seen) attributes.set(code, { values: [value], multi });
      else if (seen.multi && multi) seen.values.push(value);
      else twice.add(`attribute[${code}]`);
      continue;
    }
    if (scalars.has(key)) twice.add(key);
    else scalars.set(key, value);
  }
  for (const key of twice) errors.push(error(400, `${key}: chỉ được gửi một lần.`));
  return { scalars, attributes, errors };
}

const vi = translator("vi");

/** `path: message`, the catalogue key of a shared field schema translated. */
function describeIssues(issues: readonly z.core.$ZodIssue[], prefix = ""): Open311Error[] {
  return issues.map((issue) => {
    const field = prefix || issue.path.map(String).join(".");
    const message = isMessageKey(issue.message) ? vi(issue.message) : issue.message;
    return error(400, field ? `${field}: ${message}` : message);
  });
}

// ---------------------------------------------------------------------------------------------
// Create: `POST requests.{fmt}`.

const codePoints = (s: string) => [...s].length;
const NO_LINE_BREAK = /^[^\r\n]*$/;

const PLAIN = "không được chứa ký tự điều khiển, ký tự ẩn hoặc ký tự đổi chiều chữ.";

const text = (max: number) =>
  z
    .string()
    .refine(isPlainText, PLAIN)
    .overwrite((s) => s.normalize("NFC"))
    .refine((s) => codePoints(s) <= max, `tối đa ${max} ký tự.`)
    .refine((s) => NO_LINE_BREAK.test(s), "không được xuống dòng.");

const coordinate = (min: number, max: number) =>
  z
    .string()
    .regex(/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/, "phải là số thập phân (WGS84).")
    .transform(Number)
    .pipe(z.number().min(min, `phải từ ${min} đến ${max}.`).max(max, `phải từ ${min} đến ${max}.`));

export const Open311CreateSchema = z
  .object({
    service_code: z.enum(OPEN311_SERVICE_CODES),
    lat: coordinate(-90, 90).optional(),
    long: coordinate(-180, 180).optional(),
    address_string: text(300).optional(),
    address_id: text(100).optional(),
    email: z.email("địa chỉ thư điện tử không hợp lệ.").max(200, "tối đa 200 ký tự.").optional(),
    device_id: text(200).optional(),
    account_id: text(200).optional(),
    first_name: text(60).optional(),
    last_name: text(60).optional(),
    phone: PhoneSchema.optional(),
    // No HTML, says the spec; nothing is stripped: the text is stored as it came and always shown escaped.
    description: z
      .string()
      .refine(isPlainText, PLAIN)
      .overwrite((s) => s.normalize("NFC"))
      .refine((s) => codePoints(s) <= OPEN311_DESCRIPTION_MAX, `tối đa ${OPEN311_DESCRIPTION_MAX} ký tự.`)
      .optional(),
    media_url: z
      .httpUrl("phải là một địa chỉ http(s).")
      .max(2000, "tối đa 2000 ký tự.")
      .regex(/^\S+$/, "không được chứa khoảng trắng.")
      .optional(),
  })
  .superRefine((v, ctx) => {
    const hasLat = v.lat !== undefined;
    const hasLong = v.long !== undefined;
    if (hasLat !== hasLong) {
      ctx.addIssue({ code: "custom", path: [hasLat ? "long" : "lat"], message: "lat và long phải được gửi cùng nhau." });
    } else if (!hasLat && v.address_string === undefined && v.address_id === undefined) {
      ctx.addIssue({ code: "custom", path: ["location"], message: "cần vị trí: lat và long, hoặc address_string, hoặc address_id." });
    }
  });

export interface Open311NewRequest {
  serviceCode: Open311ServiceCode;
  description: string | null;
  location: { lat: number | null; long: number | null; addressString: string | null; addressId: string | null };
  contact: { name: string | null; phone: string | null; email: string | null };
  mediaUrl: string | null;
  dossierCode: string | null;
  procedureCode: string | null;
  /** Read but not stored: the item has no device or account column, and no accounts are kept. */
  deviceId: string | null;
  accountId: string | null;
}

export type Open311CreateResult = { ok: true; value: Open311NewRequest } | { ok: false; status: 400 | 404; errors: Open311Error[] };

/**
 * Checks a create request once its api_key has passed: an unknown service_code is a 404 on its own;
 * everything else is a 400 listing every problem found.
 */
export function parseOpen311Create(params: Open311Params): Open311CreateResult {
  const serviceCode = params.scalars.get("service_code");
  if (serviceCode !== undefined && !isOpen311ServiceCode(serviceCode)) {
    return { ok: false, status: 404, errors: [error(404, `service_code: không có dịch vụ "${serviceCode}".`)] };
  }
  const errors = [...params.errors];
  if (serviceCode === undefined) errors.push(error(400, "service_code: bắt buộc."));
  const parsed = Open311CreateSchema.safeParse(Object.fromEntries(params.scalars));
  if (!parsed.success) {
    errors.push(...describeIssues(parsed.error.issues.filter((i) => i.path[0] !== "service_code")));
  }
  const attributes = parseAttributes(params.attributes);
  errors.push(...attributes.errors);
  if (!parsed.success || errors.length > 0) return { ok: false, status: 400, errors };

  const v = parsed.data;
  const name = [v.last_name, v.first_name].filter((n) => n !== undefined).join(" ");
  return {
    ok: true,
    value: {
      serviceCode: v.service_code,
      description: v.description ?? null,
      location: { lat: v.lat ?? null, long: v.long ?? null, addressString: v.address_string ?? null, addressId: v.address_id ?? null },
      contact: { name: name || null, phone: v.phone ?? null, email: v.email ?? null },
      mediaUrl: v.media_url ?? null,
      dossierCode: attributes.values.get("dossier_code") ?? null,
      procedureCode: attributes.values.get("procedure_code") ?? null,
      deviceId: v.device_id ?? null,
      accountId: v.account_id ?? null,
    },
  };
}

function parseAttributes(given: Open311Params["attributes"]): { values: Map<string, string>; errors: Open311Error[] } {
  const values = new Map<string, string>();
  const errors: Open311Error[] = [];
  for (const code of given.keys()) {
    if (!ATTRIBUTES.some((a) => a.definition.code === code)) errors.push(error(400, `attribute[${code}]: không có trong định nghĩa dịch vụ.`));
  }
  for (const { definition, schema } of ATTRIBUTES) {
    const name = `attribute[${definition.code}]`;
    const entry = given.get(definition.code);
    if (!entry) {
      if (definition.required) errors.push(error(400, `${name}: bắt buộc.`));
      continue;
    }
    // None of our attributes is a multivaluelist: one value each, in the single form.
    if (entry.multi || entry.values.length !== 1) {
      errors.push(error(400, `${name}: chỉ nhận một giá trị.`));
      continue;
    }
    const raw = entry.values[0] ?? "";
    if (definition.values.length > 0 && !definition.values.some((v) => v.key === raw)) {
      errors.push(error(400, `${name}: giá trị phải là ${definition.values.map((v) => `"${v.key}"`).join(", ")}.`));
      continue;
    }
    const parsed = schema.safeParse(raw);
    if (parsed.success) values.set(definition.code, parsed.data);
    else errors.push(...describeIssues(parsed.error.issues, name));
  }
  return { values, errors };
}

const MEDIA_LABEL = "Ảnh: ";
const ADDRESS_ID_LABEL = "Mã địa chỉ: ";

/**
 * The item has no column for media_url nor address_id: they go at the end of the description,
 * one labelled line each after a blank line, where staff see them and the list reads them back.
 */
export function composeOpen311Description(text: string | null, mediaUrl: string | null, addressId: string | null): string {
  const trailer = [mediaUrl && `${MEDIA_LABEL}${mediaUrl}`, addressId && `${ADDRESS_ID_LABEL}${addressId}`].filter(Boolean).join("\n");
  if (!trailer) return text ?? "";
  return text ? `${text}\n\n${trailer}` : trailer;
}

export function splitOpen311Description(stored: string): { text: string | null; mediaUrl: string | null; addressId: string | null } {
  const cut = stored.lastIndexOf("\n\n");
  const block = cut >= 0 ? stored.slice(cut + 2) : stored;
  const lines = block.split("\n");
  const labelled = lines.every((l) => l.startsWith(MEDIA_LABEL) || l.startsWith(ADDRESS_ID_LABEL));
  if (!labelled || block === "") return { text: stored || null, mediaUrl: null, addressId: null };
  const valueOf = (label: string) => lines.find((l) => l.startsWith(label))?.slice(label.length) ?? null;
  const text = cut >= 0 ? stored.slice(0, cut) : "";
  return { text: text || null, mediaUrl: valueOf(MEDIA_LABEL), addressId: valueOf(ADDRESS_ID_LABEL) };
}

const SUBJECT_WORDS = 10;
const SUBJECT_MAX = 120;

/** The item's subject: the service name and the first words of the description (or the place). */
export function open311Subject(code: Open311ServiceCode, description: string | null, addressString: string | null): string {
  const name = OPEN311_SERVICES[code].service_name;
  const source = description ?? addressString;
  if (!source) return name;
  const words = source.split(/\s+/).filter(Boolean);
  let excerpt = words.slice(0, SUBJECT_WORDS).join(" ");
  let cut = words.length > SUBJECT_WORDS;
  if ([...excerpt].length > SUBJECT_MAX) {
    excerpt = [...excerpt].slice(0, SUBJECT_MAX).join("").trimEnd();
    cut = true;
  }
  return `${name}: ${excerpt}${cut ? "…" : ""}`;
}

// ---------------------------------------------------------------------------------------------
// List: `GET requests.{fmt}`.

export const OPEN311_STATUSES = ["open", "closed"] as const;
export type Open311Status = (typeof OPEN311_STATUSES)[number];

export type Open311ListQuery =
  | { by: "id"; codes: string[] }
  | { by: "filter"; serviceCodes: Open311ServiceCode[]; statuses: Open311Status[]; from: Date; to: Date };

const W3C_DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * A W3C datetime with its zone (`2021-01-05T08:00:00+07:00`, `…Z`), or null. A `+` sent
 * unencoded in a query string arrives as a space; it is read back as `+`.
 */
export function parseW3cDateTime(value: string): Date | null {
  const m = W3C_DATETIME.exec(value.trim().replace(/ (\d{2}:\d{2})$/, "+$1"));
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? "0"].map(Number) as [number, number, number, number, number, number];
  const millis = Number((m[7] ?? "").slice(0, 3).padEnd(3, "0"));
  const offsetHours = Number(m[9] ?? 0);
  const offsetMinutes = Number(m[10] ?? 0);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59 || offsetHours > 14 || offsetMinutes > 59) return null;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCDate() !== day) return null;
  date.setUTCHours(hour, minute, second, millis);
  const offset = (m[8] === "-" ? -1 : 1) * (offsetHours * 60 + offsetMinutes);
  return new Date(date.getTime() - offset * 60_000);
}

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** Every datetime we answer: Vietnam time with its fixed `+07:00` zone (no daylight saving since 1975). */
export function formatW3cDateTime(instant: Date | string): string {
  const shifted = new Date(new Date(instant).getTime() + VIETNAM_OFFSET_MS);
  return `${shifted.toISOString().slice(0, 19)}+07:00`;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The window on requested_datetime: both ends given, at most 90 days apart; one end given, 90 days
 * from it; none, the last 90 days.
 */
export function open311DateWindow(start: Date | undefined, end: Date | undefined, now: Date): { ok: true; from: Date; to: Date } | { ok: false; error: Open311Error } {
  const span = OPEN311_MAX_DAYS * DAY_MS;
  const from = start ?? new Date((end ?? now).getTime() - span);
  const to = end ?? (start ? new Date(start.getTime() + span) : now);
  if (to < from) return { ok: false, error: error(400, "end_date phải sau start_date.") };
  if (to.getTime() - from.getTime() > span) return { ok: false, error: error(400, `start_date và end_date cách nhau tối đa ${OPEN311_MAX_DAYS} ngày.`) };
  return { ok: true, from, to };
}

const W3cDateTimeSchema = z.string().transform((value, ctx) => {
  const date = parseW3cDateTime(value);
  if (!date) {
    ctx.addIssue({ code: "custom", message: "phải là ngày giờ W3C có múi giờ, ví dụ 2021-01-05T08:00:00+07:00." });
    return z.NEVER;
  }
  return date;
});

const commaList = <T extends string>(item: z.ZodType<T>) =>
  z.string().transform((v, ctx) => {
    const items = [...new Set(v.split(",").map((s) => s.trim()).filter(Boolean))];
    const out: T[] = [];
    for (const raw of items) {
      const parsed = item.safeParse(raw);
      if (parsed.success) out.push(parsed.data);
      else ctx.addIssue({ code: "custom", message: `"${raw}" không hợp lệ.` });
    }
    return out;
  });

const ListFilterSchema = z.object({
  service_code: commaList(z.enum(OPEN311_SERVICE_CODES)).optional(),
  status: commaList(z.enum(OPEN311_STATUSES)).optional(),
  start_date: W3cDateTimeSchema.optional(),
  end_date: W3cDateTimeSchema.optional(),
});

export function parseOpen311ListQuery(params: Open311Params, now: Date): { ok: true; value: Open311ListQuery } | { ok: false; errors: Open311Error[] } {
  const ids = params.scalars.get("service_request_id");
  if (ids !== undefined) {
    // It overrides every other filter. An id that is not a tracking code matches nothing.
    const codes = ids
      .split(",")
      .map((id) => TrackingCodeSchema.safeParse(id))
      .flatMap((r) => (r.success ? [r.data] : []));
    return { ok: true, value: { by: "id", codes: [...new Set(codes)].slice(0, OPEN311_MAX_RESULTS) } };
  }
  if (params.errors.length > 0) return { ok: false, errors: params.errors };
  const parsed = ListFilterSchema.safeParse(Object.fromEntries(params.scalars));
  if (!parsed.success) return { ok: false, errors: describeIssues(parsed.error.issues) };
  const window = open311DateWindow(parsed.data.start_date, parsed.data.end_date, now);
  if (!window.ok) return { ok: false, errors: [window.error] };
  const serviceCodes = parsed.data.service_code?.length ? parsed.data.service_code : [...OPEN311_SERVICE_CODES];
  const statuses = parsed.data.status?.length ? parsed.data.status : [...OPEN311_STATUSES];
  return { ok: true, value: { by: "filter", serviceCodes, statuses, from: window.from, to: window.to } };
}

/** What the list reads of an item: never a name, a phone, an email, an ID number nor a contact address. */
export interface Open311Item {
  code: string;
  kind: Open311ServiceCode;
  state: FeedbackState;
  description: string;
  receivedAt: string;
  /** The last change of state (the closing when closed); null reads as receivedAt. */
  lastChangedAt: string | null;
  resolutionDueAt: string | null;
  publicAnswer: string | null;
  notAcceptedReason: string | null;
  forwardedTo: string | null;
  addressString: string | null;
  lat: number | null;
  long: number | null;
}

export function open311StatusNotes(item: Pick<Open311Item, "publicAnswer" | "notAcceptedReason" | "forwardedTo">): string | null {
  if (item.publicAnswer) return item.publicAnswer;
  if (item.notAcceptedReason) return `Không thụ lý: ${item.notAcceptedReason}`;
  if (item.forwardedTo) return `Đã chuyển đến ${item.forwardedTo} để giải quyết theo thẩm quyền.`;
  return null;
}

/** One `request` of a list, its fields in the specification's order. */
export function open311Request(item: Open311Item, unitName: string) {
  const stored = splitOpen311Description(item.description);
  return {
    service_request_id: item.code,
    status: open311Status(item.state),
    status_notes: open311StatusNotes(item),
    service_name: OPEN311_SERVICES[item.kind].service_name,
    service_code: item.kind,
    description: stored.text,
    agency_responsible: item.forwardedTo ?? unitName,
    service_notice: open311ServiceNotice(item.kind, unitName),
    requested_datetime: formatW3cDateTime(item.receivedAt),
    updated_datetime: formatW3cDateTime(item.lastChangedAt ?? item.receivedAt),
    expected_datetime: item.resolutionDueAt ? formatW3cDateTime(item.resolutionDueAt) : null,
    address: item.addressString,
    address_id: stored.addressId,
    zipcode: null,
    lat: item.lat,
    long: item.long,
    media_url: stored.mediaUrl,
  };
}

/** The answer to a create: the id at once (realtime services), never a token. No accounts are kept. */
export function open311Receipt(code: string, service: Open311ServiceCode, unitName: string) {
  return { service_request_id: code, service_notice: open311ServiceNotice(service, unitName) };
}

// ---------------------------------------------------------------------------------------------
// Serialisation. JSON mirrors the XML; element names are fixed, only values are escaped.

export type Open311Root = "discovery" | "services" | "service_definition" | "service_requests" | "errors";

/** The element each item of a list is wrapped in, by the list's own element. */
const XML_ITEMS: Record<string, string> = {
  services: "service",
  service_requests: "request",
  errors: "error",
  endpoints: "endpoint",
  formats: "format",
  attributes: "attribute",
  values: "value",
};

export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';

// Characters XML 1.0 cannot carry at all (controls, lone surrogates, U+FFFE/U+FFFF): dropped.
const INVALID_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const XML_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

export function escapeXml(value: string): string {
  return value.replace(INVALID_XML_CHARS, "").replace(/[&<>"']/g, (c) => XML_ENTITIES[c] ?? c);
}

function xmlElement(name: string, value: unknown): string {
  if (value === undefined) return "";
  if (value === null) return `<${name}></${name}>`;
  if (Array.isArray(value)) {
    const item = XML_ITEMS[name];
    if (!item) throw new Error(`No XML item element for the list ${name}`);
    return `<${name}>${value.map((v) => xmlElement(item, v)).join("")}</${name}>`;
  }
  if (typeof value === "object") {
    return `<${name}>${Object.entries(value).map(([k, v]) => xmlElement(k, v)).join("")}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

export function serializeOpen311(format: Open311Format, root: Open311Root, value: unknown): string {
  if (format === "json") return JSON.stringify(value);
  return `${XML_DECLARATION}\n${xmlElement(root, value)}`;
}
