import type { CalendarException } from "../../app/domain/calendar/working-calendar";

/**
 * Vietnam's working calendar for 2021–2027 as seed data: every date that is neither a plain Monday–
 * Friday working day nor a plain weekend. The quality lead corrects it in the app (each change is
 * audited and open dossiers' due dates are recomputed); this file is only the starting point.
 *
 * Sources: Labour Code 2019 art. 112 and the yearly notices summarised in DOMAIN.md "Public
 * holidays". How the rows are laid out:
 * - `holiday`: the statutory days (1 Jan; Hùng Kings; 30 Apr; 1 May; 2 Sep and its adjacent day).
 *   For Tết the statute fixes the number of days (5), not the dates, so the five weekdays of the
 *   civil servants' break are the holidays and its weekend days are days off.
 * - `day_off`: compensatory days (a holiday on a Saturday or Sunday gives the next working day off),
 *   days swapped for a make-up Saturday, and weekend days inside an official break, so the calendar
 *   shows the whole break.
 * - `working_day`: make-up Saturdays.
 * - "(check)": DOMAIN.md asks to check the 2026 adjacent National Day day; the 2027 one is assumed.
 * - 2027 Tết was not announced when this was written. "(dự kiến)" rows follow 2024, the last year
 *   whose Tết (1st day) also fell on a Saturday: Thu 4 – Wed 10 Feb 2027, i.e. the 29th/30th of the
 *   last lunar month to the 5th of Tết, five weekdays (the Labour Code minimum) plus the weekend.
 *
 * The weekday comments were computed, not typed; tests check them against the dates.
 */
export const VIETNAM_CALENDAR_2021_2027: readonly CalendarException[] = [
  // 2021
  { date: "2021-01-01", kind: "holiday", name: "Tết Dương lịch" }, // Fri
  { date: "2021-02-10", kind: "holiday", name: "Nghỉ Tết Nguyên đán Tân Sửu" }, // Wed
  { date: "2021-02-11", kind: "holiday", name: "Nghỉ Tết Nguyên đán Tân Sửu" }, // Thu
  { date: "2021-02-12", kind: "holiday", name: "Nghỉ Tết Nguyên đán Tân Sửu" }, // Fri
  { date: "2021-02-13", kind: "day_off", name: "Nghỉ Tết Nguyên đán Tân Sửu" }, // Sat
  { date: "2021-02-14", kind: "day_off", name: "Nghỉ Tết Nguyên đán Tân Sửu" }, // Sun
  { date: "2021-02-15", kind: "holiday", name: "Nghỉ Tết Nguyên đán Tân Sửu" }, // Mon
  { date: "2021-02-16", kind: "holiday", name: "Nghỉ Tết Nguyên đán Tân Sửu" }, // Tue
  { date: "2021-04-21", kind: "holiday", name: "Giỗ Tổ Hùng Vương" }, // Wed
  { date: "2021-04-30", kind: "holiday", name: "Ngày Chiến thắng 30/4" }, // Fri
  { date: "2021-05-01", kind: "holiday", name: "Quốc tế Lao động 1/5" }, // Sat
  { date: "2021-05-02", kind: "day_off", name: "Nghỉ lễ 30/4 và 1/5" }, // Sun
  { date: "2021-05-03", kind: "day_off", name: "Nghỉ bù Quốc tế Lao động 1/5" }, // Mon
  { date: "2021-09-02", kind: "holiday", name: "Quốc khánh 2/9" }, // Thu
  { date: "2021-09-03", kind: "holiday", name: "Quốc khánh 2/9 (ngày liền kề)" }, // Fri

  // 2022
  { date: "2022-01-01", kind: "holiday", name: "Tết Dương lịch" }, // Sat
  { date: "2022-01-02", kind: "day_off", name: "Nghỉ Tết Dương lịch" }, // Sun
  { date: "2022-01-03", kind: "day_off", name: "Nghỉ bù Tết Dương lịch" }, // Mon
  { date: "2022-01-29", kind: "day_off", name: "Nghỉ Tết Nguyên đán Nhâm Dần" }, // Sat
  { date: "2022-01-30", kind: "day_off", name: "Nghỉ Tết Nguyên đán Nhâm Dần" }, // Sun
  { date: "2022-01-31", kind: "holiday", name: "Nghỉ Tết Nguyên đán Nhâm Dần" }, // Mon
  { date: "2022-02-01", kind: "holiday", name: "Nghỉ Tết Nguyên đán Nhâm Dần" }, // Tue
  { date: "2022-02-02", kind: "holiday", name: "Nghỉ Tết Nguyên đán Nhâm Dần" }, // Wed
  { date: "2022-02-03", kind: "holiday", name: "Nghỉ Tết Nguyên đán Nhâm Dần" }, // Thu
  { date: "2022-02-04", kind: "holiday", name: "Nghỉ Tết Nguyên đán Nhâm Dần" }, // Fri
  { date: "2022-02-05", kind: "day_off", name: "Nghỉ Tết Nguyên đán Nhâm Dần" }, // Sat
  { date: "2022-02-06", kind: "day_off", name: "Nghỉ Tết Nguyên đán Nhâm Dần" }, // Sun
  { date: "2022-04-10", kind: "holiday", name: "Giỗ Tổ Hùng Vương" }, // Sun
  { date: "2022-04-11", kind: "day_off", name: "Nghỉ bù Giỗ Tổ Hùng Vương" }, // Mon
  { date: "2022-04-30", kind: "holiday", name: "Ngày Chiến thắng 30/4" }, // Sat
  { date: "2022-05-01", kind: "holiday", name: "Quốc tế Lao động 1/5" }, // Sun
  { date: "2022-05-02", kind: "day_off", name: "Nghỉ bù Ngày Chiến thắng 30/4" }, // Mon
  { date: "2022-05-03", kind: "day_off", name: "Nghỉ bù Quốc tế Lao động 1/5" }, // Tue
  { date: "2022-09-01", kind: "holiday", name: "Quốc khánh 2/9 (ngày liền kề)" }, // Thu
  { date: "2022-09-02", kind: "holiday", name: "Quốc khánh 2/9" }, // Fri

  // 2023
  { date: "2023-01-01", kind: "holiday", name: "Tết Dương lịch" }, // Sun
  { date: "2023-01-02", kind: "day_off", name: "Nghỉ bù Tết Dương lịch" }, // Mon
  { date: "2023-01-20", kind: "holiday", name: "Nghỉ Tết Nguyên đán Quý Mão" }, // Fri
  { date: "2023-01-21", kind: "day_off", name: "Nghỉ Tết Nguyên đán Quý Mão" }, // Sat
  { date: "2023-01-22", kind: "day_off", name: "Nghỉ Tết Nguyên đán Quý Mão" }, // Sun
  { date: "2023-01-23", kind: "holiday", name: "Nghỉ Tết Nguyên đán Quý Mão" }, // Mon
  { date: "2023-01-24", kind: "holiday", name: "Nghỉ Tết Nguyên đán Quý Mão" }, // Tue
  { date: "2023-01-25", kind: "holiday", name: "Nghỉ Tết Nguyên đán Quý Mão" }, // Wed
  { date: "2023-01-26", kind: "holiday", name: "Nghỉ Tết Nguyên đán Quý Mão" }, // Thu
  { date: "2023-04-29", kind: "holiday", name: "Giỗ Tổ Hùng Vương" }, // Sat
  { date: "2023-04-30", kind: "holiday", name: "Ngày Chiến thắng 30/4" }, // Sun
  { date: "2023-05-01", kind: "holiday", name: "Quốc tế Lao động 1/5" }, // Mon
  { date: "2023-05-02", kind: "day_off", name: "Nghỉ bù Giỗ Tổ Hùng Vương" }, // Tue
  { date: "2023-05-03", kind: "day_off", name: "Nghỉ bù Ngày Chiến thắng 30/4" }, // Wed
  { date: "2023-09-01", kind: "holiday", name: "Quốc khánh 2/9 (ngày liền kề)" }, // Fri
  { date: "2023-09-02", kind: "holiday", name: "Quốc khánh 2/9" }, // Sat
  { date: "2023-09-03", kind: "day_off", name: "Nghỉ lễ Quốc khánh 2/9" }, // Sun
  { date: "2023-09-04", kind: "day_off", name: "Nghỉ bù Quốc khánh 2/9" }, // Mon

  // 2024
  { date: "2024-01-01", kind: "holiday", name: "Tết Dương lịch" }, // Mon
  { date: "2024-02-08", kind: "holiday", name: "Nghỉ Tết Nguyên đán Giáp Thìn" }, // Thu
  { date: "2024-02-09", kind: "holiday", name: "Nghỉ Tết Nguyên đán Giáp Thìn" }, // Fri
  { date: "2024-02-10", kind: "day_off", name: "Nghỉ Tết Nguyên đán Giáp Thìn" }, // Sat
  { date: "2024-02-11", kind: "day_off", name: "Nghỉ Tết Nguyên đán Giáp Thìn" }, // Sun
  { date: "2024-02-12", kind: "holiday", name: "Nghỉ Tết Nguyên đán Giáp Thìn" }, // Mon
  { date: "2024-02-13", kind: "holiday", name: "Nghỉ Tết Nguyên đán Giáp Thìn" }, // Tue
  { date: "2024-02-14", kind: "holiday", name: "Nghỉ Tết Nguyên đán Giáp Thìn" }, // Wed
  { date: "2024-04-18", kind: "holiday", name: "Giỗ Tổ Hùng Vương" }, // Thu
  { date: "2024-04-27", kind: "day_off", name: "Nghỉ lễ 30/4 và 1/5" }, // Sat
  { date: "2024-04-28", kind: "day_off", name: "Nghỉ lễ 30/4 và 1/5" }, // Sun
  { date: "2024-04-29", kind: "day_off", name: "Nghỉ hoán đổi (làm bù thứ Bảy 04/5)" }, // Mon
  { date: "2024-04-30", kind: "holiday", name: "Ngày Chiến thắng 30/4" }, // Tue
  { date: "2024-05-01", kind: "holiday", name: "Quốc tế Lao động 1/5" }, // Wed
  { date: "2024-05-04", kind: "working_day", name: "Làm bù (thứ Bảy) cho ngày nghỉ 29/4" }, // Sat
  { date: "2024-08-31", kind: "day_off", name: "Nghỉ lễ Quốc khánh 2/9" }, // Sat
  { date: "2024-09-01", kind: "day_off", name: "Nghỉ lễ Quốc khánh 2/9" }, // Sun
  { date: "2024-09-02", kind: "holiday", name: "Quốc khánh 2/9" }, // Mon
  { date: "2024-09-03", kind: "holiday", name: "Quốc khánh 2/9 (ngày liền kề)" }, // Tue

  // 2025
  { date: "2025-01-01", kind: "holiday", name: "Tết Dương lịch" }, // Wed
  { date: "2025-01-25", kind: "day_off", name: "Nghỉ Tết Nguyên đán Ất Tỵ" }, // Sat
  { date: "2025-01-26", kind: "day_off", name: "Nghỉ Tết Nguyên đán Ất Tỵ" }, // Sun
  { date: "2025-01-27", kind: "holiday", name: "Nghỉ Tết Nguyên đán Ất Tỵ" }, // Mon
  { date: "2025-01-28", kind: "holiday", name: "Nghỉ Tết Nguyên đán Ất Tỵ" }, // Tue
  { date: "2025-01-29", kind: "holiday", name: "Nghỉ Tết Nguyên đán Ất Tỵ" }, // Wed
  { date: "2025-01-30", kind: "holiday", name: "Nghỉ Tết Nguyên đán Ất Tỵ" }, // Thu
  { date: "2025-01-31", kind: "holiday", name: "Nghỉ Tết Nguyên đán Ất Tỵ" }, // Fri
  { date: "2025-02-01", kind: "day_off", name: "Nghỉ Tết Nguyên đán Ất Tỵ" }, // Sat
  { date: "2025-02-02", kind: "day_off", name: "Nghỉ Tết Nguyên đán Ất Tỵ" }, // Sun
  { date: "2025-04-07", kind: "holiday", name: "Giỗ Tổ Hùng Vương" }, // Mon
  { date: "2025-04-26", kind: "working_day", name: "Làm bù (thứ Bảy) cho ngày nghỉ 02/5" }, // Sat
  { date: "2025-04-30", kind: "holiday", name: "Ngày Chiến thắng 30/4" }, // Wed
  { date: "2025-05-01", kind: "holiday", name: "Quốc tế Lao động 1/5" }, // Thu
  { date: "2025-05-02", kind: "day_off", name: "Nghỉ hoán đổi (làm bù thứ Bảy 26/4)" }, // Fri
  { date: "2025-05-03", kind: "day_off", name: "Nghỉ lễ 30/4 và 1/5" }, // Sat
  { date: "2025-05-04", kind: "day_off", name: "Nghỉ lễ 30/4 và 1/5" }, // Sun
  { date: "2025-08-30", kind: "day_off", name: "Nghỉ lễ Quốc khánh 2/9" }, // Sat
  { date: "2025-08-31", kind: "day_off", name: "Nghỉ lễ Quốc khánh 2/9" }, // Sun
  { date: "2025-09-01", kind: "holiday", name: "Quốc khánh 2/9 (ngày liền kề)" }, // Mon
  { date: "2025-09-02", kind: "holiday", name: "Quốc khánh 2/9" }, // Tue

  // 2026
  { date: "2026-01-01", kind: "holiday", name: "Tết Dương lịch" }, // Thu
  { date: "2026-02-14", kind: "day_off", name: "Nghỉ Tết Nguyên đán Bính Ngọ" }, // Sat
  { date: "2026-02-15", kind: "day_off", name: "Nghỉ Tết Nguyên đán Bính Ngọ" }, // Sun
  { date: "2026-02-16", kind: "holiday", name: "Nghỉ Tết Nguyên đán Bính Ngọ" }, // Mon
  { date: "2026-02-17", kind: "holiday", name: "Nghỉ Tết Nguyên đán Bính Ngọ" }, // Tue
  { date: "2026-02-18", kind: "holiday", name: "Nghỉ Tết Nguyên đán Bính Ngọ" }, // Wed
  { date: "2026-02-19", kind: "holiday", name: "Nghỉ Tết Nguyên đán Bính Ngọ" }, // Thu
  { date: "2026-02-20", kind: "holiday", name: "Nghỉ Tết Nguyên đán Bính Ngọ" }, // Fri
  { date: "2026-02-21", kind: "day_off", name: "Nghỉ Tết Nguyên đán Bính Ngọ" }, // Sat
  { date: "2026-02-22", kind: "day_off", name: "Nghỉ Tết Nguyên đán Bính Ngọ" }, // Sun
  { date: "2026-04-26", kind: "holiday", name: "Giỗ Tổ Hùng Vương" }, // Sun
  { date: "2026-04-27", kind: "day_off", name: "Nghỉ bù Giỗ Tổ Hùng Vương" }, // Mon
  { date: "2026-04-30", kind: "holiday", name: "Ngày Chiến thắng 30/4" }, // Thu
  { date: "2026-05-01", kind: "holiday", name: "Quốc tế Lao động 1/5" }, // Fri
  { date: "2026-09-01", kind: "holiday", name: "Quốc khánh 2/9 (ngày liền kề) (check)" }, // Tue
  { date: "2026-09-02", kind: "holiday", name: "Quốc khánh 2/9" }, // Wed

  // 2027
  { date: "2027-01-01", kind: "holiday", name: "Tết Dương lịch" }, // Fri
  { date: "2027-02-04", kind: "holiday", name: "Nghỉ Tết Nguyên đán Đinh Mùi (dự kiến)" }, // Thu
  { date: "2027-02-05", kind: "holiday", name: "Nghỉ Tết Nguyên đán Đinh Mùi (dự kiến)" }, // Fri
  { date: "2027-02-06", kind: "day_off", name: "Nghỉ Tết Nguyên đán Đinh Mùi (dự kiến)" }, // Sat
  { date: "2027-02-07", kind: "day_off", name: "Nghỉ Tết Nguyên đán Đinh Mùi (dự kiến)" }, // Sun
  { date: "2027-02-08", kind: "holiday", name: "Nghỉ Tết Nguyên đán Đinh Mùi (dự kiến)" }, // Mon
  { date: "2027-02-09", kind: "holiday", name: "Nghỉ Tết Nguyên đán Đinh Mùi (dự kiến)" }, // Tue
  { date: "2027-02-10", kind: "holiday", name: "Nghỉ Tết Nguyên đán Đinh Mùi (dự kiến)" }, // Wed
  { date: "2027-04-16", kind: "holiday", name: "Giỗ Tổ Hùng Vương" }, // Fri
  { date: "2027-04-30", kind: "holiday", name: "Ngày Chiến thắng 30/4" }, // Fri
  { date: "2027-05-01", kind: "holiday", name: "Quốc tế Lao động 1/5" }, // Sat
  { date: "2027-05-02", kind: "day_off", name: "Nghỉ lễ 30/4 và 1/5" }, // Sun
  { date: "2027-05-03", kind: "day_off", name: "Nghỉ bù Quốc tế Lao động 1/5" }, // Mon
  { date: "2027-09-02", kind: "holiday", name: "Quốc khánh 2/9" }, // Thu
  { date: "2027-09-03", kind: "holiday", name: "Quốc khánh 2/9 (ngày liền kề) (check)" }, // Fri
];
