// 新增网站, step 1: the conditions the applicant confirms before filling the form (SPEC §7.1.1 step 2).
import { Card, Flex, Typography } from 'antd';
import { t } from '../../../locales/zh-CN.ts';
import { LinkButton } from '../../../shared/LinkButton.tsx';
import { ProgressLink, PublicFrame } from '../../../shared/PublicFrame.tsx';

export default function ApplyConfirmPage() {
  return (
    <PublicFrame maxWidth={880} extra={<ProgressLink />}>
      <Card title={t.apply.title}>
        <Typography.Paragraph strong>{t.apply.intro}</Typography.Paragraph>
        <ol style={{ paddingInlineStart: 24, lineHeight: 1.9 }}>
          {t.apply.items.map((item) => (
            <li key={item} style={{ marginBottom: 12 }}>
              <Typography.Text>{item}</Typography.Text>
            </li>
          ))}
        </ol>
        <Typography.Paragraph type="secondary">{t.apply.outro}</Typography.Paragraph>
        <Flex gap={12} justify="flex-end" wrap>
          <LinkButton to="/">{t.app.backHome}</LinkButton>
          <LinkButton type="primary" to="/apply/form">
            {t.apply.continue}
          </LinkButton>
        </Flex>
      </Card>
    </PublicFrame>
  );
}
