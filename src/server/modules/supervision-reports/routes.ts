// HTTP routes of 《政府网站监管年度报表》: a level-1 unit opens, fills in and submits its report of a year; the root
// lists the year's reports and approves or returns each. Level 2/3 units are refused (403); a report outside the
// caller's subtree answers 404.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { orgRoutes } from '../../guarded-route.ts';
import { approveReport, returnReport } from './decide-report.ts';
import { listReports, loadReport, ownReport } from './load-report.ts';
import { openReport } from './open-report.ts';
import { refreshPrefill } from './refresh-prefill.ts';
import { saveDraft } from './save-draft.ts';
import {
  draftBody,
  idParam,
  mineView,
  openBody,
  reportList,
  reportView,
  returnBody,
  versionBody,
  yearQuery,
} from './schema.ts';
import { submitReport } from './submit-report.ts';

export const supervisionReportRoutes: FastifyPluginAsyncZod = async (app) => {
  const org = orgRoutes(app, ['监管年度报表']);

  org.get(
    '/api/supervision-reports/mine',
    { summary: '本单位某年度的监管年度报表', querystring: yearQuery, response: mineView },
    (actor, r) => ownReport(app.ctx, actor, r.query.year),
  );
  org.post(
    '/api/supervision-reports',
    { summary: '创建或打开本单位某年度的监管年度报表', body: openBody, response: reportView },
    (actor, r) => openReport(app.ctx, { actor, year: r.body.year, ip: r.ip }),
  );
  org.get(
    '/api/supervision-reports',
    { summary: '某年度各单位的监管年度报表（国务院办公厅）', querystring: yearQuery, response: reportList },
    (actor, r) => listReports(app.ctx, actor, r.query.year),
  );
  org.get(
    '/api/supervision-reports/:id',
    { summary: '查看监管年度报表', params: idParam, response: reportView },
    (actor, r) => loadReport(app.ctx, actor, r.params.id),
  );
  org.post(
    '/api/supervision-reports/:id/draft',
    { summary: '保存监管年度报表', params: idParam, body: draftBody, response: reportView },
    (actor, r) => saveDraft(app.ctx, { actor, id: r.params.id, version: r.body.version, data: r.body.data, ip: r.ip }),
  );
  // The version-only transitions: same body, same answer.
  const transitions = [
    ['refresh-prefill', '更新预填数据', refreshPrefill],
    ['submit', '提交监管年度报表', submitReport],
    ['approve', '通过监管年度报表（国务院办公厅）', approveReport],
  ] as const;
  for (const [path, summary, run] of transitions) {
    org.post(
      `/api/supervision-reports/:id/${path}`,
      { summary, params: idParam, body: versionBody, response: reportView },
      (actor, r) => run(app.ctx, { actor, id: r.params.id, version: r.body.version, ip: r.ip }),
    );
  }
  org.post(
    '/api/supervision-reports/:id/return',
    { summary: '退回监管年度报表（国务院办公厅）', params: idParam, body: returnBody, response: reportView },
    (actor, r) =>
      returnReport(app.ctx, { actor, id: r.params.id, version: r.body.version, reason: r.body.reason, ip: r.ip }),
  );
};
