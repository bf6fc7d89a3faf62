// The printable 工作年度报表 (A4, the template's layout): `?year=` for the signed-in 填报单位, `?id=` for a unit.
// The browser's print dialog prints it or saves it as PDF.
import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Result } from 'antd';
import { useSearchParams } from 'react-router';
import { wr } from '../../../locales/work-report.zh-CN.ts';
import { errorMessage } from '../../../request.ts';
import { PageSpin } from '../../../shared/PageSpin.tsx';
import { getReport, getSiteReport, workReportKey } from '../api.ts';
import { PRINT_CSS, ReportTable } from '../ReportTable.tsx';

export default function WorkReportPrintPage() {
  const [params] = useSearchParams();
  const id = Number(params.get('id')) || null;
  const year = Number(params.get('year')) || undefined;
  const view = useQuery({
    queryKey: [...workReportKey, 'print', id, year],
    queryFn: () => (id !== null ? getReport(id) : getSiteReport(year)),
  });
  if (view.isPending) return <PageSpin fullScreen />;
  if (view.isError) return <Result status="warning" title={errorMessage(view.error)} />;
  const table = view.data.table;
  return (
    <div style={{ padding: 24, background: '#fff', minHeight: '100vh' }}>
      <style>{PRINT_CSS}</style>
      {table ? (
        <>
          <Flex className="no-print" vertical align="center" gap={8} style={{ marginBottom: 16 }}>
            <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
              {wr.print}
            </Button>
            <Alert type="info" title={wr.printHint} />
          </Flex>
          <ReportTable table={table} />
        </>
      ) : (
        <Result status="info" title={wr.printPage.notApproved} />
      )}
    </div>
  );
}
