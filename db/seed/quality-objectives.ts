import type { ObjectiveDefinition } from "../../app/models/objectives.server";

/** The commune's yearly objectives (procedures-docs MT-2026 states them in words; these are the figures). */
export function demoObjectives(year: number): ObjectiveDefinition[] {
  const onlineTarget = year >= 2025 ? 0.8 : year >= 2023 ? 0.5 : 0.3;
  const eTransferTarget = year >= 2025 ? 0.8 : year >= 2023 ? 0.7 : 0.5;
  return [
    { title: "100% hồ sơ thủ tục hành chính được giải quyết đúng hạn", metric: "on_time_rate", comparator: ">=", target: 1 },
    { title: `Tỷ lệ hồ sơ tiếp nhận trực tuyến đạt từ ${Math.round(onlineTarget * 100)}% trở lên`, metric: "online_rate", comparator: ">=", target: onlineTarget },
    { title: `Tỷ lệ hồ sơ liên thông điện tử đạt từ ${Math.round(eTransferTarget * 100)}% trở lên`, metric: "e_transfer_rate", comparator: ">=", target: eTransferTarget },
    { title: "Không để hồ sơ quá hạn tồn đọng", metric: "overdue_now", comparator: "<=", target: 0 },
    { title: "Tỷ lệ người dân hài lòng đạt từ 90% trở lên", metric: "satisfaction_rate", comparator: ">=", target: 0.9 },
    { title: "100% phản ánh, kiến nghị, khiếu nại được trả lời đúng hạn", metric: "complaints_on_time_rate", comparator: ">=", target: 1 },
  ];
}
