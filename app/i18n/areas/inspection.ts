import type { AreaMessages } from "./types";

/** Messages of the inspectors' portal. */
export const inspectionVi = {
  "nav.inspection": "Cổng thanh tra",
} as const satisfies Record<string, string>;

export const inspectionEn: AreaMessages<typeof inspectionVi> = {
  "nav.inspection": "Inspectors' portal",
};
