// 重置校验码 (SPEC §8.1 #10) by the site's 本级组织单位: a confirmation first, then the new 校验码 shown once, with
// copy and print. The server ends the site's sessions and writes the 审核流水 entry in the same transaction.
import { PrinterOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Flex, Modal, Typography } from 'antd';
import { t } from '../../../../locales/zh-CN.ts';
import { errorMessage } from '../../../../request.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { useNotify } from '../../../../shared/notify.tsx';
import { copyIcons, ONE_TIME_MODAL_PROPS, SecretText } from '../../../../shared/OneTimeSecret.tsx';
import { resetCheckCode, sitesKey } from '../api.ts';

const text = t.sites.resetCheckCode;

/** While printing, only the credentials sheet is on paper (the modal sits in a portal outside the page). */
const PRINT_CSS = `
@media print {
  body * { visibility: hidden !important; }
  .check-code-sheet, .check-code-sheet * { visibility: visible !important; }
  .check-code-sheet { position: absolute; left: 0; top: 0; width: 100%; }
  .check-code-sheet .no-print { display: none !important; }
}`;

export interface ResetTarget {
  id: number;
  name: string;
  siteCode: string;
}

export function ResetCheckCodeModal({ target, onClose }: { target: ResetTarget | null; onClose: () => void }) {
  const message = useNotify();
  const queryClient = useQueryClient();
  const reset = useMutation({
    mutationFn: (id: number) => resetCheckCode(id),
    meta: { inlineError: true },
    onSuccess: () => message.success(text.done),
    // The 审核流水 of the site has a new entry.
    onSettled: () => queryClient.invalidateQueries({ queryKey: sitesKey }),
  });
  const close = () => {
    reset.reset();
    onClose();
  };
  const result = reset.data;

  if (result) {
    return (
      <Modal
        open={target !== null}
        title={text.resultTitle}
        {...ONE_TIME_MODAL_PROPS}
        footer={
          <Flex justify="space-between">
            <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
              {text.print}
            </Button>
            <Button type="primary" onClick={close}>
              {text.close}
            </Button>
          </Flex>
        }
      >
        <style>{PRINT_CSS}</style>
        <Alert type="warning" showIcon title={text.warning} style={{ marginBottom: 16 }} />
        <div className="check-code-sheet" data-testid="check-code-sheet">
          <Descriptions
            column={1}
            bordered
            size="small"
            items={[
              { key: 'name', label: text.site, children: result.name },
              {
                key: 'code',
                label: text.siteCode,
                children: <Typography.Text copyable={{ tooltips: false }}>{result.siteCode}</Typography.Text>,
              },
              {
                key: 'check',
                label: text.checkCode,
                children: <SecretText value={result.checkCode} testId="new-check-code" variant="code" text={text} />,
              },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 4 }}>
            {text.loginHint}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {text.printedAt(formatDateTime(new Date().toISOString()))}
          </Typography.Paragraph>
          <Typography.Text
            className="no-print"
            copyable={{
              text: `${text.site}：${result.name}\n${text.siteCode}：${result.siteCode}\n${text.checkCode}：${result.checkCode}`,
              icon: copyIcons(text.copyBoth, text.copied),
              tooltips: false,
            }}
          />
        </div>
      </Modal>
    );
  }

  return (
    <Modal
      open={target !== null}
      title={text.confirmTitle}
      okText={text.ok}
      okButtonProps={{ danger: true }}
      cancelText={text.cancel}
      confirmLoading={reset.isPending}
      onOk={() => target && reset.mutate(target.id)}
      onCancel={close}
      destroyOnHidden
    >
      {target ? <Typography.Paragraph>{text.confirm(target.name, target.siteCode)}</Typography.Paragraph> : null}
      {reset.error ? <Alert type="error" showIcon title={errorMessage(reset.error)} /> : null}
    </Modal>
  );
}
