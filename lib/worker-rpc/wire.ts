import { z } from 'zod/mini';
import { RPC_ERROR_KINDS } from './errors';

/**
 * The envelope of every message between page and worker (payloads are checked against the
 * contract separately). zod/mini keeps the page-side cost of validation small.
 */
const id = z.number().check(z.int(), z.nonnegative());

export const toWorkerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('call'), id, method: z.string(), params: z.unknown() }),
  z.object({ type: z.literal('cancel'), id }),
]);
export type ToWorker = z.infer<typeof toWorkerSchema>;

export const wireErrorSchema = z.object({
  kind: z.enum(RPC_ERROR_KINDS),
  message: z.string(),
  code: z.optional(z.string()),
});
export type WireError = z.infer<typeof wireErrorSchema>;

export const fromWorkerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('result'), id, value: z.unknown() }),
  z.object({ type: z.literal('error'), id, error: wireErrorSchema }),
  z.object({ type: z.literal('progress'), id, value: z.unknown() }),
]);
export type FromWorker = z.infer<typeof fromWorkerSchema>;
