/** Download links to an agreement's copies (server/routes/exports.ts, draftExports.ts; export.json in lifecycle.ts). */
import { under } from './http';

/** Download links (the browser sends the session cookie). */
export const exportUrl = (id: string, format: 'pdf' | 'docx' | 'json'): string => under(id, `/export.${format}`);
/** The locked version as a PDF marked "not signed", to read before signing. */
export const reviewUrl = (id: string): string => under(id, '/review.pdf');
/** The draft as it stands, open suggestions as a redline with their authors (server/export/draft.ts). */
export const draftUrl = (id: string, format: 'pdf' | 'docx'): string => under(id, `/draft.${format}`);
