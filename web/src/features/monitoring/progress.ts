import type { Job } from '../../../../src/contract/monitoring.schema';

/**
 * How far the running re-judgings have got together, as a whole percent rounded down (it shows
 * 100 % only when everything is done). A run that has not counted its records yet counts as 0 %.
 */
export function rejudgeProgress(jobs: readonly Pick<Job, 'total' | 'done'>[]): number {
  const total = jobs.reduce((s, j) => s + Math.max(0, j.total), 0);
  const done = jobs.reduce((s, j) => s + Math.min(Math.max(0, j.done), Math.max(0, j.total)), 0);
  return total === 0 ? 0 : Math.floor((done / total) * 100);
}
