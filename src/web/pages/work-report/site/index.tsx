// 填报单位's 工作年度报表: the head from the register, the form by sections from the domain's field list, check
// messages inline, 保存草稿 / 提交审核, then 打印 and 回填发布地址 once approved. Unsaved input is kept in the browser
// (localStorage) so a closed tab or a lost session loses nothing.
import { PrinterOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Radio,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { checkWorkReport } from '../../../../domain/annual-report/work-report-checks.ts';
import {
  fieldApplies,
  WORK_REPORT_FIELDS,
  WORK_REPORT_HEAD_LABELS,
  WORK_REPORT_SECTIONS,
  type WorkReportField,
  type WorkReportHead,
} from '../../../../domain/annual-report/work-report-fields.ts';
import { useSession } from '../../../access.ts';
import { wr } from '../../../locales/work-report.zh-CN.ts';
import { ApiError, errorMessage } from '../../../request.ts';
import { useNotify } from '../../../shared/notify.tsx';
import { PageSpin } from '../../../shared/PageSpin.tsx';
import { PublicFrame } from '../../../shared/PublicFrame.tsx';
import {
  getSiteReport,
  publishReport,
  type ReportData,
  type ReportView,
  saveDraft,
  siteReportKey,
  submitReport,
} from '../api.ts';

const backupKey = (year: number) => `govsite:work-report:${year}`;

/** One control per field kind; Form.Item hands it `id`, `value` and `onChange`, passed on to the antd control. */
function FieldInput({
  field,
  disabled,
  ...control
}: {
  field: WorkReportField;
  disabled: boolean;
  id?: string;
  value?: ReportData[string];
  onChange?: (value: unknown) => void;
}) {
  switch (field.kind) {
    case 'count':
      return (
        <InputNumber
          {...control}
          value={control.value as number | null | undefined}
          min={0}
          precision={0}
          style={{ width: 200 }}
          disabled={disabled}
          addonAfter={field.unit}
        />
      );
    case 'days':
      return (
        <InputNumber
          {...control}
          value={control.value as number | null | undefined}
          min={0}
          step={0.5}
          precision={1}
          style={{ width: 200 }}
          disabled={disabled}
          addonAfter="天"
        />
      );
    case 'yesNo':
      return (
        <Radio.Group {...control} disabled={disabled}>
          <Radio value={true}>{wr.yes}</Radio>
          <Radio value={false}>{wr.no}</Radio>
        </Radio.Group>
      );
    case 'text':
      return (
        <Input
          id={control.id}
          value={(control.value as string | null | undefined) ?? ''}
          onChange={(e) => control.onChange?.(e.target.value)}
          maxLength={field.maxLength}
          style={{ maxWidth: 360 }}
          disabled={disabled}
        />
      );
  }
}

function ReportForm({ view }: { view: ReportView }) {
  const [form] = Form.useForm<ReportData>();
  const message = useNotify();
  const queryClient = useQueryClient();
  const values = Form.useWatch([], form) as ReportData | undefined;
  const editable = view.abilities.SAVE?.allowed === true;
  const [serverErrors, setServerErrors] = useState<{ field: string; message: string }[]>([]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the report itself changes (a save, a decision), not on each keystroke.
  useEffect(() => {
    const backup = localStorage.getItem(backupKey(view.year));
    if (backup && editable) {
      form.setFieldsValue(JSON.parse(backup) as ReportData);
      message.info(wr.restored);
    } else {
      form.setFieldsValue(view.data);
    }
  }, [view.id, view.version]);

  const current = values ?? view.data;
  // The same checks as the server, live; the draft is checked for form and relations, submission for completeness.
  const live = useMemo(() => checkWorkReport(current, { submit: false }), [current]);
  const errorsByField = new Map([...serverErrors, ...live.errors].map((e) => [e.field, e.message]));

  const done = (result: ReportView, text: string) => {
    localStorage.removeItem(backupKey(view.year));
    setServerErrors([]);
    queryClient.setQueryData(siteReportKey, result);
    message.success(text);
  };
  const onFailed = (error: unknown) => {
    if (error instanceof ApiError && Array.isArray(error.details?.errors)) {
      setServerErrors(error.details.errors as { field: string; message: string }[]);
    }
    message.error(errorMessage(error));
  };
  const save = useMutation({
    mutationFn: () => saveDraft(view.year, view.version, form.getFieldsValue(true) as ReportData),
    onSuccess: (r) => done(r, wr.saved),
    onError: onFailed,
    meta: { inlineError: true },
  });
  const submit = useMutation({
    mutationFn: () => submitReport(view.year, view.version, form.getFieldsValue(true) as ReportData),
    onSuccess: (r) => done(r, wr.submitted),
    onError: onFailed,
    meta: { inlineError: true },
  });

  return (
    <Form
      form={form}
      layout="horizontal"
      labelCol={{ flex: '260px' }}
      labelWrap
      disabled={!editable}
      onValuesChange={(_, all) => localStorage.setItem(backupKey(view.year), JSON.stringify(all))}
    >
      {WORK_REPORT_SECTIONS.map((section) => {
        const fields = WORK_REPORT_FIELDS.filter((f) => f.section === section.key);
        const title = section.label || (section.key === 'visits' ? '访问量' : '填报人信息');
        return (
          <Card key={section.key} size="small" title={title} style={{ marginBottom: 12 }}>
            {fields.map((f) => {
              const applies = fieldApplies(f, current);
              const error = errorsByField.get(f.key);
              return (
                <Form.Item
                  key={f.key}
                  name={f.key}
                  label={f.group ? `${f.group}·${f.label}` : f.label}
                  required={f.required && applies}
                  validateStatus={error ? 'error' : undefined}
                  help={error}
                  hidden={!applies}
                >
                  <FieldInput field={f} disabled={!editable} />
                </Form.Item>
              );
            })}
          </Card>
        );
      })}
      {editable && (
        <Flex gap={8} justify="flex-end" wrap>
          <Button onClick={() => save.mutate()} loading={save.isPending}>
            {wr.saveDraft}
          </Button>
          <Popconfirm title={wr.submitConfirm} onConfirm={() => submit.mutate()} okText={wr.submit} cancelText="取消">
            <Button type="primary" loading={submit.isPending} disabled={!view.abilities.SUBMIT?.allowed}>
              {wr.submit}
            </Button>
          </Popconfirm>
        </Flex>
      )}
      {!editable && view.abilities.SAVE?.reason && view.state !== 'APPROVED' && view.state !== 'PUBLISHED' && (
        <Alert type="info" showIcon title={view.abilities.SAVE.reason} />
      )}
    </Form>
  );
}

function PublishCard({ view }: { view: ReportView }) {
  const message = useNotify();
  const queryClient = useQueryClient();
  const [url, setUrl] = useState(view.publishedUrl ?? '');
  const publish = useMutation({
    mutationFn: () => publishReport(view.year, view.version, url),
    onSuccess: (r) => {
      queryClient.setQueryData(siteReportKey, r);
      message.success(wr.published);
    },
    onError: (e) => message.error(errorMessage(e)),
    meta: { inlineError: true },
  });
  return (
    <Card size="small" title={wr.publishTitle} style={{ marginBottom: 12 }}>
      <Typography.Paragraph type="secondary">{wr.publishHint}</Typography.Paragraph>
      <Space.Compact style={{ width: '100%', maxWidth: 640 }}>
        <Input
          aria-label={wr.publishUrl}
          placeholder="https://www.example.gov.cn/…"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          onPressEnter={() => publish.mutate()}
        />
        <Button type="primary" onClick={() => publish.mutate()} loading={publish.isPending}>
          {wr.publish}
        </Button>
      </Space.Compact>
      {view.linkCheck && (
        <Alert
          style={{ marginTop: 12 }}
          type={view.linkCheck.reachable && view.linkCheck.titleFound ? 'success' : 'warning'}
          showIcon
          title={view.linkCheck.reachable && view.linkCheck.titleFound ? wr.linkOk : wr.linkBad}
          description={view.linkCheck.message}
          data-testid="link-check-result"
        />
      )}
      {view.publishedLate && <Tag color="orange">{wr.late}</Tag>}
    </Card>
  );
}

export default function SiteWorkReportPage() {
  const session = useSession();
  const navigate = useNavigate();
  const isSite = session.data?.actor.kind === 'SITE';
  const query = useQuery({ queryKey: siteReportKey, queryFn: () => getSiteReport(), enabled: isSite });
  if (session.isPending) return <PageSpin fullScreen />;
  if (!isSite) return <Navigate to="/" replace />;
  const view = query.data;
  const approved = view?.state === 'APPROVED' || view?.state === 'PUBLISHED';
  return (
    <PublicFrame
      maxWidth={1040}
      extra={
        <Button ghost onClick={() => navigate('/site')}>
          {wr.back}
        </Button>
      }
    >
      <Card
        loading={!view}
        title={
          view ? (
            <Space wrap>
              <span>
                {wr.title}（{wr.year(view.year)}）
              </span>
              <Tag color={approved ? 'green' : view.state === 'RETURNED' ? 'red' : 'blue'} data-testid="report-state">
                {view.stateLabel}
              </Tag>
            </Space>
          ) : (
            wr.title
          )
        }
        extra={
          approved && view ? (
            <Button
              icon={<PrinterOutlined />}
              onClick={() => window.open(`/work-report/print?year=${view.year}`, '_blank')}
            >
              {wr.print}
            </Button>
          ) : null
        }
      >
        {view && (
          <Flex vertical gap={12}>
            <Alert
              type="info"
              title={wr.window(view.window.fillFrom, view.window.fillTo, view.window.publishBy)}
              description={`${wr.period}：${view.period.from} 至 ${view.period.to}；${wr.reviewer(view.reviewerOrgName)}`}
            />
            {!view.mustReport && <Alert type="warning" showIcon title={wr.notRequired} />}
            {view.state === 'RETURNED' && (
              <Alert type="error" showIcon title={wr.returned(view.returnReason ?? '')} data-testid="return-reason" />
            )}
            {view.warnings.length > 0 && (
              <Alert
                type="warning"
                showIcon
                title={wr.warningsTitle}
                description={
                  <ul style={{ margin: 0 }}>
                    {view.warnings.map((w) => (
                      <li key={w.field}>{w.message}</li>
                    ))}
                  </ul>
                }
              />
            )}
            <Descriptions size="small" bordered column={2} title={wr.head}>
              {(Object.keys(WORK_REPORT_HEAD_LABELS) as (keyof WorkReportHead)[]).map((k) => (
                <Descriptions.Item key={k} label={WORK_REPORT_HEAD_LABELS[k]}>
                  {view.head[k]}
                </Descriptions.Item>
              ))}
            </Descriptions>
            {approved && <PublishCard view={view} />}
            <ReportForm view={view} />
          </Flex>
        )}
      </Card>
    </PublicFrame>
  );
}
