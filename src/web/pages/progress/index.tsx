// 查询进度: the applicant types the 临时码 and sees where the application is (SPEC §7.1.3, §16 item 2).
import { SearchOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { t } from '../../locales/zh-CN.ts';
import { errorMessage } from '../../request.ts';
import { LinkButton } from '../../shared/LinkButton.tsx';
import { PublicFrame } from '../../shared/PublicFrame.tsx';
import { queryProgress, withdrawApplication } from './api.ts';
import { ProgressCard } from './components/ProgressCard.tsx';

export default function ProgressPage() {
  const navigate = useNavigate();
  const handedOver = (useLocation().state as { tempCode?: string } | null)?.tempCode;
  const [form] = Form.useForm<{ tempCode: string }>();
  const [code, setCode] = useState<string | null>(null);
  const query = useMutation({ mutationFn: queryProgress, meta: { inlineError: true } });
  const withdraw = useMutation({
    mutationFn: withdrawApplication,
    meta: { inlineError: true },
    onSuccess: () => code && query.mutate(code),
  });

  const run = (tempCode: string) => {
    setCode(tempCode);
    withdraw.reset();
    query.mutate(tempCode);
  };

  // Arriving from the receipt or a resubmission: query right away.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, for the code handed over on navigation.
  useEffect(() => {
    if (handedOver) {
      form.setFieldsValue({ tempCode: handedOver });
      run(handedOver);
    }
  }, []);

  const failure = query.error ?? withdraw.error;
  return (
    <PublicFrame maxWidth={760}>
      <Card title={t.progress.title}>
        <Typography.Paragraph type="secondary">{t.progress.intro}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={(v) => run(v.tempCode)}>
          <Form.Item
            label={t.progress.tempCode}
            name="tempCode"
            rules={[{ required: true, whitespace: true, message: t.progressResult.codeRequired }]}
          >
            <Input
              size="large"
              maxLength={20}
              placeholder={t.progress.placeholder}
              autoComplete="off"
              style={{ fontFamily: 'monospace' }}
            />
          </Form.Item>
          {failure && <Alert type="error" showIcon title={errorMessage(failure)} style={{ marginBottom: 16 }} />}
          <Flex gap={12} justify="flex-end">
            <LinkButton to="/">{t.app.backHome}</LinkButton>
            <Button type="primary" icon={<SearchOutlined />} htmlType="submit" loading={query.isPending}>
              {t.progress.query}
            </Button>
          </Flex>
        </Form>
      </Card>
      {query.data && code && (
        <ProgressCard
          progress={query.data}
          withdrawing={withdraw.isPending}
          onWithdraw={() => withdraw.mutate(code)}
          onResubmit={() => navigate('/apply/form', { state: { resubmitCode: code } })}
        />
      )}
    </PublicFrame>
  );
}
