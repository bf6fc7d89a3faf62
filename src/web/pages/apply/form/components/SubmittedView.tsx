// After submission: the 「申请已提交」 dialog first; only after 「确定」 the 临时码, with 复制 and a printable 回执.
import { CheckOutlined, CopyOutlined, PrinterOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { t } from '../../../../locales/zh-CN.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import type { SubmittedApplication } from '../draft.ts';

/** `ABCDEFGHJKMN` → `ABCD-EFGH-JKMN`; the server ignores the hyphens when it is typed back. */
export function formatTempCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

// Printing shows the receipt card only (the page frame and the buttons are left out).
const PRINT_CSS = `@media print {
  body * { visibility: hidden; }
  .gs-receipt, .gs-receipt * { visibility: visible; }
  .gs-receipt { position: absolute; inset: 0 auto auto 0; width: 100%; box-shadow: none; }
  .gs-no-print { display: none !important; }
}`;

export function SubmittedView({ result, onNew }: { result: SubmittedApplication; onNew: () => void }) {
  const text = t.applyForm.submitted;
  const navigate = useNavigate();
  const [revealed, setRevealed] = useState(false);
  const [copied, setCopied] = useState(false);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(result.tempCode);
      setCopied(true);
    } catch {
      // Clipboard refused (insecure context, permission): the code is on screen and can be selected by hand.
      setCopied(false);
    }
  };

  return (
    <>
      <style>{PRINT_CSS}</style>
      <Modal
        open={!revealed}
        title={text.dialogTitle}
        closable={false}
        mask={{ closable: false }}
        keyboard={false}
        footer={
          <Button type="primary" onClick={() => setRevealed(true)}>
            {text.ok}
          </Button>
        }
      >
        <Typography.Paragraph>{text.dialogBody}</Typography.Paragraph>
      </Modal>
      {revealed && (
        <Card className="gs-receipt" title={text.receiptTitle}>
          <Alert type="warning" showIcon title={text.keepCode} style={{ marginBottom: 16 }} />
          <Descriptions
            bordered
            column={1}
            size="small"
            styles={{ label: { width: 160 } }}
            items={[
              {
                key: 'code',
                label: text.tempCode,
                children: (
                  <Typography.Text
                    data-testid="temp-code"
                    strong
                    style={{ fontFamily: 'monospace', fontSize: 24, letterSpacing: 2 }}
                  >
                    {formatTempCode(result.tempCode)}
                  </Typography.Text>
                ),
              },
              { key: 'name', label: text.siteName, children: result.siteName },
              { key: 'url', label: text.homeUrl, children: result.homeUrl },
              { key: 'org', label: text.org, children: result.orgName },
              {
                key: 'reviewer',
                label: text.firstReviewer,
                children: `${result.firstReviewer.name}（${result.firstReviewer.code}）`,
              },
              { key: 'at', label: text.submittedAt, children: formatDateTime(result.submittedAt) },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
            {text.next}
          </Typography.Paragraph>
          <Flex className="gs-no-print" gap={12} wrap justify="flex-end" style={{ marginTop: 16 }}>
            <Button icon={copied ? <CheckOutlined /> : <CopyOutlined />} onClick={copy}>
              {copied ? text.copied : text.copy}
            </Button>
            <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
              {text.print}
            </Button>
            <Button onClick={onNew}>{text.newApplication}</Button>
            <Button
              type="primary"
              icon={<SearchOutlined />}
              onClick={() => navigate('/progress', { state: { tempCode: result.tempCode } })}
            >
              {text.queryProgress}
            </Button>
          </Flex>
        </Card>
      )}
    </>
  );
}
