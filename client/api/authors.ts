/** Who wrote what in an agreement's text (server/routes/authors.ts). */
import { AuthorListSchema } from '../../shared/schemas/authors';
import { get, under } from './http';

/** Who wrote what: each Yjs client id the server bound, and when its items were stored. */
export const getAuthors = async (id: string, signal?: AbortSignal) => (await get(under(id, '/authors'), AuthorListSchema, signal)).authors;
