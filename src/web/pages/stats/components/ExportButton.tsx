// 导出 Excel for one statistics table; a failure is shown by the app's single error policy.
import { DownloadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button } from 'antd';
import { ot } from '../../../locales/org-tools.zh-CN.ts';
import { exportTable, type StatsTable } from '../api.ts';

export function ExportButton({ table, org }: { table: StatsTable; org?: string | undefined }) {
  const run = useMutation({ mutationFn: () => exportTable(table, org) });
  return (
    <Button size="small" icon={<DownloadOutlined />} loading={run.isPending} onClick={() => run.mutate()}>
      {ot.common.export}
    </Button>
  );
}
