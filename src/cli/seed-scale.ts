// `govsite seed --scale [N] [--seed S]`: writes N generated sites (default 100,000) with their requests and 审核流水
// on top of the national tree, with a progress bar. Refuses (exit 1) when the database already holds generated data.
import { SingleBar } from 'cli-progress';
import type { AppConfig } from '../config.ts';
import { migrateToLatest, openDatabase } from '../db/database.ts';
import { generatedSiteCount, ScaleSeedRefusedError, seedScale } from '../seed/scale.ts';
import { DEFAULT_SCALE_SEED } from '../seed/scale-plan.ts';

export const DEFAULT_SCALE_SITES = 100_000;
const MAX_SCALE_SITES = 2_000_000;

export interface SeedScaleArgs {
  sites: number;
  seed: number;
}

/** Reads `--scale [N]` (N optional) and `--seed S` from the arguments after `seed`; an error text when malformed. */
export function parseSeedScaleArgs(args: readonly string[]): SeedScaleArgs | string {
  const valueAfter = (flag: string): string | undefined => {
    const inline = args.find((a) => a.startsWith(`${flag}=`));
    if (inline) return inline.slice(flag.length + 1);
    const i = args.indexOf(flag);
    const next = i >= 0 ? args[i + 1] : undefined;
    return next !== undefined && !next.startsWith('--') ? next : undefined;
  };
  const count = (text: string | undefined, fallback: number) =>
    text === undefined ? fallback : Number(text.replaceAll(/[,_]/g, ''));
  const sites = count(valueAfter('--scale'), DEFAULT_SCALE_SITES);
  const seed = count(valueAfter('--seed'), DEFAULT_SCALE_SEED);
  if (!Number.isInteger(sites) || sites < 1 || sites > MAX_SCALE_SITES) {
    return `网站数量应为 1 到 ${MAX_SCALE_SITES} 之间的整数：govsite seed --scale 100000`;
  }
  if (!Number.isInteger(seed) || seed < 0) return '随机种子应为非负整数：govsite seed --scale 100000 --seed 1';
  return { sites, seed };
}

export async function seedScaleCommand(config: AppConfig, args: SeedScaleArgs): Promise<number> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(database.db);
    const already = await generatedSiteCount(database.db);
    if (already !== null) throw new ScaleSeedRefusedError(already);
    const bar = new SingleBar({
      format: '生成网站数据 [{bar}] {value}/{total} 个网站 | 已用 {duration_formatted} | 预计剩余 {eta_formatted}',
      hideCursor: true,
      noTTYOutput: true,
      notTTYSchedule: 5000,
    });
    bar.start(args.sites, 0);
    let summary: Awaited<ReturnType<typeof seedScale>>;
    try {
      summary = await seedScale(database.db, {
        sites: args.sites,
        seed: args.seed,
        onProgress: (done) => bar.update(done),
      });
    } finally {
      bar.stop();
    }
    const c = summary.counts;
    console.log(
      `已生成 ${summary.sites} 个网站（门户 ${summary.portals} 个）、${summary.requests} 条申请、` +
        `${summary.audit} 条审核流水，用时 ${(summary.ms / 1000).toFixed(1)} 秒\n` +
        `  已发码 ${c.ISSUED}，待生成标识码 ${c.CODE_PENDING}，未提交 ${c.SUBMITTED}，审核中 ${c.IN_REVIEW}，` +
        `已退回 ${c.RETURNED}，已撤回 ${c.WITHDRAWN}（随机种子 ${args.seed}）`,
    );
    return 0;
  } catch (error) {
    if (error instanceof ScaleSeedRefusedError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}
