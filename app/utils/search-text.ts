/**
 * Lower-case text without Vietnamese diacritics, so "khai sinh", "Khai Sinh" and "khai sinh"
 * typed without accents all match "Đăng ký khai sinh".
 */
export function toSearchText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Mn}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
