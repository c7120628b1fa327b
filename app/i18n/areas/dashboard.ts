import type { AreaMessages } from "./types";

/** Messages of the quality dashboard and the public transparency page. */
export const dashboardVi = {} as const satisfies Record<string, string>;

export const dashboardEn: AreaMessages<typeof dashboardVi> = {};
