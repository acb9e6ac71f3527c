/** "My agreements" (server/routes/dashboard.ts). */
import { DashboardSchema } from '../../shared/lifecycleViews';
import { get } from './http';

/** "My agreements" (server/routes/dashboard.ts): every agreement this browser is signed in to. */
export const getDashboard = async (signal?: AbortSignal) => (await get('/api/dashboard', DashboardSchema, signal)).agreements;
