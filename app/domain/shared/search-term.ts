/**
 * A search term as the dossier search index holds its text: lower case, Vietnamese accents and tone
 * marks removed, đ/Đ as d (Unicode gives đ no decomposition, so NFD alone keeps it), spaces collapsed.
 * "NGUYỄN VĂN" and "nguyễn văn" both become "nguyen van".
 */
export function foldSearchTerm(term: string): string {
  return term
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** The shortest folded term the trigram indexes can answer (both engines index 3-character substrings). */
export const MIN_INDEXED_TERM = 3;
