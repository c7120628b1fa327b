import type { AreaMessages } from "./types";

/** Messages of issue 15 (speed at province scale): the register's bounded count and its search box. */
export const speedVi = {
  "register.countMore": "Hơn {count} hồ sơ",
  "register.filter.search": "Mã hồ sơ, người nộp, điện thoại, số định danh",
  "register.overdueMore": "{count} hồ sơ quá hạn lâu nhất; lọc \"Chỉ hồ sơ quá hạn\" để xem tất cả.",
};

export const speedEn: AreaMessages<typeof speedVi> = {
  "register.countMore": "More than {count} dossiers",
  "register.filter.search": "Dossier code, applicant, phone, ID number",
  "register.overdueMore": "The {count} most overdue dossiers; filter \"Overdue only\" to see them all.",
};
