import type { AreaMessages } from "./types";

/** Messages of management reviews (ISO 9001 §9.3). */
export const managementReviewVi = {
  "nav.managementReviews": "Xem xét của lãnh đạo",
} as const satisfies Record<string, string>;

export const managementReviewEn: AreaMessages<typeof managementReviewVi> = {
  "nav.managementReviews": "Management reviews",
};
