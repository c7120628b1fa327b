import { seedWorklistDemo } from "./worklist-demo";
import type { Kysely } from "kysely";
import type { Database } from "../schema";
import type { Role } from "../../app/domain/accounts/roles";
import { createUser } from "../../app/models/users.server";
import { recordAudit, SYSTEM_ACTOR } from "../../app/models/audit-log.server";
import { hashPassword } from "../../app/utils/password.server";
import { createProcedure } from "../../app/models/procedures.server";
import { seedCalendar } from "../../app/models/calendar.server";
import { PROCEDURE_CATALOGUE } from "./procedures-catalogue";
import { VIETNAM_CALENDAR_2021_2027 } from "./vietnam-holidays";
import { seedDemoHistory } from "./demo-history";
import { seedDemoFeedback } from "./feedback-demo";
import { seedDemoNonconformities } from "./nonconformity-demo";
import { resolve } from "node:path";
import { importDocumentsFromFolder } from "../../app/models/document-import.server";
import { seedObjectives } from "../../app/models/objectives.server";
import { demoObjectives } from "./quality-objectives";
import { saveExternalDocument } from "../../app/models/external-documents.server";
import { EXTERNAL_DOCUMENTS } from "./external-documents";
import { seedOpen311Demo } from "./open311-demo";
import type { WorkAreas } from "../../app/domain/audits/audit";
import { PROCEDURE_FIELDS } from "../../app/domain/procedures/procedure";
import { setWorkAreas } from "../../app/models/work-areas.server";
import { seedDemoChecklistTemplates } from "./checklist-templates";
import { DEMO_ORIGIN, seedDemoAudits } from "./audit-demo";
import { seedManagementReviewDemo } from "./management-review-demo";
import { seedIsoDemo } from "./iso-demo";
import { seedProvinceDemo } from "./province-demo";

/** The controlled documents imported into the demo (relative to the working directory). */
export const DOCUMENTS_FOLDER = "procedures-docs";

/** The demo password of every demo account (README lists them). */
export const DEMO_PASSWORD = "motcua-demo-2026";

export const DEMO_UNIT = {
  // A demonstration code: the province assigns the real one, and the quality lead can correct it.
  code: "000.31.14.H53",
  name: "UBND xã Mường Sai",
  kind: "commune",
  district_name: "huyện Sông Mã",
  province_name: "tỉnh Sơn La",
  address: "Trụ sở UBND xã Mường Sai, huyện Sông Mã, tỉnh Sơn La",
  is_remote_area: 1,
} as const;

/**
 * Work areas keep auditors off their own work (QT-02 §5.1): the quality lead owns the system
 * processes, the desk officer receives every field at QT-07, and the auditor is the commune's
 * justice and civil-status officer, who audits the other fields.
 */
export const DEMO_USERS: ReadonlyArray<{ username: string; displayName: string; roles: Role[]; workAreas?: WorkAreas }> = [
  {
    username: "chatluong",
    displayName: "Lò Thị Hoa",
    roles: ["quality_lead"],
    workAreas: { fields: [], processes: ["QT-01", "QT-02", "QT-03", "QT-04", "QT-05", "QT-06"] },
  },
  { username: "motcua", displayName: "Cầm Văn Thắng", roles: ["officer"], workAreas: { fields: [...PROCEDURE_FIELDS], processes: ["QT-07"] } },
  { username: "lanhdao", displayName: "Quàng Văn Minh", roles: ["leader"] },
  {
    username: "danhgia",
    displayName: "Tòng Thị Lan",
    roles: ["auditor"],
    workAreas: { fields: ["civil_status", "justice"], processes: ["QT-08", "QT-09", "QT-10"] },
  },
  { username: "thanhtra", displayName: "Lường Văn Sơn", roles: ["inspector"] },
  { username: "quantri", displayName: "Hoàng Thị Mai", roles: ["admin"] },
];

/**
 * Seeds the reference commune, one demo account per role, the procedures catalogue and the
 * 2021–2027 working calendar, the dossier history and the controlled documents of procedures-docs/.
 * Does nothing if the unit exists. Demo accounts must change the public demo password at first
 * sign-in unless `requirePasswordChange: false` (tests).
 */
export async function seedDemo(
  db: Kysely<Database>,
  now = new Date(),
  options: { publicOrigin?: string; requirePasswordChange?: boolean } = {},
): Promise<{ seeded: boolean }> {
  // The address printed in the seeded records' QR codes (the site's PUBLIC_URL when known).
  const origin = options.publicOrigin ?? DEMO_ORIGIN;
  const existing = await db.selectFrom("unit").select("id").where("code", "=", DEMO_UNIT.code).executeTakeFirst();
  if (existing) return { seeded: false };

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const unitId = await db.transaction().execute(async (trx) => {
    const stamp = now.toISOString();
    const { id } = await trx
      .insertInto("unit")
      .values({ ...DEMO_UNIT, parent_id: null, phone: null, email: null, created_at: stamp, updated_at: stamp })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor: SYSTEM_ACTOR,
      unitId: id,
      entityType: "unit",
      entityId: id,
      action: "created",
      after: DEMO_UNIT,
      at: now,
    });
    return id;
  });
  for (const { workAreas, ...user } of DEMO_USERS) {
    // The demo password is public: every demo account must choose its own at first sign-in.
    // Tests that sign in as demo users seed with requirePasswordChange: false.
    const mustChangePassword = options.requirePasswordChange ?? true;
    const userId = await createUser(db, SYSTEM_ACTOR, { unitId, ...user, passwordHash, mustChangePassword }, now);
    if (workAreas) await setWorkAreas(db, SYSTEM_ACTOR, unitId, userId, workAreas, now);
  }
  await seedProvinceDemo(db, unitId, passwordHash, options.requirePasswordChange ?? true, now);
  await seedOpen311Demo(db, unitId, now);
  for (const procedure of PROCEDURE_CATALOGUE) {
    await createProcedure(db, SYSTEM_ACTOR, unitId, { ...procedure, isActive: true }, now);
  }
  await seedCalendar(db, SYSTEM_ACTOR, unitId, VIETNAM_CALENDAR_2021_2027, now);
  await seedDemoHistory(db, unitId, now);
  // Citizens' feedback and the nonconformities of late dossiers, through the model functions the
  // desk and the public forms call, composed into one transaction.
  await db.transaction().execute(async (trx) => {
    await seedDemoFeedback(trx, unitId, now, origin);
    await seedDemoNonconformities(trx, unitId, now);
  });
  for (let year = 2021; year <= Number(now.toISOString().slice(0, 4)); year += 1) {
    await seedObjectives(db, SYSTEM_ACTOR, unitId, year, demoObjectives(year), now);
  }
  for (const external of EXTERNAL_DOCUMENTS) await saveExternalDocument(db, SYSTEM_ACTOR, unitId, external, now);
  const documents = await importDocumentsFromFolder(db, SYSTEM_ACTOR, unitId, resolve(DOCUMENTS_FOLDER), now);
  for (const bad of documents.invalid) {
    console.warn(`procedures-docs/${bad.file}: ${bad.issues.map((i) => `${i.field}: ${i.message}`).join("; ")}`);
  }
  await seedDemoChecklistTemplates(db, unitId, now);
  await seedDemoAudits(db, unitId, now, origin);
  // After the audits (planned before the auditor competence existed), before the review whose inputs show them.
  await seedIsoDemo(db, unitId, now);
  await seedManagementReviewDemo(db, unitId, now, origin);
  await seedWorklistDemo(db, unitId, now);
  return { seeded: true };
}
