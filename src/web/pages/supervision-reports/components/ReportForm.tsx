// A level-1 unit's 监管年度报表: the prefilled values read-only with where each comes from, the entered sections as
// a form driven by the field definition, 保存草稿 / 更新预填数据 / 提交 as the report's abilities allow.
import { useMutation } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  InputNumber,
  Popconfirm,
  Row,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import {
  draftErrors,
  type EnteredValues,
  enteredRates,
} from '../../../../domain/annual-report/supervision-report-checks.ts';
import {
  MAX_COUNT,
  SPOT_CHECK_PERIOD_LABELS,
  SPOT_CHECK_PERIODS,
  SUPERVISION_SECTIONS,
} from '../../../../domain/annual-report/supervision-report-fields.ts';
import { sr } from '../../../locales/supervision-report.zh-CN.ts';
import { queryClient } from '../../../request.ts';
import { ErrorAlert } from '../../../shared/ErrorAlert.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { useNotify } from '../../../shared/notify.tsx';
import { type ReportView, refreshPrefill, reportKey, reportsKey, saveDraft, submitReport } from '../api.ts';

const show = (v: number | null | undefined, unit = '') => (v === null || v === undefined ? sr.empty : `${v}${unit}`);

export function StateTag({ state, label }: { state: string; label: string }) {
  const color = { DRAFT: 'blue', SUBMITTED: 'gold', RETURNED: 'orange', APPROVED: 'green' }[state] ?? 'default';
  return <Tag color={color}>{label}</Tag>;
}

function PrefilledPart({ report }: { report: ReportView }) {
  const p = report.prefill;
  return (
    <Card
      size="small"
      title={sr.prefilled}
      extra={<Typography.Text type="secondary">{sr.prefilledAt(formatDateTime(report.prefilledAt))}</Typography.Text>}
      style={{ marginBottom: 16 }}
    >
      {SUPERVISION_SECTIONS.map((section) => {
        if (section.kind === 'SPOT_CHECKS') {
          return (
            <div key={section.key} style={{ marginBottom: 16 }}>
              <Typography.Text strong>{section.title}</Typography.Text>
              <Typography.Paragraph type="secondary" style={{ margin: '4px 0 8px' }}>
                {sr.source}：{section.origin}
              </Typography.Paragraph>
              <Table
                size="small"
                pagination={false}
                rowKey="key"
                dataSource={section.metrics.map((m) => ({ key: m.key, label: `${m.label}（${m.unit}）` }))}
                columns={[
                  { title: sr.metric, dataIndex: 'label' },
                  ...SPOT_CHECK_PERIODS.map((period) => ({
                    title: SPOT_CHECK_PERIOD_LABELS[period],
                    key: period,
                    align: 'right' as const,
                    render: (_: unknown, row: { key: (typeof section.metrics)[number]['key'] }) => (
                      <span data-testid={`prefill-${row.key}-${period}`}>{show(p.spotChecks[period][row.key])}</span>
                    ),
                  })),
                ]}
              />
            </div>
          );
        }
        const prefilled = section.fields.filter((f) => f.source === 'PREFILL');
        if (prefilled.length === 0) return null;
        return (
          <Descriptions
            key={section.key}
            size="small"
            title={section.title}
            column={1}
            bordered
            style={{ marginBottom: 16 }}
            items={prefilled.map((f) => ({
              key: f.key,
              label: `${f.label}（${f.unit}）`,
              children: (
                <Space direction="vertical" size={0}>
                  <strong data-testid={`prefill-${f.key}`}>{p.values[f.key as keyof typeof p.values]}</strong>
                  <Typography.Text type="secondary">
                    {sr.source}：{f.origin}
                  </Typography.Text>
                </Space>
              ),
            }))}
          />
        );
      })}
    </Card>
  );
}

export function ReportForm({ report }: { report: ReportView }) {
  const [form] = Form.useForm<EnteredValues>();
  const notify = useNotify();
  const values = Form.useWatch([], form) ?? report.data;
  const rates = enteredRates(values);
  const done = (r: ReportView, text: string) => {
    notify.success(text);
    queryClient.setQueryData(reportKey(r.id), r);
    void queryClient.invalidateQueries({ queryKey: reportsKey });
  };
  const save = useMutation({
    meta: { inlineError: true },
    mutationFn: (v: EnteredValues) => saveDraft(report.id, report.version, v),
    onSuccess: (r) => done(r, sr.saved),
  });
  const refresh = useMutation({
    meta: { inlineError: true },
    mutationFn: () => refreshPrefill(report.id, report.version),
    onSuccess: (r) => done(r, sr.refreshed),
  });
  const submit = useMutation({
    meta: { inlineError: true },
    // 提交 saves what is on screen first, then submits that version.
    mutationFn: async () => {
      const saved = await saveDraft(report.id, report.version, form.getFieldsValue());
      return submitReport(saved.id, saved.version);
    },
    onSuccess: (r) => done(r, sr.submitted),
    onError: () => void queryClient.invalidateQueries({ queryKey: reportsKey }),
  });
  const editable = report.abilities.save.allowed;
  const error = save.error ?? refresh.error ?? submit.error;
  const localErrors = draftErrors(values);

  return (
    <>
      {report.state === 'RETURNED' && report.returnReason && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={sr.returnedBecause(report.returnReason)} />
      )}
      <ErrorAlert error={error} testId="report-error" />
      <PrefilledPart report={report} />
      <Card size="small" title={sr.entered} style={{ marginBottom: 16 }}>
        <Form<EnteredValues>
          form={form}
          layout="vertical"
          disabled={!editable}
          // Set once: the parent remounts this form when the version changes, and a background refetch of the same
          // version must not wipe what is being typed.
          initialValues={report.data}
          onFinish={(v) => save.mutate(v)}
        >
          {SUPERVISION_SECTIONS.map((section) => {
            if (section.kind !== 'FIELDS') return null;
            const entered = section.fields.filter((f) => f.source === 'ENTERED');
            if (entered.length === 0) return null;
            return (
              <div key={section.key}>
                <Typography.Text strong>{section.title}</Typography.Text>
                <Row gutter={16} style={{ marginTop: 8 }}>
                  {entered.map((f) => (
                    <Col key={f.key} xs={12} md={6}>
                      <Form.Item name={f.key} label={`${f.label}（${f.unit}）`}>
                        <InputNumber min={0} max={MAX_COUNT} precision={0} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                  ))}
                  {(section.rates ?? []).map((r) => (
                    <Col key={r.key} xs={12} md={6}>
                      <Form.Item label={`${r.label}（%）`} tooltip={r.note}>
                        <span data-testid={`rate-${r.key}`}>{show(rates[r.key])}</span>
                      </Form.Item>
                    </Col>
                  ))}
                </Row>
              </div>
            );
          })}
          {localErrors.length > 0 && (
            <Alert type="error" showIcon style={{ marginBottom: 12 }} message={localErrors.join('；')} />
          )}
          {editable && (
            <Space wrap>
              <Button htmlType="submit" loading={save.isPending} disabled={localErrors.length > 0}>
                {sr.save}
              </Button>
              <Popconfirm title={sr.refreshConfirm} onConfirm={() => refresh.mutate()}>
                <Button loading={refresh.isPending}>{sr.refresh}</Button>
              </Popconfirm>
              <Popconfirm title={sr.submitConfirm} onConfirm={() => submit.mutate()}>
                <Button type="primary" loading={submit.isPending} disabled={localErrors.length > 0}>
                  {sr.submit}
                </Button>
              </Popconfirm>
            </Space>
          )}
        </Form>
      </Card>
    </>
  );
}
