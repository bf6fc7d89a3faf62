// HTTP routes of 上报抽查情况: level-1 units fill in and submit; the root views every report, returns one, and sees
// the national roll-up. Level 2/3 units are refused (403).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { quarterLabel } from '../../../domain/spot-check.ts';
import { orgRoutes } from '../../guarded-route.ts';
import { requireReporter } from './access.ts';
import { suggestLinkProblems } from './link-problems.ts';
import { asQuarter, loadReport, reportingUnit } from './load-report.ts';
import { ownReports, pickerSites } from './repository.ts';
import { returnReport } from './return-report.ts';
import { nationalRollup } from './rollup.ts';
import { saveReport } from './save-report.ts';
import {
  idParam,
  linkProblems,
  quarterQuery,
  reportList,
  reportQuery,
  reportView,
  returnBody,
  rollup,
  saveReportBody,
  sitePicker,
  sitePickerQuery,
  submitBody,
  suggestBody,
  suggestion,
} from './schema.ts';
import { submitReport } from './submit-report.ts';
import { suggestSample } from './suggest-sample.ts';

export const spotCheckRoutes: FastifyPluginAsyncZod = async (app) => {
  const org = orgRoutes(app, ['上报抽查情况']);

  org.get(
    '/api/spot-checks/report',
    { summary: '某季度的抽查情况（未上报时含实时自动统计）', querystring: reportQuery, response: reportView },
    (actor, r) => loadReport(app.ctx, actor, r.query),
  );
  org.get('/api/spot-checks/mine', { summary: '本单位历次抽查情况', response: reportList }, async (actor) => {
    requireReporter(actor);
    const rows = await ownReports(app.ctx.db, actor.orgCode);
    return {
      items: rows.map((r) => ({
        id: r.id,
        year: r.year,
        quarter: r.quarter,
        quarterLabel: quarterLabel(asQuarter(r)),
        status: r.status,
        checkedCount: r.checked_count,
        passedCount: r.passed_count,
        late: r.late,
        submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : null,
      })),
    };
  });
  org.post(
    '/api/spot-checks/report',
    { summary: '保存抽查情况（草稿）', body: saveReportBody, response: reportView },
    (actor, r) => saveReport(app.ctx, { actor, input: r.body }),
  );
  org.post(
    '/api/spot-checks/report/submit',
    { summary: '上报抽查情况', body: submitBody, response: reportView },
    (actor, r) => submitReport(app.ctx, { actor, input: r.body, ip: r.ip }),
  );
  org.post(
    '/api/spot-checks/:id/return',
    {
      summary: '退回抽查情况（国务院办公厅）',
      params: idParam,
      body: returnBody,
      response: z.object({ ok: z.literal(true) }),
    },
    (actor, r) => returnReport(app.ctx, { actor, id: r.params.id, reason: r.body.reason, ip: r.ip }),
  );
  org.post(
    '/api/spot-checks/sample-suggestion',
    { summary: '分层随机抽样建议', body: suggestBody, response: suggestion },
    (actor, r) => suggestSample(app.ctx, { actor, ratio: r.body.ratio }),
  );
  org.get(
    '/api/spot-checks/link-problems',
    { summary: '链接检查发现的问题网站（可加入不合格网站清单）', response: linkProblems },
    (actor) => suggestLinkProblems(app.ctx, actor),
  );
  org.get(
    '/api/spot-checks/sites',
    { summary: '选择本单位及下级的网站', querystring: sitePickerQuery, response: sitePicker },
    async (actor, r) => {
      requireReporter(actor);
      const unit = await reportingUnit(app.ctx.db, actor, undefined);
      const rows = await pickerSites(app.ctx.db, unit.path, r.query.q);
      return { items: rows.map((s) => ({ id: s.id, siteCode: s.site_code, name: s.name, orgName: s.org_name })) };
    },
  );
  org.get(
    '/api/spot-checks/rollup',
    { summary: '全国汇总（国务院办公厅）', querystring: quarterQuery, response: rollup },
    (actor, r) => nationalRollup(app.ctx, actor, r.query),
  );
};
