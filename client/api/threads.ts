/** Comment threads and their comments (server/routes/threads.ts). */
import type { CreateThreadInput } from '../../shared/api';
import { ThreadListSchema, ThreadViewSchema } from '../../shared/schemas/threads';
import { get, json, request, under } from './http';

export const listThreads = async (id: string, signal?: AbortSignal) => (await get(under(id, '/threads'), ThreadListSchema, signal)).threads;
export const createThread = (id: string, input: CreateThreadInput) => request(under(id, '/threads'), ThreadViewSchema, json('POST', input));
export const replyToThread = (id: string, tid: string, body: string, mentions: string[] = []) =>
  request(under(id, `/threads/${tid}/comments`), ThreadViewSchema, json('POST', { body, mentions }));
export const editComment = (id: string, cid: string, body: string, mentions: string[] = []) =>
  request(under(id, `/comments/${cid}`), ThreadViewSchema, json('PATCH', { body, mentions }));
export const deleteComment = (id: string, cid: string) => request(under(id, `/comments/${cid}`), ThreadViewSchema, json('DELETE'));
export const setThreadResolved = (id: string, tid: string, resolved: boolean) =>
  request(under(id, `/threads/${tid}/${resolved ? 'resolve' : 'reopen'}`), ThreadViewSchema, json('POST'));
export const markThreadRead = (id: string, tid: string) => request(under(id, `/threads/${tid}/read`), ThreadViewSchema, json('POST'));
