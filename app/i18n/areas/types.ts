/** An area's English messages must have exactly the keys of its Vietnamese ones. */
export type AreaMessages<T extends Record<string, string>> = Record<keyof T, string>;
