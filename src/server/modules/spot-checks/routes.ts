// HTTP routes of 上报抽查情况: level-1 units fill in and submit; the root views every report, returns one, and sees
// the national roll-up. Level 2/3 units are refused (403).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { quarterLabel } from '../../../domain/spot-check.ts';
import { orgActor } from '../../guards.ts';
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
  const tags = ['上报抽查情况'];
  const config = { access: 'org' as const };

  app.get(
    '/api/spot-checks/report',
    {
      config,
      schema: {
        tags,
        summary: '某季度的抽查情况（未上报时含实时自动统计）',
        querystring: reportQuery,
        response: { 200: reportView },
      },
    },
    async (request) => loadReport(app.ctx, orgActor(request), request.query),
  );

  app.get(
    '/api/spot-checks/mine',
    { config, schema: { tags, summary: '本单位历次抽查情况', response: { 200: reportList } } },
    async (request) => {
      const actor = orgActor(request);
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
    },
  );

  app.post(
    '/api/spot-checks/report',
    { config, schema: { tags, summary: '保存抽查情况（草稿）', body: saveReportBody, response: { 200: reportView } } },
    async (request) => saveReport(app.ctx, { actor: orgActor(request), input: request.body }),
  );

  app.post(
    '/api/spot-checks/report/submit',
    { config, schema: { tags, summary: '上报抽查情况', body: submitBody, response: { 200: reportView } } },
    async (request) => submitReport(app.ctx, { actor: orgActor(request), input: request.body, ip: request.ip }),
  );

  app.post(
    '/api/spot-checks/:id/return',
    {
      config,
      schema: {
        tags,
        summary: '退回抽查情况（国务院办公厅）',
        params: idParam,
        body: returnBody,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) =>
      returnReport(app.ctx, {
        actor: orgActor(request),
        id: request.params.id,
        reason: request.body.reason,
        ip: request.ip,
      }),
  );

  app.post(
    '/api/spot-checks/sample-suggestion',
    { config, schema: { tags, summary: '分层随机抽样建议', body: suggestBody, response: { 200: suggestion } } },
    async (request) => suggestSample(app.ctx, { actor: orgActor(request), ratio: request.body.ratio }),
  );

  app.get(
    '/api/spot-checks/link-problems',
    {
      config,
      schema: {
        tags,
        summary: '链接检查发现的问题网站（可加入不合格网站清单）',
        response: { 200: linkProblems },
      },
    },
    async (request) => suggestLinkProblems(app.ctx, orgActor(request)),
  );

  app.get(
    '/api/spot-checks/sites',
    {
      config,
      schema: { tags, summary: '选择本单位及下级的网站', querystring: sitePickerQuery, response: { 200: sitePicker } },
    },
    async (request) => {
      const actor = orgActor(request);
      requireReporter(actor);
      const unit = await reportingUnit(app.ctx.db, actor, undefined);
      const rows = await pickerSites(app.ctx.db, unit.path, request.query.q);
      return { items: rows.map((r) => ({ id: r.id, siteCode: r.site_code, name: r.name, orgName: r.org_name })) };
    },
  );

  app.get(
    '/api/spot-checks/rollup',
    {
      config,
      schema: { tags, summary: '全国汇总（国务院办公厅）', querystring: quarterQuery, response: { 200: rollup } },
    },
    async (request) => nationalRollup(app.ctx, orgActor(request), request.query),
  );
};
