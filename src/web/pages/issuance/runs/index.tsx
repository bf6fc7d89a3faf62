// 标识码生成 (root only): the ledger of the 16:00 batch runs, 「预览」 (dry run in a modal) and 「立即生成」.
import { EyeOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Popconfirm, Switch, Typography } from 'antd';
import { useState } from 'react';
import { t } from '../../../locales/zh-CN.ts';
import { useNotify } from '../../../shared/notify.tsx';
import { PagedTable } from '../../../shared/PagedTable.tsx';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { usePageParams } from '../../../shared/use-page-params.ts';
import { type IssuancePreview, issuanceRunsKey, listRuns, previewIssuance, runIssuance } from './api.ts';
import { runColumns } from './columns.tsx';
import { PreviewModal } from './components/PreviewModal.tsx';

const text = t.issuance;

export default function IssuanceRunsPage() {
  const params = usePageParams();
  const message = useNotify();
  const queryClient = useQueryClient();
  const [preview, setPreview] = useState<IssuancePreview | null>(null);
  const includeDryRuns = params.get('dry') === '1';

  const query = { page: params.page, pageSize: params.pageSize, includeDryRuns };
  const runs = useQuery({
    queryKey: [...issuanceRunsKey, query],
    queryFn: () => listRuns(query),
    placeholderData: keepPreviousData,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: issuanceRunsKey });

  const previewing = useMutation({
    mutationFn: previewIssuance,
    onSuccess: (result) => {
      setPreview(result);
      return refresh();
    },
  });
  const running = useMutation({
    mutationFn: runIssuance,
    onSuccess: (result) => {
      if (result.errors.length > 0) message.warning(text.runWithErrors(result.issued, result.errors.length));
      else message.success(text.runDone(result.issued));
    },
    // Also after a refusal (another run holds the lock): the ledger shows the skipped attempt.
    onSettled: refresh,
  });

  return (
    <>
      <PageHeader
        title={text.title}
        extra={
          <Flex gap={8}>
            <Button icon={<EyeOutlined />} loading={previewing.isPending} onClick={() => previewing.mutate()}>
              {text.preview}
            </Button>
            <Popconfirm
              title={text.runConfirmTitle}
              description={<div style={{ maxWidth: 320 }}>{text.runConfirm}</div>}
              onConfirm={() => running.mutateAsync().catch(() => {})}
            >
              <Button type="primary" icon={<ThunderboltOutlined />} loading={running.isPending}>
                {text.runNow}
              </Button>
            </Popconfirm>
          </Flex>
        }
      />
      <Typography.Paragraph type="secondary">{text.intro}</Typography.Paragraph>
      <Flex align="center" gap={8} style={{ marginBottom: 12 }}>
        <Switch
          size="small"
          checked={includeDryRuns}
          onChange={(on) => params.update({ dry: on ? '1' : undefined })}
          aria-label={text.showDryRuns}
        />
        <span>{text.showDryRuns}</span>
      </Flex>
      <PagedTable params={params} query={runs} columns={runColumns} width={1200} text={text} />
      <PreviewModal preview={preview} onClose={() => setPreview(null)} />
    </>
  );
}
