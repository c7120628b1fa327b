import type { AreaMessages } from "./types";

/** Messages of audit checklist templates. */
export const checklistsVi = {
  "nav.checklists": "Danh mục câu hỏi đánh giá",
} as const satisfies Record<string, string>;

export const checklistsEn: AreaMessages<typeof checklistsVi> = {
  "nav.checklists": "Audit checklists",
};
