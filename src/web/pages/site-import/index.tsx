// 批量导入网站 (issue 20; root and level-1 administrators): choose a file → 预检 (counts, file problems, every row's
// result and errors, the downloadable report) → 确认导入 → the 校验码发放表, handed out once on this page.
import { DownloadOutlined, ExportOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Empty,
  Flex,
  Popconfirm,
  Progress,
  Result,
  Segmented,
  Statistic,
  Table,
  Typography,
  Upload,
} from 'antd';
import { useMemo, useState } from 'react';
import { si } from '../../locales/site-import.zh-CN.ts';
import { useNotify } from '../../shared/notify.tsx';
import { PageHeader } from '../../shared/PageHeader.tsx';
import {
  type CommitResult,
  commitImport,
  downloadRegister,
  downloadReport,
  type PlanView,
  previewImport,
  saveCheckCodeSheet,
  type UploadProgress,
} from './api.ts';
import { planColumns } from './columns.tsx';

type Filter = 'all' | PlanView['rows'][number]['action'];

function useProgress() {
  const [progress, setProgress] = useState<{ phase: 'upload' | 'server'; percent: number } | null>(null);
  const onProgress: UploadProgress = (phase, percent) => setProgress({ phase, percent });
  return { progress, onProgress, clear: () => setProgress(null) };
}

function ProgressLine({
  progress,
  working,
}: {
  progress: ReturnType<typeof useProgress>['progress'];
  working: string;
}) {
  if (!progress) return <Typography.Text type="secondary">{working}</Typography.Text>;
  return (
    <div style={{ maxWidth: 480 }} role="status" aria-live="polite">
      <Progress
        percent={progress.percent}
        status={progress.phase === 'server' ? 'active' : 'normal'}
        showInfo={progress.phase === 'upload'}
      />
      <Typography.Text type="secondary">
        {progress.phase === 'upload' ? si.uploading(progress.percent) : working}
      </Typography.Text>
    </div>
  );
}

export default function SiteImportPage() {
  const message = useNotify();
  const [file, setFile] = useState<File | null>(null);
  const [plan, setPlan] = useState<PlanView | null>(null);
  const [done, setDone] = useState<CommitResult | null>(null);
  const [filter, setFilter] = useState<Filter>('all');
  const previewProgress = useProgress();
  const commitProgress = useProgress();

  const previewing = useMutation({
    mutationFn: (f: File) => previewImport(f, previewProgress.onProgress),
    onSuccess: (result) => {
      setPlan(result);
      setFilter(result.counts.error > 0 ? 'error' : 'all');
    },
    onSettled: previewProgress.clear,
  });
  const committing = useMutation({
    mutationFn: (f: File) => commitImport(f, commitProgress.onProgress),
    onSuccess: (result) => {
      setDone(result);
      message.success(si.done);
    },
    onSettled: commitProgress.clear,
  });
  const reporting = useMutation({ mutationFn: (f: File) => downloadReport(f) });
  const exporting = useMutation({ mutationFn: downloadRegister });

  const reset = () => {
    setFile(null);
    setPlan(null);
    setDone(null);
    previewing.reset();
    committing.reset();
  };

  const rows = useMemo(
    () => (plan ? plan.rows.filter((r) => filter === 'all' || r.action === filter) : []),
    [plan, filter],
  );

  const header = (
    <PageHeader
      title={si.title}
      extra={
        <Button icon={<ExportOutlined />} loading={exporting.isPending} onClick={() => exporting.mutate()}>
          {si.exportRegister}
        </Button>
      }
    />
  );

  if (done) {
    return (
      <>
        {header}
        <Result
          status="success"
          title={si.done}
          subTitle={si.doneText(done.created, done.updated, done.unchanged)}
          extra={[
            done.checkCodeSheet ? (
              <Button
                key="codes"
                type="primary"
                icon={<DownloadOutlined />}
                onClick={() => done.checkCodeSheet && saveCheckCodeSheet(done.checkCodeSheet)}
              >
                {si.downloadCodes}
              </Button>
            ) : null,
            <Button key="again" onClick={reset}>
              {si.reset}
            </Button>,
          ]}
        >
          {done.checkCodeSheet ? <Alert type="warning" showIcon title={si.codesWarning} /> : null}
        </Result>
      </>
    );
  }

  return (
    <>
      {header}
      <Typography.Paragraph type="secondary">{si.intro}</Typography.Paragraph>
      <Upload.Dragger
        height={180}
        accept=".xlsx,.csv"
        maxCount={1}
        multiple={false}
        showUploadList={false}
        disabled={previewing.isPending || committing.isPending}
        beforeUpload={(f) => {
          setFile(f);
          setPlan(null);
          previewing.mutate(f);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{file ? file.name : si.chooseFile}</p>
        <p className="ant-upload-hint">{si.chooseHint}</p>
      </Upload.Dragger>

      {previewing.isPending ? (
        <div style={{ marginTop: 16 }}>
          <ProgressLine progress={previewProgress.progress} working={si.checking} />
        </div>
      ) : null}
      {previewing.isError && file ? (
        <Flex gap={8} style={{ marginTop: 16 }}>
          <Button icon={<UploadOutlined />} onClick={() => previewing.mutate(file)}>
            {si.preview}
          </Button>
        </Flex>
      ) : null}

      {plan && file ? (
        <div style={{ marginTop: 16 }}>
          <Flex gap={32} wrap style={{ marginBottom: 16 }}>
            {(['create', 'update', 'unchanged', 'error'] as const).map((k) => (
              <Statistic key={k} title={si.counts[k]} value={plan.counts[k]} />
            ))}
          </Flex>
          {plan.fileErrors.length > 0 ? (
            <Alert
              type="error"
              showIcon
              title={si.fileErrors}
              description={plan.fileErrors.map((e) => <div key={e.message}>{e.message}</div>)}
              style={{ marginBottom: 12 }}
            />
          ) : null}
          {plan.notices.length > 0 ? (
            <Alert
              type="warning"
              showIcon
              title={si.notices}
              description={plan.notices.map((n) => (
                <div key={`${n.column}${n.message}`}>{`${n.column ?? ''}列：${n.message}`}</div>
              ))}
              style={{ marginBottom: 12 }}
            />
          ) : null}
          {plan.fileErrors.length === 0 ? (
            <Alert
              type={plan.ok ? 'success' : 'error'}
              showIcon
              title={
                plan.ok
                  ? plan.counts.create + plan.counts.update === 0
                    ? si.nothingToDo
                    : si.ready
                  : si.blocked(plan.counts.error)
              }
              style={{ marginBottom: 12 }}
            />
          ) : null}
          <Flex gap={8} wrap style={{ marginBottom: 12 }}>
            <Button icon={<DownloadOutlined />} loading={reporting.isPending} onClick={() => reporting.mutate(file)}>
              {si.downloadReport}
            </Button>
            <Popconfirm
              title={si.confirmTitle}
              description={
                <div style={{ maxWidth: 360 }}>{si.confirmText(plan.counts.create, plan.counts.update)}</div>
              }
              onConfirm={() => committing.mutateAsync(file).catch(() => {})}
              disabled={!plan.ok || plan.counts.create + plan.counts.update === 0}
            >
              <Button
                type="primary"
                loading={committing.isPending}
                disabled={!plan.ok || plan.counts.create + plan.counts.update === 0}
              >
                {si.confirmImport}
              </Button>
            </Popconfirm>
            <Button onClick={reset} disabled={committing.isPending}>
              {si.reset}
            </Button>
          </Flex>
          {committing.isPending ? (
            <div style={{ marginBottom: 12 }}>
              <ProgressLine progress={commitProgress.progress} working={si.importing} />
            </div>
          ) : null}
          {plan.rows.length > 0 ? (
            <Flex vertical gap={8}>
              <Segmented<Filter>
                value={filter}
                onChange={setFilter}
                options={(['all', 'error', 'create', 'update', 'unchanged'] as const).map((k) => ({
                  value: k,
                  label: k === 'all' ? si.filter.all : `${si.filter[k]} ${plan.counts[k]}`,
                }))}
              />
              <Table
                rowKey="rowNumber"
                size="small"
                columns={planColumns}
                dataSource={rows}
                scroll={{ x: 900 }}
                locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={si.emptyRows} /> }}
                pagination={{ defaultPageSize: 50, showSizeChanger: true, showTotal: si.total }}
              />
            </Flex>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
