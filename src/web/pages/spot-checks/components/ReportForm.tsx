// A level-1 unit's quarterly report: automatic counts, the figures it enters with live rates, the non-compliant
// sites, the sample suggestion, 保存草稿 and 上报. Read-only once submitted (or for the root).
import { DisconnectOutlined, ExperimentOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Row,
  Space,
  Statistic,
  Tag,
} from 'antd';
import { useEffect, useState } from 'react';
import { percent, SAMPLING_WARNING_PERCENT } from '../../../../domain/spot-check.ts';
import { ot } from '../../../locales/org-tools.zh-CN.ts';
import { ApiError, queryClient } from '../../../request.ts';
import { ErrorAlert } from '../../../shared/ErrorAlert.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { useNotify } from '../../../shared/notify.tsx';
import { type LinkProblem, type ReportView, type SaveInput, saveReport, submitReport } from '../api.ts';
import { FindingsList } from './FindingsList.tsx';
import { LinkProblemsModal } from './LinkProblemsModal.tsx';
import { SampleModal } from './SampleModal.tsx';

const text = ot.spotChecks;

type Values = Omit<SaveInput, 'year' | 'quarter' | 'version' | 'sample'>;

function toValues(r: ReportView): Values {
  return {
    checkedCount: r.checkedCount,
    passedCount: r.passedCount,
    errorReports: r.errorReports,
    summary: r.summary,
    reporterName: r.reporterName,
    reporterPhone: r.reporterPhone,
    findings: r.findings.map((f) => ({
      siteId: f.siteId,
      problemType: f.problemType,
      description: f.description,
      rectification: f.rectification,
      accountabilityCount: f.accountabilityCount,
    })),
  };
}

export function StatusTags({ status, late }: { status: string; late: boolean }) {
  const color = { SUBMITTED: 'green', RETURNED: 'orange', DRAFT: 'blue' }[status] ?? 'default';
  return (
    <Space size={4}>
      <Tag color={color}>{text.status[status] ?? status}</Tag>
      {late && <Tag color="red">{text.late}</Tag>}
    </Space>
  );
}

export function ReportForm({ report }: { report: ReportView }) {
  const [form] = Form.useForm<Values>();
  const notify = useNotify();
  const [sample, setSample] = useState<number[]>(report.sample.map((s) => s.siteId));
  const [sampling, setSampling] = useState(false);
  const [linking, setLinking] = useState(false);
  // Sites added from the link check, so the site pickers can show their names before the report is saved.
  const [added, setAdded] = useState<ReportView['findings']>([]);
  const q = { year: report.year, quarter: report.quarter };
  useEffect(() => {
    form.setFieldsValue(toValues(report));
    setSample(report.sample.map((s) => s.siteId));
  }, [form, report]);
  const refresh = (r: ReportView) => {
    queryClient.setQueryData(['spot-checks', 'report', r.year, r.quarter, ''], r);
    void queryClient.invalidateQueries({ queryKey: ['spot-checks', 'mine'] });
  };
  const save = useMutation({
    meta: { inlineError: true },
    mutationFn: (v: Values) => saveReport({ ...q, ...v, version: report.version, sample }),
    onSuccess: (r) => {
      notify.success(text.saved);
      refresh(r);
    },
  });
  const submit = useMutation({
    meta: { inlineError: true },
    // 上报 saves what is on screen first, then submits that version.
    mutationFn: async () => {
      const v = await form.validateFields().catch(() => {
        throw new ApiError(400, 'VALIDATION_FAILED', '请先完善表单中标红的内容');
      });
      const saved = await saveReport({ ...q, ...v, version: report.version, sample });
      refresh(saved);
      return submitReport(q, saved.version);
    },
    onSuccess: (r) => {
      notify.success(text.submitted);
      refresh(r);
    },
  });
  const addLinkProblems = (problems: LinkProblem[]) => {
    const current: NonNullable<Values['findings']> = form.getFieldValue('findings') ?? [];
    const fresh = problems.filter((p) => !current.some((f) => f.siteId === p.siteId));
    const finding = (p: LinkProblem) => ({
      siteId: p.siteId,
      problemType: p.problemType,
      description: p.description,
      rectification: '',
      accountabilityCount: 0,
    });
    setAdded((known) => [
      ...known,
      ...fresh.map((p) => ({ ...finding(p), siteCode: p.siteCode, siteName: p.name, orgName: p.orgName })),
    ]);
    form.setFieldValue('findings', [...current, ...fresh.map(finding)]);
    setLinking(false);
    notify.info(text.added(fresh.length));
  };
  const checked = Form.useWatch('checkedCount', form) ?? 0;
  const passed = Form.useWatch('passedCount', form) ?? 0;
  const ratio = percent(checked, report.runningTotal);
  const rate = percent(passed, checked);
  const disabled = !report.editable;
  const error = save.error ?? submit.error;

  return (
    <>
      {report.status === 'RETURNED' && report.returnReason && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={text.returnedBecause(report.returnReason)}
        />
      )}
      {report.window.state === 'NOT_OPEN' && report.editable && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message={text.notOpen} />
      )}
      <ErrorAlert error={error} testId="report-error" />
      <Card
        size="small"
        title={
          <Space>
            {text.auto}
            <StatusTags status={report.status} late={report.late} />
          </Space>
        }
        style={{ marginBottom: 16 }}
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            {
              key: 'run',
              label: text.runningTotal,
              children: <strong data-testid="running-total">{report.runningTotal}</strong>,
            },
            { key: 'new', label: text.newSites, children: report.newSites },
            { key: 'closed', label: text.closedSites, children: report.closedSites },
            ...(report.submittedAt
              ? [{ key: 'at', label: text.colSubmittedAt, children: formatDateTime(report.submittedAt) }]
              : []),
          ]}
        />
      </Card>
      <Form<Values> form={form} layout="vertical" disabled={disabled} onFinish={(v) => save.mutate(v)}>
        <Row gutter={16}>
          <Col xs={12} md={6}>
            <Form.Item name="checkedCount" label={text.checkedCount} rules={[{ required: true }]}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="passedCount" label={text.passedCount} rules={[{ required: true }]}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={text.samplingRatio}
              value={ratio ?? '—'}
              suffix={ratio === null ? '' : '%'}
              valueStyle={{ color: ratio !== null && ratio < SAMPLING_WARNING_PERCENT ? '#d4380d' : undefined }}
            />
            {ratio !== null && ratio < SAMPLING_WARNING_PERCENT && <Tag color="orange">{text.samplingWarning}</Tag>}
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={text.passRate} value={rate ?? '—'} suffix={rate === null ? '' : '%'} />
          </Col>
        </Row>
        <Space style={{ marginBottom: 16 }} wrap>
          {!disabled && (
            <Button icon={<ExperimentOutlined />} onClick={() => setSampling(true)}>
              {text.suggest}
            </Button>
          )}
          {!disabled && (
            <Button icon={<DisconnectOutlined />} onClick={() => setLinking(true)}>
              {text.linkProblems}
            </Button>
          )}
          {sample.length > 0 && <Tag color="geekblue">{text.sampleCount(sample.length)}</Tag>}
        </Space>
        <FindingsList disabled={disabled} known={[...report.findings, ...added]} />
        <Row gutter={16} style={{ marginTop: 16 }}>
          <Col xs={24} md={8}>
            <Form.Item name="errorReports" label={text.errorReports}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="reporterName" label={text.reporterName} rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="reporterPhone" label={text.reporterPhone} rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="summary" label={text.summary} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} showCount />
        </Form.Item>
        {!disabled && (
          <Space>
            <Button htmlType="submit" loading={save.isPending}>
              {text.save}
            </Button>
            <Popconfirm title={text.submitConfirm} onConfirm={() => submit.mutate()}>
              <Button type="primary" loading={submit.isPending}>
                {text.submit}
              </Button>
            </Popconfirm>
          </Space>
        )}
        <LinkProblemsModal open={linking} onClose={() => setLinking(false)} onAdd={addLinkProblems} />
        <SampleModal
          open={sampling}
          quarter={q}
          onClose={() => setSampling(false)}
          onAccept={(s) => {
            setSample(s.items.map((i) => i.siteId));
            form.setFieldValue('checkedCount', s.items.length);
            setSampling(false);
            notify.info(text.accepted);
          }}
        />
      </Form>
    </>
  );
}
