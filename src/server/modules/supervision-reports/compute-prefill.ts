// The prefill of a unit's report: the rows of its subtree for the year, handed to the pure rules of the domain.
import {
  computePrefill,
  type SupervisionPrefill,
  yearRange,
} from '../../../domain/annual-report/supervision-report-prefill.ts';
import type { Db, Trx } from '../../context.ts';
import { prefillSites, prefillSpotChecks } from './repository.ts';

export async function unitPrefill(
  db: Db | Trx,
  unit: { code: string; path: string },
  year: number,
): Promise<SupervisionPrefill> {
  const sites = await prefillSites(db, unit.path, yearRange(year).end);
  const reports = await prefillSpotChecks(db, unit.code, year);
  return computePrefill(year, sites, reports);
}
