import type { Migration } from "kysely";
import * as m0001 from "./0001-foundation";
import * as m0002 from "./0002-procedures-calendar";
import * as m0003 from "./0003-dossiers";
import * as m0004 from "./0004-api-clients";
import * as m0005 from "./0005-documents";
import * as m0006 from "./0006-feedback";
import * as m0007 from "./0007-dossier-overdue-index";
import * as m0008 from "./0008-nonconformities";
import * as m0009 from "./0009-dossier-daily-stat";
import * as m0010 from "./0010-issued-documents";
import * as m0011 from "./0011-internal-audits";
import * as m0012 from "./0012-api-client-scopes";
import * as m0013 from "./0013-figures-and-service-index";
import * as m0014 from "./0014-security";
import * as m0015 from "./0015-job-lease";
import * as m0016 from "./0016-unit-history";
import * as m0017 from "./0017-law-forms-and-clocks";
import * as m0018 from "./0018-risks-competence";
import * as m0019 from "./0019-register-and-search";
import * as m0020 from "./0020-outbox-delivery";
import * as m0021 from "./0021-feedback-legal-clocks";
import * as m0025 from "./0025-dossier-contact";
import * as m0026 from "./0026-review-inputs-frozen";
import * as m0028 from "./0028-review-secretary";
import * as m0029 from "./0029-tracking-book-index";

/** The fixed, ordered migration list (no folder scan, so the bundled server finds them). */
export const migrations: Record<string, Migration> = {
  "0001-foundation": m0001,
  "0002-procedures-calendar": m0002,
  "0003-dossiers": m0003,
  "0004-api-clients": m0004,
  "0005-documents": m0005,
  "0006-feedback": m0006,
  "0007-dossier-overdue-index": m0007,
  "0008-nonconformities": m0008,
  "0009-dossier-daily-stat": m0009,
  "0010-issued-documents": m0010,
  "0011-internal-audits": m0011,
  "0012-api-client-scopes": m0012,
  "0013-figures-and-service-index": m0013,
  "0014-security": m0014,
  "0015-job-lease": m0015,
  "0016-unit-history": m0016,
  "0017-law-forms-and-clocks": m0017,
  "0018-risks-competence": m0018,
  "0019-register-and-search": m0019,
  "0020-outbox-delivery": m0020,
  "0021-feedback-legal-clocks": m0021,
  "0025-dossier-contact": m0025,
  "0026-review-inputs-frozen": m0026,
  "0028-review-secretary": m0028,
  "0029-tracking-book-index": m0029,
};
