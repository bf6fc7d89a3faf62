// The demo's sites: about 300 sites of 河北省 and its cities and counties in every state a user meets. The bulk
// (applications at every step, returned, withdrawn, waiting for the 16:00 batch, issued sites with modifications and
// flag requests) comes from the national-scale generator restricted to 河北省; offline, 例外, deletion, portal and
// 政务服务平台 requests, notices and the spot-check report then go through the real use cases on a clock that walks
// through the last days, so every invariant and 审核流水 entry is the one the product writes. Deterministic: the same
// `now` gives the same sites, names, states and dates (only the random 校验码 and their salts differ).
import { performance } from 'node:perf_hooks';
import type { Insertable } from 'kysely';
import { sql } from 'kysely';
import type { AppConfig } from '../config.ts';
import type { DatabaseKind } from '../db/database.ts';
import type { LinkChecksTable, LinkHealthTable } from '../db/schema.ts';
import { AUDIT_ACTION_TEXT } from '../domain/audit-events.ts';
import { generateCheckCode } from '../domain/codes.ts';
import { addDays, shanghaiTimeOn, todayCN } from '../domain/dates.ts';
import { SWEPT_RUN_STATUSES } from '../domain/link-health.ts';
import { quarterOf, submissionWindow } from '../domain/spot-check.ts';
import { COLUMN_SEPARATOR } from '../domain/text.ts';
import { writeAudit } from '../server/audit.ts';
import { ManualClock } from '../server/clock.ts';
import type { AppContext, Db, OrgActor, SiteActor } from '../server/context.ts';
import { publishNotice } from '../server/modules/announcements/publish-notice.ts';
import { sealAuditLog } from '../server/modules/audit/chain.ts';
import { decryptCheckCode, encryptCheckCode } from '../server/modules/issuance/check-code-cipher.ts';
import { type LinkCheckResult, linkMessages } from '../server/modules/link-checks/messages.ts';
import { type CheckedUrl, countsAsFailure, FLAG_AFTER_FAILURES } from '../server/modules/link-checks/repository.ts';
import { applyOffline } from '../server/modules/offline/apply-offline.ts';
import { completeOffline } from '../server/modules/offline/complete-offline.ts';
import { sitesWithOrgUnit } from '../server/modules/org-units/repository.ts';
import { reviewOffline } from '../server/modules/review/review-offline.ts';
import { changeSiteStatus } from '../server/modules/site-status/change-site-status.ts';
import { requestFlagChange } from '../server/modules/site-workspace/request-flag.ts';
import { saveReport } from '../server/modules/spot-checks/save-report.ts';
import { submitReport } from '../server/modules/spot-checks/submit-report.ts';
import { hashCheckCode } from '../server/passwords.ts';
import type { Keys } from '../server/secrets.ts';
import { seedDemo } from './demo.ts';
import { hashString, prng } from './people.ts';
import { loadExisting, SealedAuditWriter, syncSequence, writeChunk, writeSequences } from './scale.ts';
import { type Lifecycle, planScale, type ScaleOrg } from './scale-plan.ts';
import { ScaleRowBuilder } from './scale-rows.ts';

export const DEMO_SITE_SEED = 20_261_203;
export const DEMO_SITE_COUNT = 300;
/** The 审核流水 entry that records the demo seed and which site's login the start banner prints. */
export const DEMO_MARKER_ENTITY = 'DEMO_SEED';

const HEBEI = '130000';
const QINHUANGDAO = '130300';
const HAIGANG = '130302';
const SHANHAIGUAN = '130303';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** What the use cases need besides the database: the server keys (校验码 copy) and the configuration. */
export interface DemoSiteEnv {
  keys: Keys;
  config: AppConfig;
  dbKind: DatabaseKind;
}

export interface DemoSitesSummary {
  sites: number;
  ms: number;
}

/** The demo's states: more requests in flight than the national mix, so every list has something to show. */
const DEMO_SHARES: ReadonlyArray<readonly [Lifecycle, number]> = [
  ['CODE_PENDING', 0.06],
  ['SUBMITTED', 0.05],
  ['IN_REVIEW', 0.09],
  ['RETURNED', 0.03],
  ['WITHDRAWN', 0.01],
];

/** 秦皇岛市, 海港区 and 山海关区 have demo accounts: they get more sites than their neighbours. */
function demoWeight(org: ScaleOrg): number {
  if (org.level === 0) return 0; // the root: only there as the end of the province portal's chain
  if (org.code === HEBEI) return 14;
  if (org.code === QINHUANGDAO) return 9;
  if (org.code === HAIGANG || org.code === SHANHAIGUAN) return 7;
  return org.level === 2 ? 3 : 0.9;
}

/** Portals: the province, every city, the two demo counties and every fifth other county. */
function demoPortals(orgs: readonly ScaleOrg[]): string[] {
  const counties = orgs.filter((o) => o.level === 3 && o.code !== HAIGANG && o.code !== SHANHAIGUAN);
  return [
    ...orgs.filter((o) => o.level === 1 || o.level === 2).map((o) => o.code),
    HAIGANG,
    SHANHAIGUAN,
    ...counties.filter((_, i) => i % 5 === 0).map((o) => o.code),
  ];
}

interface DemoSiteRow {
  id: number;
  site_code: string | null;
  org_code: string;
  org_path: string;
  name: string;
  home_url: string;
  is_portal: boolean;
  is_service_platform: boolean;
  run_status: string;
  code_issued_at: Date | null;
  updated_at: Date;
  open: number;
}

/** npm start and `govsite seed --demo`: the org tree and demo accounts (demo.ts), then the demo sites. */
export async function seedDemoWithSites(db: Db, env: DemoSiteEnv, now: Date): Promise<string> {
  const base = await seedDemo(db, now);
  const sites = await seedDemoSites(db, env, now);
  return `${base}，${sites.sites} 个河北省演示网站（用时 ${(sites.ms / 1000).toFixed(1)} 秒）`;
}

/** Writes the demo sites into a database that holds the demo tree and accounts (seedDemo) and nothing else. */
export async function seedDemoSites(db: Db, env: DemoSiteEnv, now: Date): Promise<DemoSitesSummary> {
  const t0 = performance.now();
  const hebei = await db.selectFrom('org_units').select('path').where('code', '=', HEBEI).executeTakeFirstOrThrow();
  const [orgs, categories, existing] = await Promise.all([
    db
      .selectFrom('org_units')
      .select(['code', 'name', 'display_name', 'level', 'branch', 'parent_code'])
      .where((eb) => eb.or([eb('path', 'like', `${hebei.path}%`), eb('level', '=', 0)]))
      .where('enabled', '=', true)
      .execute(),
    db
      .selectFrom('column_categories')
      .select(['code', 'name'])
      .where('active', '=', true)
      .orderBy('sort_order')
      .orderBy('code')
      .execute(),
    loadExisting(db),
  ]);
  const scaleOrgs: ScaleOrg[] = orgs.map((o) => ({
    code: o.code,
    name: o.name,
    displayName: o.display_name,
    level: o.level,
    branch: o.branch,
    parentCode: o.parent_code,
  }));
  const plan = planScale({
    sites: DEMO_SITE_COUNT,
    seed: DEMO_SITE_SEED,
    now,
    orgs: scaleOrgs,
    categories,
    existing,
    weight: demoWeight,
    shares: DEMO_SHARES,
    portalOrgs: demoPortals(scaleOrgs),
    pendingAfterCutoff: true,
  });
  const chunk = new ScaleRowBuilder(plan).build(0, plan.sites.length);
  await sealAuditLog(db);
  await db.transaction().execute(async (trx) => {
    const audit = await SealedAuditWriter.start(trx);
    await writeChunk(trx, audit, chunk);
    await writeSequences(trx, plan);
    for (const table of ['sites', 'requests', 'audit_log']) await syncSequence(trx, table);
  });

  const ctx: AppContext = { db, dbKind: env.dbKind, clock: new ManualClock(now), keys: env.keys, config: env.config };
  const loginSiteId = await giveCheckCodes(ctx, now);
  await playScenarios(ctx, now, loginSiteId);
  await seedLinkChecks(db, now);
  await db
    .insertInto('audit_log')
    .values({
      at: now,
      actor_type: 'SYSTEM',
      actor_name: '系统',
      action: AUDIT_ACTION_TEXT.DEMO_DATA_SEEDED,
      entity_type: DEMO_MARKER_ENTITY,
      entity_id: String(DEMO_SITE_SEED),
      data: JSON.stringify({ sites: plan.sites.length, loginSiteId }),
    })
    .execute();
  // Planner statistics for the new rows (PGlite has no autovacuum).
  await sql`ANALYZE`.execute(db);
  return { sites: plan.sites.length, ms: performance.now() - t0 };
}

/** Issued demo sites, with what the scenarios choose by. */
async function issuedSites(db: Db): Promise<DemoSiteRow[]> {
  return sitesWithOrgUnit(db)
    .select([
      's.id',
      's.site_code',
      's.org_code',
      'o.path as org_path',
      's.name',
      's.home_url',
      's.is_portal',
      's.is_service_platform',
      's.run_status',
      's.code_issued_at',
      's.updated_at',
      (eb) =>
        eb
          .selectFrom('requests as r')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('r.site_id', '=', 's.id')
          .where('r.state', 'in', ['DRAFT', 'SUBMITTED', 'IN_REVIEW', 'RETURNED'])
          .as('open'),
    ])
    .where('s.site_code', 'is not', null)
    .orderBy('s.id')
    .execute() as Promise<DemoSiteRow[]>;
}

/**
 * Every issued site gets a random 校验码 (hashed; used long ago, so no copy is kept) — except one site of 海港区 whose
 * 校验码 is still unused and kept encrypted like a freshly issued one: the start banner prints it.
 */
async function giveCheckCodes(ctx: AppContext, now: Date): Promise<number> {
  const sites = await issuedSites(ctx.db);
  const login = sites.find(
    (s) => s.org_code === HAIGANG && !s.is_portal && s.open === 0 && s.updated_at.getTime() < now.getTime() - 30 * DAY,
  );
  if (!login) throw new Error('演示数据：海港区没有可用于登录演示的网站');
  const codes = sites.map((s) => ({ site: s, code: generateCheckCode() }));
  const hashes = await Promise.all(codes.map((c) => hashCheckCode(c.code)));
  await ctx.db.transaction().execute(async (trx) => {
    const rows = codes.map((c, i) => ({
      id: c.site.id,
      hash: hashes[i]!,
      enc: c.site.id === login.id ? encryptCheckCode(ctx.keys, c.site.id, c.code) : null,
      firstLogin: c.site.id === login.id ? null : new Date(new Date(c.site.code_issued_at!).getTime() + 2 * DAY),
    }));
    await sql`UPDATE sites s SET check_code_hash = v.hash, check_code_enc = v.enc, first_login_at = v.first_login
      FROM unnest(${sql.val(rows.map((r) => r.id))}::bigint[], ${sql.val(rows.map((r) => r.hash))}::text[],
                  ${sql.val(rows.map((r) => r.enc))}::text[], ${sql.val(rows.map((r) => r.firstLogin?.toISOString() ?? null))}::timestamptz[])
        AS v(id, hash, enc, first_login)
      WHERE s.id = v.id`.execute(trx);
  });
  return login.id;
}

/** The site's operator, as after a 填报单位 login. */
const siteActor = (siteCode: string): SiteActor => ({ kind: 'SITE', siteCode });

async function orgActors(db: Db): Promise<(code: string) => OrgActor> {
  const [units, users] = await Promise.all([
    db.selectFrom('org_units').select(['code', 'name', 'display_name', 'level', 'path']).execute(),
    db.selectFrom('users').select(['id', 'username', 'display_name', 'org_code']).orderBy('id').execute(),
  ]);
  const byCode = new Map(units.map((u) => [u.code, u]));
  return (code) => {
    const unit = byCode.get(code);
    if (!unit) throw new Error(`演示数据：没有组织单位 ${code}`);
    const user = users.find((u) => u.org_code === code);
    return {
      kind: 'ORG_USER',
      userId: user?.id ?? 0,
      username: user?.username ?? `demo-${code}`,
      displayName: user?.display_name ?? `${unit.display_name}审核员`,
      role: 'ADMIN',
      orgCode: code,
      orgName: unit.name,
      orgLevel: unit.level,
      orgPath: unit.path,
      mustChangePassword: false,
    };
  };
}

/** Offline, 例外, deletion, flag requests, notices and the spot-check report, each through its use case. */
async function playScenarios(ctx: AppContext, now: Date, loginSiteId: number): Promise<void> {
  const clock = ctx.clock as ManualClock;
  const actorOf = await orgActors(ctx.db);
  const sites = await issuedSites(ctx.db);
  // Clean issued sites (no open request, quiet for a month: the scenarios start 21 days ago), the demo units' first, in a fixed shuffled order.
  const rand = prng(hashString(`${DEMO_SITE_SEED}|scenarios`));
  const quiet = sites
    .filter((s) => s.open === 0 && s.id !== loginSiteId && s.updated_at.getTime() < now.getTime() - 30 * DAY)
    .map((s) => ({ s, key: (s.org_path.includes(`/${QINHUANGDAO}/`) ? 0 : 1) + rand() }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.s);
  const used = new Set<number>();
  const take = (want: (s: DemoSiteRow) => boolean): DemoSiteRow => {
    const site = quiet.find((s) => !used.has(s.id) && want(s));
    if (!site) throw new Error('演示数据：没有足够的网站用于演示场景');
    used.add(site.id);
    return site;
  };
  const department = (s: DemoSiteRow) => !s.is_portal;
  const at = (daysAgo: number, hour = 10) => {
    // hour:00 in Asia/Shanghai, never after now.
    const day = addDays(todayCN(now), -daysAgo);
    return new Date(Math.min(shanghaiTimeOn(day, hour).getTime(), now.getTime() - HOUR));
  };

  /** Approves an offline request step by step (each level's reviewer), `steps` times or to the end. */
  const approveOffline = async (requestId: number, steps = Number.POSITIVE_INFINITY) => {
    for (let i = 0; i < steps; i++) {
      const row = await ctx.db
        .selectFrom('requests')
        .select(['state', 'current_org'])
        .where('id', '=', requestId)
        .executeTakeFirstOrThrow();
      if (!row.current_org || (row.state !== 'SUBMITTED' && row.state !== 'IN_REVIEW')) return;
      clock.advance(2 * HOUR);
      await reviewOffline(ctx, { actor: actorOf(row.current_org), id: requestId, action: 'APPROVE', ip: null });
    }
  };
  const apply = async (site: DemoSiteRow, when: Date, input: Parameters<typeof applyOffline>[1]['input']) => {
    clock.set(when);
    const out = await applyOffline(ctx, { actor: siteActor(site.site_code!), input, ip: null });
    return out.requestId;
  };

  // 临时下线: running (approved, started), waiting at the first and at a later step, and one 驳回.
  for (let i = 0; i < 4; i++) {
    const site = take(department);
    const day = todayCN(at(8 - i));
    const id = await apply(site, at(8 - i, 9), {
      kind: 'TEMP',
      reason: ['网站改版升级，暂停对外服务', '机房搬迁，服务器停机', '等保测评整改期间暂停访问', '栏目内容集中清理'][
        i
      ]!,
      plannedDate: day,
      restoreDate: addDays(day, 12 + i * 3),
    });
    await approveOffline(id);
  }
  for (let i = 0; i < 3; i++) {
    const site = take(department);
    const day = todayCN(at(1));
    const id = await apply(site, at(2 - (i % 2), 9 + i), {
      kind: 'TEMP',
      reason: '网站迁移至集约化平台，迁移期间暂停访问',
      plannedDate: addDays(day, 5),
      restoreDate: addDays(day, 20),
    });
    if (i === 2) await approveOffline(id, 1);
  }
  {
    const site = take(department);
    const day = todayCN(at(6));
    const id = await apply(site, at(6, 11), {
      kind: 'TEMP',
      reason: '临时维护',
      plannedDate: addDays(day, 2),
      restoreDate: addDays(day, 14),
    });
    {
      clock.advance(3 * HOUR);
      const row = await ctx.db
        .selectFrom('requests')
        .select('current_org')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      await reviewOffline(ctx, {
        actor: actorOf(row.current_org!),
        id,
        action: 'RETURN',
        reason: '下线原因过于笼统，请说明维护内容和影响范围。',
        ip: null,
      });
    }
  }

  // 永久下线: waiting for review, approved (待完成下线), and completed.
  for (let i = 0; i < 6; i++) {
    const site = take(department);
    const when = at(i < 2 ? 1 : 25 - i * 2, 10);
    const day = todayCN(when);
    const id = await apply(site, when, {
      kind: 'PERM',
      reason: ['网站整合至本级政府门户网站', '机构改革，职能划转', '集约化建设，内容迁移至上级网站'][i % 3]!,
      plannedDate: addDays(day, 3),
      migrationUrl: `https://www.${site.org_code}.gov.cn/`,
    });
    if (i < 2) continue;
    await approveOffline(id);
    if (i < 4) continue;
    clock.advance(2 * DAY);
    await completeOffline(ctx, {
      actor: siteActor(site.site_code!),
      input: {
        noticeUrl: `https://www.${site.org_code}.gov.cn/notice/closing.html`,
        noticePostedDate: todayCN(when),
        icpCancelled: true,
        psbCancelled: true,
        conacCancelled: true,
        domainCancelled: i === 4,
        acknowledgeWarnings: true,
      },
      ip: null,
    });
  }

  // 紧急下线: effective on submission; one acknowledged by the whole chain.
  for (let i = 0; i < 3; i++) {
    const site = take(department);
    const when = at(2 - i, 8 + i * 3);
    const id = await apply(site, when, {
      kind: 'EMERGENCY',
      reason: ['网站遭受网络攻击，页面被篡改', '发现严重安全漏洞，紧急下线修复', '服务器硬件故障'][i]!,
      onlineDate: addDays(todayCN(when), 5 + i * 2),
    });
    if (i === 0) await approveOffline(id);
  }

  // 例外 and 删除 by 河北省.
  const hebei = actorOf(HEBEI);
  const reasons = {
    EXCEPTION: ['涉密内网系统，不对公众开放', '应急指挥专用系统，按例外网站管理', '试点建设中，暂不纳入监测'],
    DELETE: ['重复填报，已与其他网站合并', '非政府网站，误报', '测试数据'],
  } as const;
  for (const action of ['EXCEPTION', 'DELETE'] as const) {
    for (const reason of reasons[action]) {
      const site = take(department);
      clock.set(at(4, 15));
      await changeSiteStatus(ctx, { actor: hebei, siteId: site.id, action, reason, ip: null });
    }
  }

  // 申请门户网站 (units without a portal), 申请取消门户网站, and the 政务服务平台 flag both ways.
  const portalOrgs = new Set(sites.filter((s) => s.is_portal && s.run_status === 'NORMAL').map((s) => s.org_code));
  const flag = async (site: DemoSiteRow, input: Parameters<typeof requestFlagChange>[1]['input'], daysAgo: number) => {
    clock.set(at(daysAgo, 14));
    await requestFlagChange(ctx, { actor: siteActor(site.site_code!), input, ip: null });
  };
  for (let i = 0; i < 3; i++) {
    const site = take((s) => !s.is_portal && !portalOrgs.has(s.org_code));
    portalOrgs.add(site.org_code);
    await flag(site, { flag: 'portal', value: true }, 3 - i);
  }
  for (let i = 0; i < 2; i++)
    await flag(
      take((s) => s.is_portal),
      { flag: 'portal', value: false },
      2 - i,
    );
  for (let i = 0; i < 3; i++) {
    await flag(
      take((s) => !s.is_portal && !s.is_service_platform),
      { flag: 'servicePlatform', value: true },
      3 - i,
    );
  }
  for (let i = 0; i < 2; i++) {
    const site = quiet.find((s) => !used.has(s.id) && s.is_service_platform);
    if (!site) break;
    used.add(site.id);
    await flag(site, { flag: 'servicePlatform', value: false }, 1);
  }

  // 重要通知: one from 国务院办公厅 to everyone (pinned), two from 河北省 to its units.
  const notices: { actor: OrgActor; daysAgo: number; title: string; body: string; pinned: boolean }[] = [
    {
      actor: actorOf('bm0100'),
      daysAgo: 12,
      pinned: true,
      title: '关于做好政府网站年度工作报表报送工作的通知',
      body: '<p>各省、自治区、直辖市人民政府办公厅，国务院各部委、各直属机构办公厅（室）：</p><p>请各地区、各部门于每季度末前通过本系统完成政府网站基本信息核对和抽查情况上报，确保网站名称、首页网址、主办单位和联系人信息准确。</p><p>国务院办公厅政府信息与政务公开办公室</p>',
    },
    {
      actor: hebei,
      daysAgo: 6,
      pinned: false,
      title: '河北省关于开展政府网站链接可用性自查的通知',
      body: '<p>各市、县（区）政府办公室：</p><p>近期巡检发现部分网站首页或栏目无法访问，请对照系统中的<strong>链接健康</strong>结果逐一核查，于两周内完成整改，并通过「基本信息修改」更新已变更的网址。</p>',
    },
    {
      actor: hebei,
      daysAgo: 1,
      pinned: false,
      title: '关于临时下线网站按期恢复访问的提醒',
      body: '<p>已批准临时下线的网站请在恢复开通时间前完成维护工作。临时下线每年最多一次，最长 30 天；确需延长的，请按永久下线或整合迁移办理。</p>',
    },
  ];
  for (const n of notices) {
    clock.set(at(n.daysAgo, 16));
    await publishNotice(ctx, {
      actor: n.actor,
      input: { title: n.title, bodyHtml: n.body, pinned: n.pinned, attachmentIds: [] },
      ip: null,
    });
  }

  // 上报抽查情况: 河北省's report of the last quarter, with two findings, submitted.
  const last = quarterOf(new Date(now.getTime() - 92 * DAY));
  const window = submissionWindow(last);
  clock.set(new Date(Math.min(now.getTime() - 2 * HOUR, window.lateFrom.getTime() - 3 * DAY)));
  const reportedAt = clock.now().getTime();
  const checked = sites
    .filter((s) => s.run_status === 'NORMAL' && !used.has(s.id) && s.code_issued_at!.getTime() < reportedAt - 30 * DAY)
    .slice(0, 12);
  const saved = await saveReport(ctx, {
    actor: hebei,
    input: {
      ...last,
      version: 0,
      checkedCount: checked.length,
      passedCount: checked.length - 2,
      errorReports: 3,
      summary:
        '本季度按照不低于 10% 的比例随机抽查了省、市、县三级政府网站，重点检查首页更新、栏目更新、互动回应和链接可用性。发现的问题已通知主办单位限期整改。',
      reporterName: '王建国',
      reporterPhone: '0311-87801234',
      findings: checked.slice(0, 2).map((s, i) => ({
        siteId: s.id,
        problemType: i === 0 ? ('VETO_3' as const) : ('LOW_SCORE' as const),
        description: i === 0 ? '首页超过两周未更新' : '多个栏目长期未更新，互动栏目无回复',
        rectification: i === 0 ? '已恢复每日更新' : '已约谈主办单位，限期一个月整改',
        accountabilityCount: i,
      })),
      sample: checked.map((s) => s.id),
    },
  });
  clock.advance(HOUR);
  await submitReport(ctx, { actor: hebei, input: { ...last, version: saved.version }, ip: null });
}

/**
 * Three nightly link sweeps over the running sites, written in bulk as the sweep would have left them (one statement
 * per table instead of a transaction per site): most reachable, some 栏目 broken, a few homes down on every sweep and
 * therefore flagged (with their 审核流水 entry), a few down only last night.
 */
async function seedLinkChecks(db: Db, now: Date): Promise<void> {
  const sites = await db
    .selectFrom('sites')
    .select(['id', 'site_code', 'home_url', 'columns'])
    .where('run_status', 'in', [...SWEPT_RUN_STATUSES])
    .orderBy('id')
    .execute();
  const rand = prng(hashString(`${DEMO_SITE_SEED}|links`));
  const plan = sites.map((s) => {
    const x = rand();
    const column = (s.columns as { addresses?: string }[]).find((c) => c.addresses?.startsWith('http'));
    return {
      site: s,
      elapsed: 150 + Math.floor(rand() * 900),
      // ~1%: home unreachable on every sweep (flagged); ~2%: home down last night only; ~3%: a 栏目 address broken.
      homeDown: (night: number) => x < 0.012 || (night === 1 && x > 0.98),
      timeout: x < 0.006,
      columnBroken: x >= 0.012 && x < 0.045,
      columnUrl: column?.addresses?.split(COLUMN_SEPARATOR)[0] ?? null,
    };
  });
  const checkRows: Insertable<LinkChecksTable>[] = [];
  const health = new Map<number, Insertable<LinkHealthTable>>();
  const flaggedAudit: { at: Date; siteId: number; siteCode: string | null; message: string }[] = [];
  for (let night = 3; night >= 1; night--) {
    const day = addDays(todayCN(now), -night);
    const started = shanghaiTimeOn(addDays(day, 1), 2); // the sweep of that night starts at 02:00 the next morning
    const finished = new Date(started.getTime() + sites.length * 1500);
    let urlsChecked = 0;
    let urlsFailed = 0;
    const sweep = await db
      .insertInto('link_sweeps')
      .values({ night: day, status: 'RUNNING', started_at: started, updated_at: started, runs: 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [i, p] of plan.entries()) {
      const at = new Date(started.getTime() + i * 1500);
      const down = p.homeDown(night);
      const home: LinkCheckResult = !down
        ? {
            url: p.site.home_url,
            ok: true,
            status: 200,
            elapsedMs: p.elapsed,
            message: linkMessages.ok(200, p.elapsed),
            redirects: [],
          }
        : p.timeout
          ? {
              url: p.site.home_url,
              ok: false,
              elapsedMs: 15_000,
              error: 'TIMEOUT',
              message: linkMessages.timeout(15_000),
              redirects: [],
            }
          : {
              url: p.site.home_url,
              ok: false,
              status: 503,
              elapsedMs: p.elapsed,
              error: 'HTTP_ERROR',
              message: linkMessages.http(503),
              redirects: [],
            };
      const checks: CheckedUrl[] = [{ kind: 'HOME', result: home }];
      if (p.columnUrl) {
        const url = p.columnUrl;
        checks.push({
          kind: 'COLUMN',
          result: p.columnBroken
            ? {
                url,
                ok: false,
                status: 404,
                elapsedMs: p.elapsed,
                error: 'HTTP_ERROR',
                message: linkMessages.http(404),
                redirects: [],
              }
            : {
                url,
                ok: true,
                status: 200,
                elapsedMs: p.elapsed,
                message: linkMessages.ok(200, p.elapsed),
                redirects: [],
              },
        });
      }
      for (const { kind, result } of checks) {
        checkRows.push({
          sweep_id: sweep.id,
          site_id: p.site.id,
          kind,
          url: result.url,
          checked_at: at,
          ok: result.ok,
          status: result.status ?? null,
          elapsed_ms: result.elapsedMs,
          error: result.error ?? null,
          message: result.message,
          final_url: null,
          redirects: JSON.stringify(result.redirects),
        });
      }
      const failed = checks.filter((c) => countsAsFailure(c.result)).length;
      urlsChecked += checks.length;
      urlsFailed += failed;
      const previous = health.get(p.site.id);
      const failures = down ? Number(previous?.home_consecutive_failures ?? 0) + 1 : 0;
      const flagged = failures >= FLAG_AFTER_FAILURES;
      if (flagged && previous?.flagged !== true) {
        flaggedAudit.push({ at, siteId: p.site.id, siteCode: p.site.site_code, message: home.message });
      }
      health.set(p.site.id, {
        site_id: p.site.id,
        last_sweep_id: sweep.id,
        last_checked_at: at,
        home_ok: !down,
        home_consecutive_failures: failures,
        flagged,
        flagged_since: flagged ? (previous?.flagged_since ?? at) : null,
        urls_total: checks.length,
        urls_failed: failed,
        footer: null,
        footer_problems: 0,
        updated_at: at,
      });
    }
    await db
      .updateTable('link_sweeps')
      .set({
        status: 'DONE',
        cursor_site_id: sites.at(-1)?.id ?? 0,
        sites_checked: sites.length,
        urls_checked: urlsChecked,
        urls_failed: urlsFailed,
        finished_at: finished,
        updated_at: finished,
      })
      .where('id', '=', sweep.id)
      .execute();
  }
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < checkRows.length; i += 1000) {
      await trx
        .insertInto('link_checks')
        .values(checkRows.slice(i, i + 1000))
        .execute();
    }
    if (health.size > 0)
      await trx
        .insertInto('link_health')
        .values([...health.values()])
        .execute();
    for (const f of flaggedAudit) {
      await writeAudit(trx, f.at, 'SYSTEM', {
        kind: 'LINK_HEALTH_FLAGGED',
        entityType: 'site',
        entityId: String(f.siteId),
        siteCode: f.siteCode,
        comment: `首页连续 ${FLAG_AFTER_FAILURES} 次巡检无法访问：${f.message}`,
      });
    }
  });
}

/** The printed demo 填报单位 login: the 标识码 and the 校验码 while it is still unused (null afterwards). */
export async function demoSiteLogin(
  db: Db,
  keys: Keys,
): Promise<{ siteCode: string; checkCode: string; name: string } | null> {
  const marker = await db
    .selectFrom('audit_log')
    .select('data')
    .where('entity_type', '=', DEMO_MARKER_ENTITY)
    .orderBy('id')
    .executeTakeFirst();
  const siteId = marker?.data?.loginSiteId;
  if (typeof siteId !== 'number') return null;
  const site = await db
    .selectFrom('sites')
    .select(['site_code', 'name', 'check_code_enc', 'first_login_at'])
    .where('id', '=', siteId)
    .executeTakeFirst();
  if (!site?.site_code || !site.check_code_enc || site.first_login_at) return null;
  const checkCode = decryptCheckCode(keys, siteId, site.check_code_enc);
  return checkCode ? { siteCode: site.site_code, checkCode, name: site.name } : null;
}
