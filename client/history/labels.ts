/** The history's labels come from shared/historyLabels.ts, so the app and the redline exports name versions alike. */
export { listNames as names, versionLabel } from '../../shared/historyLabels';
