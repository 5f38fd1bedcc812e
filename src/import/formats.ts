/** The formats `qualify import` converts; kept free of the converters so listing them is cheap. */
export const IMPORT_FORMATS = ['gift', 'aiken'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
