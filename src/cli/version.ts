/** The version `qualify --version` prints; its own module so the launcher can answer without loading the program. */
export const VERSION = '0.1.0';
