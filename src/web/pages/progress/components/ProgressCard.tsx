// The answer of a 临时码 query: the contractual text, the unit holding the application and its telephone, days
// waited, the review chain with approval times, and the applicant's actions for a returned application.
import { CheckOutlined, ClockCircleOutlined, CopyOutlined, EditOutlined, RollbackOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  type DescriptionsProps,
  Flex,
  Popconfirm,
  Result,
  Steps,
  Typography,
} from 'antd';
import { t } from '../../../locales/zh-CN.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { LinkButton } from '../../../shared/LinkButton.tsx';
import type { Progress } from '../api.ts';

type StepStatus = 'wait' | 'process' | 'finish' | 'error';

const RESULT_STATUS: Record<Progress['state'], 'info' | 'success' | 'warning' | 'error'> = {
  DRAFT: 'info',
  SUBMITTED: 'info',
  IN_REVIEW: 'info',
  RETURNED: 'error',
  CODE_PENDING: 'success',
  DONE: 'success',
  WITHDRAWN: 'warning',
};

const copyable = (value: string) => ({
  text: value,
  tooltips: false as const,
  icon: [
    <span key="copy">
      <CopyOutlined /> {t.progressResult.copy}
    </span>,
    <span key="done">
      <CheckOutlined /> {t.progressResult.copied}
    </span>,
  ],
});

/** 已办结: what the applicant does next with the codes (SPEC §4.2, §7.2). */
function NextSteps({ showsCheckCode }: { showsCheckCode: boolean }) {
  const text = t.progressResult;
  return (
    <Alert
      type="success"
      showIcon
      style={{ marginTop: 16 }}
      data-testid="next-steps"
      title={text.nextTitle}
      description={
        <>
          <ol style={{ paddingInlineStart: 20, margin: '4px 0 8px' }}>
            {text.nextSteps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
          {showsCheckCode && <Typography.Text type="warning">{text.checkCodeOnce}</Typography.Text>}
          <Flex justify="flex-end" style={{ marginTop: 8 }}>
            <LinkButton to="/" type="primary">
              {text.goLogin}
            </LinkButton>
          </Flex>
        </>
      }
    />
  );
}

function stepStatus(p: Progress, index: number): StepStatus {
  if (index < p.passedSteps.length) return 'finish';
  if (index !== p.stepIndex) return 'wait';
  if (p.state === 'RETURNED') return 'error';
  return p.holder ? 'process' : 'wait';
}

export function ProgressCard({
  progress: p,
  onResubmit,
  onWithdraw,
  withdrawing,
}: {
  progress: Progress;
  onResubmit: () => void;
  onWithdraw: () => void;
  withdrawing: boolean;
}) {
  const text = t.progressResult;
  const details: DescriptionsProps['items'] = [
    { key: 'name', label: text.siteName, children: p.siteName },
    { key: 'url', label: text.homeUrl, children: p.homeUrl },
    {
      key: 'at',
      label: p.resubmittedAt ? text.firstSubmittedAt : text.submittedAt,
      children: formatDateTime(p.submittedAt),
    },
  ];
  if (p.resubmittedAt) {
    details.push({ key: 'resubmittedAt', label: text.resubmittedAt, children: formatDateTime(p.resubmittedAt) });
  }
  if (p.holder) {
    details.push(
      { key: 'holder', label: text.holder, children: `${p.holder.name}（${p.holder.code}）` },
      { key: 'phone', label: text.holderPhone, children: p.holder.officePhone ?? text.noPhone },
      { key: 'days', label: text.waited, children: text.days(p.holder.daysWaiting) },
    );
  }
  if (p.credentials) {
    const { siteCode, checkCode, note } = p.credentials;
    details.push({
      key: 'siteCode',
      label: text.siteCode,
      children: (
        <Typography.Text data-testid="progress-site-code" copyable={copyable(siteCode)}>
          {siteCode}
        </Typography.Text>
      ),
    });
    details.push({
      key: 'checkCode',
      label: text.checkCode,
      children: checkCode ? (
        <Typography.Text
          data-testid="progress-check-code"
          style={{ fontFamily: 'monospace', fontSize: 16 }}
          copyable={copyable(checkCode)}
        >
          {checkCode}
        </Typography.Text>
      ) : (
        (note ?? '')
      ),
    });
  }
  const passedAt = new Map(p.passedSteps.map((s) => [s.code, s.approvedAt]));

  return (
    <Card style={{ marginTop: 16 }}>
      <Result
        status={RESULT_STATUS[p.state]}
        icon={p.holder ? <ClockCircleOutlined /> : undefined}
        title={<span data-testid="progress-text">{p.text}</span>}
        style={{ paddingBlock: 16 }}
      />
      {p.state === 'RETURNED' && <Alert type="error" showIcon title={text.returnedHint} style={{ marginBottom: 16 }} />}
      <Descriptions bordered size="small" column={1} items={details} styles={{ label: { width: 160 } }} />
      {p.credentials && <NextSteps showsCheckCode={p.credentials.checkCode !== null} />}
      {p.holder && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {text.longWaitHint}
        </Typography.Paragraph>
      )}
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {text.chainTitle}
      </Typography.Title>
      <Steps
        orientation="vertical"
        size="small"
        current={Math.min(p.stepIndex, p.chain.length - 1)}
        items={p.chain.map((org, i) => {
          const status = stepStatus(p, i);
          const at = passedAt.get(org.code);
          return {
            key: org.code,
            status,
            title: org.name,
            content:
              status === 'finish'
                ? at
                  ? text.approvedAt(formatDateTime(at))
                  : text.approved
                : status === 'process'
                  ? text.reviewing
                  : status === 'error'
                    ? p.returnedAt
                      ? text.returnedAt(formatDateTime(p.returnedAt))
                      : text.returnedHere
                    : text.waiting,
          };
        })}
      />
      {(p.canResubmit || p.canWithdraw) && (
        <Flex gap={12} justify="flex-end" wrap style={{ marginTop: 16 }}>
          {p.canWithdraw && (
            <Popconfirm
              title={text.withdrawConfirmTitle}
              description={text.withdrawConfirm}
              okText={text.withdraw}
              cancelText={text.cancel}
              okButtonProps={{ danger: true, loading: withdrawing }}
              onConfirm={onWithdraw}
            >
              <Button danger icon={<RollbackOutlined />}>
                {text.withdraw}
              </Button>
            </Popconfirm>
          )}
          {p.canResubmit && (
            <Button type="primary" icon={<EditOutlined />} onClick={onResubmit}>
              {text.resubmit}
            </Button>
          )}
        </Flex>
      )}
    </Card>
  );
}
