import { z } from 'zod/mini';
import { ERROR_CODES } from '../errors';

/** Every REST error: a stable code (shared/errors.ts) for programs, and English detail for people reading the API. */
export const ApiErrorSchema = z.object({ error: z.enum(ERROR_CODES), message: z.string() });
