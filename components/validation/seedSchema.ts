import { z } from 'zod/mini';

/**
 * The seed field is user input: a whole number that rngStream() accepts. Loaded when the reader
 * clicks Run (ValidationRunner), so zod is not part of the page's first-load JavaScript.
 */
export const seedSchema = z
  .string()
  .check(z.regex(/^\d{1,9}$/, 'Use a whole number from 0 to 999999999.'));
